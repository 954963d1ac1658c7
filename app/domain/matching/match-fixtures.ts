/**
 * Ready-made engine inputs for tests: one rural case in 萧县龙城镇 (GB/T 2260 341322100) and
 * resources that fit it, each overridable field by field. Not used by the app itself.
 */
import type {
  MatchCandidates,
  MatchCase,
  MatchFund,
  MatchInput,
  MatchNeed,
  MatchProject,
  MatchSupplyOffer,
  MatchVolunteerOffer,
} from "./match-types.ts";

export const TODAY = "2026-11-24";
export const XIAO_TOWNSHIP = "341322100";
export const XIAO_COUNTY = "341322";
export const SUZHOU_CITY = "3413";

export const aCase = (overrides: Partial<MatchCase> = {}): MatchCase => ({
  regionCode: XIAO_TOWNSHIP,
  category: "MAJOR_ILLNESS",
  urgency: "HIGH",
  age: 45,
  ageBand: "ADULT",
  conditionTags: ["SERIOUS_ILLNESS"],
  ...overrides,
});

export const aNeed = (overrides: Partial<MatchNeed> = {}): MatchNeed => ({
  id: "need-cash",
  kind: "CASH",
  title: "手术及住院费用",
  category: null,
  unit: null,
  target: 2_000_000,
  committed: 0,
  status: "OPEN",
  ...overrides,
});

export const aFund = (overrides: Partial<MatchFund> = {}): MatchFund => ({
  id: "fund-xiao",
  name: "萧县救急难公益基金",
  regionCode: XIAO_COUNTY,
  scopeCategories: [],
  perCaseCapFen: 500_000,
  reviewThresholdFen: 300_000,
  status: "ACTIVE",
  balanceFen: 10_000_000,
  reservedFen: 0,
  committedToCaseFen: 0,
  ...overrides,
});

export const aProject = (overrides: Partial<MatchProject> = {}): MatchProject => ({
  id: "project-warm-heart",
  title: "大病救助“暖心”项目",
  organizationId: "org-charity",
  organizationStatus: "VETTED",
  categories: ["MAJOR_ILLNESS"],
  regionCodes: [SUZHOU_CITY],
  minAge: null,
  maxAge: null,
  conditionTags: [],
  perCaseCapFen: 1_000_000,
  budgetFen: 20_000_000,
  reservedFen: 0,
  committedToCaseFen: 0,
  status: "ACTIVE",
  startsOn: "2026-01-01",
  endsOn: "2027-12-31",
  ...overrides,
});

export const aVolunteerOffer = (overrides: Partial<MatchVolunteerOffer> = {}): MatchVolunteerOffer => ({
  id: "vol-care",
  title: "住院陪护与生活照料",
  organizationStatus: null,
  skills: ["CARE", "COMPANIONSHIP"],
  regionCodes: [XIAO_COUNTY],
  availability: "周末全天",
  hoursOffered: 60,
  hoursReserved: 0,
  availableUntil: null,
  status: "ACTIVE",
  ...overrides,
});

export const aSupplyOffer = (overrides: Partial<MatchSupplyOffer> = {}): MatchSupplyOffer => ({
  id: "supply-quilts",
  itemName: "棉被",
  itemCategory: "BEDDING",
  unit: "床",
  quantity: 50,
  quantityReserved: 0,
  regionCodes: [SUZHOU_CITY],
  expiresOn: null,
  status: "ACTIVE",
  organizationStatus: "VETTED",
  ...overrides,
});

export const noCandidates = (): MatchCandidates => ({ funds: [], projects: [], volunteerOffers: [], supplyOffers: [] });

export const anInput = (overrides: { case?: Partial<MatchCase>; needs?: MatchNeed[]; candidates?: Partial<MatchCandidates> } = {}): MatchInput => ({
  case: aCase(overrides.case),
  needs: overrides.needs ?? [aNeed()],
  candidates: { ...noCandidates(), ...overrides.candidates },
});
