/**
 * Which resources may serve the case at all, checked once per resource and case (the line-level
 * checks — item category, skill, the amount — are in rank-case-matches.ts).
 *
 * Rules, all inclusive of their boundary days and ages:
 * - status: funds must be ACTIVE; projects and offers ACTIVE (DRAFT, PAUSED, CLOSED are refused).
 * - organisation: a project, or an offer made by an organisation, needs a VETTED organisation.
 * - dates: a project runs from startsOn to endsOn, both days included; an offer can be used up to
 *   and including its availableUntil / expiresOn day.
 * - region: a fund's region or a project's codes must contain the case's region; an offer's codes
 *   may also lie inside it (see regionFit). An empty list of codes serves everywhere.
 * - category: a fund's scopeCategories / a project's categories must list the case's category, or
 *   be empty (every category).
 * - age (projects): minAge ≤ age ≤ maxAge, both inclusive, ages in full years (周岁). With only an
 *   age band, a band wholly outside the bounds is refused, a band straddling one is allowed with a
 *   note to check; with neither, allowed with a note.
 * - conditions (projects): the household carries at least one of the project's condition tags.
 * - money, stock, hours: something must be left (capacity − reserved > 0), and for funds and
 *   projects something of the per-case cap (cap − what it already gives this case > 0).
 */
import { requireIsoDate, toDayNumber, type IsoDate } from "../iso-date.ts";
import {
  MATCH_SOURCES,
  type IneligibleReason,
  type MatchCase,
  type MatchFund,
  type MatchProject,
  type MatchReason,
  type MatchSource,
  type MatchSupplyOffer,
  type MatchVolunteerOffer,
  type OrganizationStatusName,
  type ReasonParams,
  type ResourceStatusName,
} from "./match-types.ts";
import { AGE_BAND_RANGES, REGION_POINTS, type RegionFitLevel } from "./match-weights.ts";
import {
  ageBandWithinBoundsReason,
  ageWithinBoundsReason,
  categoryReason,
  conditionMatchReason,
  expiryReason,
  formatAmount,
  note,
  regionFit,
  regionFitOfCode,
  regionReason,
  urgencyReason,
  type CaseRegion,
} from "./score-parts.ts";

/** What the engine knows about the case and the day, prepared once per run. */
export type MatchContext = {
  kase: MatchCase;
  place: CaseRegion;
  caseTags: ReadonlySet<string>;
  today: IsoDate;
  todayDay: number;
  /** today + EXPIRY_WITHIN_DAYS: resources ending after it earn no expiry points, so their days are never counted. */
  expiryHorizon: IsoDate;
  /** Collect every reason a candidate fails (for "why not?"), not just the first. */
  collectAll: boolean;
  /**
   * Reasons that are the same for every resource of a run (the case's category, a region level,
   * the urgency for a source), made once and shared: a large run has thousands of suggestions.
   */
  shared: SharedReasons;
};

export type SharedReasons = {
  categoryListed: MatchReason;
  categoryGeneral: MatchReason;
  region: Record<RegionFitLevel, MatchReason>;
  urgency: Record<MatchSource, MatchReason>;
};

const freeze = (r: MatchReason): MatchReason => Object.freeze({ ...r, params: Object.freeze(r.params) }) as MatchReason;

export function sharedReasonsFor(kase: MatchCase): SharedReasons {
  const levels = Object.keys(REGION_POINTS) as RegionFitLevel[];
  return {
    categoryListed: freeze(categoryReason("listed", { category: kase.category })),
    categoryGeneral: freeze(categoryReason("generalScope")),
    region: Object.fromEntries(levels.map((level) => [level, freeze(regionReason(level))])) as Record<RegionFitLevel, MatchReason>,
    urgency: Object.fromEntries(MATCH_SOURCES.map((source) => [source, freeze(urgencyReason(kase.urgency, source))])) as Record<MatchSource, MatchReason>,
  };
}

/** The case-level verdict on one resource. */
export type CaseLevel =
  | { ok: false; failures: IneligibleReason[] }
  | {
      ok: true;
      /** Category (funds, projects), region and targeting reasons, in display order. */
      lead: MatchReason[];
      /** Urgency, expiry and notes, shown after coverage and capacity. */
      tail: MatchReason[];
      capacityLeft: number;
      /** What the per-case cap still allows; Infinity when the resource has none. */
      capLeft: number;
    };

/** Where a check's failures go: a list when every reason is wanted, else nowhere (stop at the first). */
type FailureSink = {
  /** Records a failure; true when the checks should stop here. */
  add(key: string, params?: ReasonParams): boolean;
  readonly isEmpty: boolean;
  verdict(): CaseLevel;
};

class CollectedFailures implements FailureSink {
  readonly list: IneligibleReason[] = [];
  add(key: string, params: ReasonParams = {}): boolean {
    this.list.push({ key: `matching.ineligible.${key}`, params });
    return false;
  }
  get isEmpty() {
    return this.list.length === 0;
  }
  verdict(): CaseLevel {
    return { ok: false, failures: this.list };
  }
}

/**
 * Ranking without the "why not" lists discards the reasons, so most of the 50,000 resources of a
 * large run fail without allocating anything: one shared verdict, no lists, no reason objects.
 */
const REJECTED: CaseLevel = Object.freeze({ ok: false, failures: Object.freeze([]) as unknown as IneligibleReason[] });
const STOP_AT_FIRST: FailureSink = { add: () => true, isEmpty: true, verdict: () => REJECTED };

const sinkFor = (ctx: MatchContext): FailureSink => (ctx.collectAll ? new CollectedFailures() : STOP_AT_FIRST);

const STATUS_FAILURE: Record<Exclude<ResourceStatusName, "ACTIVE">, string> = { DRAFT: "statusDraft", PAUSED: "statusPaused", CLOSED: "statusClosed" };

function checkStatus(status: ResourceStatusName, failures: FailureSink): boolean {
  return status !== "ACTIVE" && failures.add(STATUS_FAILURE[status]);
}

function checkOrganization(status: OrganizationStatusName | null, failures: FailureSink): boolean {
  return status !== null && status !== "VETTED" && failures.add("orgNotVetted", { status });
}

/** Whole days from the context's today to an ISO day (negative when it is past). */
export function daysFrom(ctx: MatchContext, isoDate: IsoDate): number {
  return toDayNumber(requireIsoDate(isoDate)) - ctx.todayDay;
}

function expiry(ctx: MatchContext, endsOn: IsoDate | null): MatchReason | null {
  // ISO days compare as strings; only resources ending within the horizon need their days counted.
  if (endsOn === null || endsOn > ctx.expiryHorizon) return null;
  return expiryReason(endsOn, daysFrom(ctx, endsOn));
}

// ───────────────────────────── Funds ─────────────────────────────

export function assessFundForCase(ctx: MatchContext, fund: MatchFund): CaseLevel {
  const failures = sinkFor(ctx);
  if (fund.status !== "ACTIVE" && failures.add("statusClosed")) return failures.verdict();
  const level = regionFitOfCode(ctx.place, fund.regionCode, false);
  if (level === null && failures.add("regionOutOfScope")) return failures.verdict();
  const category = ctx.kase.category;
  const isGeneral = fund.scopeCategories.length === 0;
  if (!isGeneral && !fund.scopeCategories.includes(category) && failures.add("categoryOutOfScope", { category })) return failures.verdict();
  const capacityLeft = fund.balanceFen - fund.reservedFen;
  if (capacityLeft <= 0 && failures.add("fundExhausted")) return failures.verdict();
  const capLeft = fund.perCaseCapFen - fund.committedToCaseFen;
  if (capLeft <= 0 && failures.add("perCaseCapReached", { cap: capText(fund.perCaseCapFen) })) return failures.verdict();
  if (!failures.isEmpty) return failures.verdict();
  return {
    ok: true,
    lead: [isGeneral ? ctx.shared.categoryGeneral : ctx.shared.categoryListed, ctx.shared.region[level!]],
    tail: [ctx.shared.urgency.FUND],
    capacityLeft,
    capLeft,
  };
}

// ───────────────────────────── Projects ─────────────────────────────

export function assessProjectForCase(ctx: MatchContext, project: MatchProject): CaseLevel {
  const failures = sinkFor(ctx);
  if (checkStatus(project.status, failures)) return failures.verdict();
  if (checkOrganization(project.organizationStatus, failures)) return failures.verdict();
  if (project.startsOn !== null && project.startsOn > ctx.today && failures.add("notStarted", { date: project.startsOn })) return failures.verdict();
  if (project.endsOn !== null && project.endsOn < ctx.today && failures.add("ended", { date: project.endsOn })) return failures.verdict();
  const level = regionFit(ctx.place, project.regionCodes, false);
  if (level === null && failures.add("regionOutOfScope")) return failures.verdict();
  const category = ctx.kase.category;
  const isGeneral = project.categories.length === 0;
  if (!isGeneral && !project.categories.includes(category) && failures.add("categoryOutOfScope", { category })) return failures.verdict();

  const targeting: MatchReason[] = [];
  const notes: MatchReason[] = [];
  if (checkAge(ctx.kase, project, failures, targeting, notes)) return failures.verdict();
  if (project.conditionTags.length > 0) {
    const matched = project.conditionTags.find((tag) => ctx.caseTags.has(tag));
    if (matched !== undefined) targeting.unshift(conditionMatchReason(matched));
    else {
      const [tag] = project.conditionTags;
      const stop = project.conditionTags.length === 1 ? failures.add("conditionMissing", { tag: tag! }) : failures.add("conditionMissingAny", { tag: tag!, count: project.conditionTags.length });
      if (stop) return failures.verdict();
    }
  }

  const capacityLeft = project.budgetFen - project.reservedFen;
  if (capacityLeft <= 0 && failures.add("budgetExhausted")) return failures.verdict();
  const capLeft = project.perCaseCapFen - project.committedToCaseFen;
  if (capLeft <= 0 && failures.add("perCaseCapReached", { cap: capText(project.perCaseCapFen) })) return failures.verdict();
  if (!failures.isEmpty) return failures.verdict();

  const tail = [ctx.shared.urgency.PROJECT];
  const ends = expiry(ctx, project.endsOn);
  if (ends) tail.push(ends);
  tail.push(...notes);
  return {
    ok: true,
    lead: targeting.length === 0 ? [isGeneral ? ctx.shared.categoryGeneral : ctx.shared.categoryListed, ctx.shared.region[level!]] : [isGeneral ? ctx.shared.categoryGeneral : ctx.shared.categoryListed, ctx.shared.region[level!], ...targeting],
    tail,
    capacityLeft,
    capLeft,
  };
}

/**
 * The project's age bounds against the beneficiary (bounds inclusive). Returns true to stop the
 * checks (fast mode, failed); adds a targeting reason or a note when it passes.
 */
function checkAge(kase: MatchCase, project: MatchProject, failures: FailureSink, targeting: MatchReason[], notes: MatchReason[]): boolean {
  const { minAge, maxAge } = project;
  if (minAge === null && maxAge === null) return false;
  if (kase.age !== null) {
    if (minAge !== null && kase.age < minAge) return failures.add("ageBelowMin", { age: kase.age, min: minAge });
    if (maxAge !== null && kase.age > maxAge) return failures.add("ageAboveMax", { age: kase.age, max: maxAge });
    targeting.push(ageWithinBoundsReason(kase.age));
    return false;
  }
  if (kase.ageBand !== null) {
    const band = kase.ageBand;
    const [low, high] = AGE_BAND_RANGES[band];
    if (minAge !== null && high < minAge) return failures.add("ageBandBelowMin", { band, min: minAge });
    if (maxAge !== null && low > maxAge) return failures.add("ageBandAboveMax", { band, max: maxAge });
    if ((minAge === null || low >= minAge) && (maxAge === null || high <= maxAge)) targeting.push(ageBandWithinBoundsReason(band));
    else notes.push(note.ageUnverified(band));
    return false;
  }
  notes.push(note.ageUnknown());
  return false;
}

// ───────────────────────────── Volunteer offers ─────────────────────────────

export function assessVolunteerOfferForCase(ctx: MatchContext, offer: MatchVolunteerOffer): CaseLevel {
  const failures = sinkFor(ctx);
  if (checkStatus(offer.status, failures)) return failures.verdict();
  if (checkOrganization(offer.organizationStatus, failures)) return failures.verdict();
  if (offer.availableUntil !== null && offer.availableUntil < ctx.today && failures.add("expired", { date: offer.availableUntil })) return failures.verdict();
  const level = regionFit(ctx.place, offer.regionCodes, true);
  if (level === null && failures.add("regionOutOfScope")) return failures.verdict();
  const capacityLeft = offer.hoursOffered - offer.hoursReserved;
  if (capacityLeft <= 0 && failures.add("hoursExhausted")) return failures.verdict();
  if (!failures.isEmpty) return failures.verdict();
  const tail = [ctx.shared.urgency.VOLUNTEER_OFFER];
  const ends = expiry(ctx, offer.availableUntil);
  if (ends) tail.push(ends);
  if (offer.availability.trim() !== "") tail.push(note.availability(offer.availability.trim()));
  return { ok: true, lead: [ctx.shared.region[level!]], tail, capacityLeft, capLeft: Infinity };
}

// ───────────────────────────── Supply offers ─────────────────────────────

export function assessSupplyOfferForCase(ctx: MatchContext, offer: MatchSupplyOffer): CaseLevel {
  const failures = sinkFor(ctx);
  if (checkStatus(offer.status, failures)) return failures.verdict();
  if (checkOrganization(offer.organizationStatus, failures)) return failures.verdict();
  if (offer.expiresOn !== null && offer.expiresOn < ctx.today && failures.add("expired", { date: offer.expiresOn })) return failures.verdict();
  const level = regionFit(ctx.place, offer.regionCodes, true);
  if (level === null && failures.add("regionOutOfScope")) return failures.verdict();
  const capacityLeft = offer.quantity - offer.quantityReserved;
  if (capacityLeft <= 0 && failures.add("stockExhausted")) return failures.verdict();
  if (!failures.isEmpty) return failures.verdict();
  const tail = [ctx.shared.urgency.SUPPLY_OFFER];
  const ends = expiry(ctx, offer.expiresOn);
  if (ends) tail.push(ends);
  return { ok: true, lead: [ctx.shared.region[level!]], tail, capacityLeft, capLeft: Infinity };
}

const capText = (fenAmount: number) => formatAmount("CASH", fenAmount);
