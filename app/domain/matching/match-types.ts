/**
 * Inputs and outputs of the matching engine (一案一策, DESIGN.md §5). Field names follow the rows in
 * prisma/schema.prisma (Case, Need, ReliefFund, Project, VolunteerOffer, SupplyOffer) so a loader maps
 * them one to one; the few fields that are not columns are derived by the loader and say how.
 * Calendar dates (`@db.Date` columns) travel as ISO strings "YYYY-MM-DD" in Asia/Shanghai.
 *
 * app/domain is pure, so it keeps its own copies of the schema's enums; tests/server/
 * matching-candidates.test.ts checks them against the generated Prisma enums.
 */
import type { CASE_CATEGORIES, URGENCIES } from "../case-status.ts";
import type { IsoDate } from "../iso-date.ts";

export type CaseCategoryName = (typeof CASE_CATEGORIES)[number];
export type UrgencyName = (typeof URGENCIES)[number];

/** prisma enum NeedKind. */
export const NEED_KINDS = ["CASH", "ITEM", "SERVICE"] as const;
export type NeedKindName = (typeof NEED_KINDS)[number];

/** prisma enum NeedStatus. */
export const NEED_STATUSES = ["OPEN", "COVERED", "CANCELLED"] as const;
export type NeedStatusName = (typeof NEED_STATUSES)[number];

/** prisma enum ResourceStatus (projects, volunteer offers, supply offers). */
export const RESOURCE_STATUSES = ["DRAFT", "ACTIVE", "PAUSED", "CLOSED"] as const;
export type ResourceStatusName = (typeof RESOURCE_STATUSES)[number];

/** prisma enum FundStatus. */
export const FUND_STATUSES = ["ACTIVE", "CLOSED"] as const;
export type FundStatusName = (typeof FUND_STATUSES)[number];

/** prisma enum OrganizationStatus. */
export const ORGANIZATION_STATUSES = ["PENDING", "VETTED", "REJECTED", "SUSPENDED"] as const;
export type OrganizationStatusName = (typeof ORGANIZATION_STATUSES)[number];

/** prisma enum AgeBand. */
export const AGE_BANDS = ["CHILD", "YOUNG_ADULT", "ADULT", "SENIOR"] as const;
export type AgeBandName = (typeof AGE_BANDS)[number];

/**
 * The kinds of resource the engine ranks, named as prisma enum CommitmentSource names them, so a
 * pick turns into a Commitment with `source` = the suggestion's source.
 */
export const MATCH_SOURCES = ["FUND", "PROJECT", "VOLUNTEER_OFFER", "SUPPLY_OFFER"] as const;
export type MatchSource = (typeof MATCH_SOURCES)[number];

/** The case being planned. Staff-only: the real age may be used. */
export type MatchCase = {
  regionCode: string;
  category: CaseCategoryName;
  urgency: UrgencyName;
  /** Age in full years (周岁) on `today`, from the ID number or birth year; null when unknown. */
  age: number | null;
  /** Case.ageBand, used when the age itself is unknown. */
  ageBand: AgeBandName | null;
  /** Beneficiary.vulnerableMembers plus derived tags (see caseConditionTags). */
  conditionTags: readonly string[];
};

/** A need line (Need). `target`/`committed` are 分 for CASH, pieces for ITEM, hours for SERVICE. */
export type MatchNeed = {
  id: string;
  kind: NeedKindName;
  title: string;
  /** Item category or service type; null on cash lines (or when staff left it open). */
  category: string | null;
  unit: string | null;
  target: number;
  committed: number;
  status: NeedStatusName;
};

/** ReliefFund, with its money figures. */
export type MatchFund = {
  id: string;
  name: string;
  regionCode: string;
  /** Empty = every category (as the advance rules read it). */
  scopeCategories: readonly CaseCategoryName[];
  perCaseCapFen: number;
  reviewThresholdFen: number;
  status: FundStatusName;
  /** LedgerAccount.balanceFen of the fund. */
  balanceFen: number;
  /** Promised but not yet posted (grants waiting for review, open fund commitments). */
  reservedFen: number;
  /** What this fund already gives this case (all lines), counted against its per-case cap. */
  committedToCaseFen: number;
};

export type MatchProject = {
  id: string;
  title: string;
  organizationId: string;
  organizationStatus: OrganizationStatusName;
  /** Empty = every category. */
  categories: readonly CaseCategoryName[];
  /** Codes served, each covering its subtree; empty = nationwide. */
  regionCodes: readonly string[];
  minAge: number | null;
  maxAge: number | null;
  /** The household must carry at least one of these; empty = no condition. */
  conditionTags: readonly string[];
  perCaseCapFen: number;
  budgetFen: number;
  reservedFen: number;
  /** Active project commitments on this case (all lines), counted against the per-case cap. */
  committedToCaseFen: number;
  status: ResourceStatusName;
  startsOn: IsoDate | null;
  endsOn: IsoDate | null;
};

export type MatchVolunteerOffer = {
  id: string;
  title: string;
  /** Status of the organisation behind a team offer; null for a person's own offer. */
  organizationStatus: OrganizationStatusName | null;
  skills: readonly string[];
  /** Codes served, each covering its subtree; empty = anywhere. */
  regionCodes: readonly string[];
  availability: string;
  hoursOffered: number;
  hoursReserved: number;
  availableUntil: IsoDate | null;
  status: ResourceStatusName;
};

export type MatchSupplyOffer = {
  id: string;
  itemName: string;
  itemCategory: string;
  unit: string;
  quantity: number;
  quantityReserved: number;
  /** Codes served, each covering its subtree; empty = anywhere. */
  regionCodes: readonly string[];
  expiresOn: IsoDate | null;
  status: ResourceStatusName;
  /** Status of the organisation offering the goods; null for a person's offer. */
  organizationStatus: OrganizationStatusName | null;
};

export type MatchCandidates = {
  funds: readonly MatchFund[];
  projects: readonly MatchProject[];
  volunteerOffers: readonly MatchVolunteerOffer[];
  supplyOffers: readonly MatchSupplyOffer[];
};

export type MatchInput = {
  case: MatchCase;
  needs: readonly MatchNeed[];
  candidates: MatchCandidates;
};

export type MatchOptions = {
  /** The day of the match in Asia/Shanghai: the engine's only clock. */
  today: IsoDate;
  /** Also list, per line, the candidates of the line's kind that cannot serve it and why. */
  includeIneligible?: boolean;
  /** Keep only the best N suggestions per line (all when unset). */
  limit?: number;
};

export type ReasonParams = Record<string, string | number>;

/** One part of a score: an i18n key under `matching.reasons.*`, its params and the points it gave. */
export type MatchReason = { key: `matching.reasons.${string}`; params: ReasonParams; points: number };

/** Why a candidate cannot serve a line: an i18n key under `matching.ineligible.*`. */
export type IneligibleReason = { key: `matching.ineligible.${string}`; params: ReasonParams };

export type CandidateRef = { source: MatchSource; id: string };

export type MatchSuggestion = CandidateRef & {
  /** 0–100, the plain sum of the reasons' points. */
  score: number;
  /** What it can cover, in the line's unit: ≤ its remaining capacity, ≤ its per-case cap left, ≤ the line's need. */
  amount: number;
  reasons: MatchReason[];
};

export type IneligibleCandidate = CandidateRef & { reasons: IneligibleReason[] };

export type LineMatches = {
  needId: string;
  kind: NeedKindName;
  /** What the line still needs: target − committed. */
  remaining: number;
  /** Best first. */
  suggestions: MatchSuggestion[];
  /** Only with `includeIneligible`; ordered by source, then id. */
  ineligible: IneligibleCandidate[] | null;
};

export type CaseMatches = { lines: LineMatches[] };
