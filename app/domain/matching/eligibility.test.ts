import { describe, expect, it } from "vitest";
import {
  assessFundForCase,
  assessProjectForCase,
  assessSupplyOfferForCase,
  assessVolunteerOfferForCase,
  type CaseLevel,
} from "./eligibility.ts";
import { TODAY, XIAO_COUNTY, aCase, aFund, aProject, aSupplyOffer, aVolunteerOffer } from "./match-fixtures.ts";
import { AGE_BANDS, FUND_STATUSES, ORGANIZATION_STATUSES, RESOURCE_STATUSES, type AgeBandName, type MatchCase } from "./match-types.ts";
import { createMatchContext } from "./rank-case-matches.ts";

// Every reason is collected here (as for the “why not?” lists); the fast path only stops earlier.
const ctxFor = (kase: Partial<MatchCase> = {}, collectAll = true) => createMatchContext(aCase(kase), { today: TODAY, includeIneligible: collectAll });
const keysOf = (level: CaseLevel) => (level.ok ? [] : level.failures.map((f) => f.key.replace("matching.ineligible.", "")));
const reasonKeys = (level: CaseLevel) => (level.ok ? [...level.lead, ...level.tail].map((r) => r.key.replace("matching.reasons.", "")) : []);

const STATUS_KEY = { DRAFT: "statusDraft", PAUSED: "statusPaused", CLOSED: "statusClosed" } as const;

describe("every status", () => {
  it.each(FUND_STATUSES)("fund %s", (status) => {
    const level = assessFundForCase(ctxFor(), aFund({ status }));
    expect(keysOf(level)).toEqual(status === "ACTIVE" ? [] : ["statusClosed"]);
  });

  const resources = [
    ["project", (status: (typeof RESOURCE_STATUSES)[number]) => assessProjectForCase(ctxFor(), aProject({ status }))],
    ["volunteer offer", (status: (typeof RESOURCE_STATUSES)[number]) => assessVolunteerOfferForCase(ctxFor(), aVolunteerOffer({ status }))],
    ["supply offer", (status: (typeof RESOURCE_STATUSES)[number]) => assessSupplyOfferForCase(ctxFor(), aSupplyOffer({ status }))],
  ] as const;
  it.each(resources.flatMap(([name, assess]) => RESOURCE_STATUSES.map((status) => [name, status, assess] as const)))("%s %s", (_name, status, assess) => {
    const level = assess(status);
    expect(level.ok).toBe(status === "ACTIVE");
    if (status !== "ACTIVE") expect(keysOf(level)).toEqual([STATUS_KEY[status]]);
  });
});

describe("organisation vetting", () => {
  const cases = ORGANIZATION_STATUSES.flatMap((status) => [
    ["project", status, () => assessProjectForCase(ctxFor(), aProject({ organizationStatus: status }))],
    ["volunteer team", status, () => assessVolunteerOfferForCase(ctxFor(), aVolunteerOffer({ organizationStatus: status }))],
    ["supply offer", status, () => assessSupplyOfferForCase(ctxFor(), aSupplyOffer({ organizationStatus: status }))],
  ] as const);
  it.each(cases)("%s of a %s organisation", (_name, status, assess) => {
    const level = assess();
    expect(level.ok).toBe(status === "VETTED");
    if (!level.ok) expect(level.failures).toEqual([{ key: "matching.ineligible.orgNotVetted", params: { status } }]);
  });

  it("a person's own offer needs no organisation", () => {
    expect(assessVolunteerOfferForCase(ctxFor(), aVolunteerOffer({ organizationStatus: null })).ok).toBe(true);
    expect(assessSupplyOfferForCase(ctxFor(), aSupplyOffer({ organizationStatus: null })).ok).toBe(true);
  });
});

describe("age bounds: minAge ≤ age ≤ maxAge, both inclusive", () => {
  it.each([
    [16, 16, 22, []],
    [22, 16, 22, []],
    [15, 16, 22, ["ageBelowMin"]],
    [23, 16, 22, ["ageAboveMax"]],
    [0, null, 17, []],
    [17, null, 17, []],
    [18, null, 17, ["ageAboveMax"]],
    [60, 60, null, []],
    [59, 60, null, ["ageBelowMin"]],
    [99, null, null, []],
  ] as const)("age %i, bounds %s–%s → %j", (age, minAge, maxAge, expected) => {
    const level = assessProjectForCase(ctxFor({ age }), aProject({ minAge, maxAge }));
    expect(keysOf(level)).toEqual(expected);
    if (level.ok && (minAge !== null || maxAge !== null)) expect(reasonKeys(level)).toContain("ageWithinBounds");
    if (level.ok && minAge === null && maxAge === null) expect(reasonKeys(level)).not.toContain("ageWithinBounds");
  });

  it("says which bound and the age", () => {
    const level = assessProjectForCase(ctxFor({ age: 15 }), aProject({ minAge: 16, maxAge: 22 }));
    expect(level.ok ? null : level.failures[0]).toEqual({ key: "matching.ineligible.ageBelowMin", params: { age: 15, min: 16 } });
  });

  // With only the age band: wholly outside → refused; wholly inside → targeted; straddling → a note to check.
  const BAND_EXPECTATIONS: Record<AgeBandName, { bounds: [number | null, number | null]; outcome: string }[]> = {
    CHILD: [
      { bounds: [16, 22], outcome: "ageUnverified" },
      { bounds: [18, null], outcome: "ageBandBelowMin" },
      { bounds: [null, 17], outcome: "ageBandWithinBounds" },
    ],
    YOUNG_ADULT: [
      { bounds: [16, 22], outcome: "ageUnverified" },
      { bounds: [18, 34], outcome: "ageBandWithinBounds" },
      { bounds: [null, 17], outcome: "ageBandAboveMax" },
    ],
    ADULT: [
      { bounds: [16, 22], outcome: "ageBandAboveMax" },
      { bounds: [35, 59], outcome: "ageBandWithinBounds" },
      { bounds: [60, null], outcome: "ageBandBelowMin" },
    ],
    SENIOR: [
      { bounds: [60, null], outcome: "ageBandWithinBounds" },
      { bounds: [65, null], outcome: "ageUnverified" },
      { bounds: [null, 59], outcome: "ageBandAboveMax" },
    ],
  };
  it.each(AGE_BANDS.flatMap((band) => BAND_EXPECTATIONS[band].map((e) => [band, e.bounds[0], e.bounds[1], e.outcome] as const)))(
    "age unknown, band %s, bounds %s–%s → %s",
    (band, minAge, maxAge, outcome) => {
      const level = assessProjectForCase(ctxFor({ age: null, ageBand: band }), aProject({ minAge, maxAge }));
      if (outcome.startsWith("ageBand") && outcome !== "ageBandWithinBounds") expect(keysOf(level)).toEqual([outcome]);
      else expect(reasonKeys(level)).toContain(outcome);
    },
  );

  it("neither age nor band: allowed, with a note to check", () => {
    const level = assessProjectForCase(ctxFor({ age: null, ageBand: null }), aProject({ minAge: 16 }));
    expect(reasonKeys(level)).toContain("ageUnknown");
  });
});

describe("condition tags: the household needs one of the project's", () => {
  it.each([
    [[], ["SERIOUS_ILLNESS"], null, "no condition"],
    [["SERIOUS_ILLNESS"], ["SERIOUS_ILLNESS"], "conditionMatch", "match"],
    [["STUDENT", "SERIOUS_ILLNESS"], ["SERIOUS_ILLNESS"], "conditionMatch", "one of two"],
    [["STUDENT"], ["SERIOUS_ILLNESS"], "conditionMissing", "missing"],
    [["STUDENT", "DISABLED"], ["SERIOUS_ILLNESS"], "conditionMissingAny", "none of two"],
    [["STUDENT"], [], "conditionMissing", "household without tags"],
  ] as [string[], string[], string | null, string][])("project %j, household %j → %s (%s)", (projectTags, caseTags, expected) => {
    const level = assessProjectForCase(ctxFor({ conditionTags: caseTags }), aProject({ conditionTags: projectTags }));
    if (expected === null) expect(level.ok && reasonKeys(level).some((k) => k.startsWith("condition"))).toBe(false);
    else if (expected === "conditionMatch") expect(reasonKeys(level)).toContain("conditionMatch");
    else expect(keysOf(level)).toEqual([expected]);
  });

  it("names the project's first tag and how many there are", () => {
    const level = assessProjectForCase(ctxFor({ conditionTags: [] }), aProject({ conditionTags: ["STUDENT", "DISABLED"] }));
    expect(level.ok ? null : level.failures[0]!.params).toEqual({ tag: "STUDENT", count: 2 });
  });
});

describe("dates (today is 2026-11-24; the boundary day is usable)", () => {
  it.each([
    [{ startsOn: "2026-11-24" }, []],
    [{ startsOn: "2026-11-25" }, ["notStarted"]],
    [{ endsOn: "2026-11-24" }, []],
    [{ endsOn: "2026-11-23" }, ["ended"]],
    [{ startsOn: null, endsOn: null }, []],
  ] as const)("project %j → %j", (dates, expected) => {
    expect(keysOf(assessProjectForCase(ctxFor(), aProject(dates)))).toEqual(expected);
  });

  it.each([
    ["2026-11-24", []],
    ["2026-11-23", ["expired"]],
    [null, []],
  ] as const)("offers available until / expiring %s → %j", (date, expected) => {
    expect(keysOf(assessVolunteerOfferForCase(ctxFor(), aVolunteerOffer({ availableUntil: date })))).toEqual(expected);
    expect(keysOf(assessSupplyOfferForCase(ctxFor(), aSupplyOffer({ expiresOn: date })))).toEqual(expected);
  });

  it("an offer expiring within 30 days earns the expiry points", () => {
    const level = assessSupplyOfferForCase(ctxFor(), aSupplyOffer({ expiresOn: "2026-12-01" }));
    expect(level.ok && level.tail.find((r) => r.key === "matching.reasons.endsSoon")).toEqual({
      key: "matching.reasons.endsSoon",
      params: { date: "2026-12-01", days: 7 },
      points: 5,
    });
  });
});

describe("exhausted money, stock and hours", () => {
  it.each([
    ["fund balance all reserved", () => assessFundForCase(ctxFor(), aFund({ balanceFen: 100, reservedFen: 100 })), "fundExhausted"],
    ["fund overdrawn by reservations", () => assessFundForCase(ctxFor(), aFund({ balanceFen: 100, reservedFen: 200 })), "fundExhausted"],
    ["fund per-case cap used", () => assessFundForCase(ctxFor(), aFund({ perCaseCapFen: 500_000, committedToCaseFen: 500_000 })), "perCaseCapReached"],
    ["project budget used", () => assessProjectForCase(ctxFor(), aProject({ budgetFen: 1_000_000, reservedFen: 1_000_000 })), "budgetExhausted"],
    ["project per-case cap used", () => assessProjectForCase(ctxFor(), aProject({ perCaseCapFen: 300_000, committedToCaseFen: 300_000 })), "perCaseCapReached"],
    ["volunteer hours promised", () => assessVolunteerOfferForCase(ctxFor(), aVolunteerOffer({ hoursOffered: 40, hoursReserved: 40 })), "hoursExhausted"],
    ["stock promised", () => assessSupplyOfferForCase(ctxFor(), aSupplyOffer({ quantity: 10, quantityReserved: 10 })), "stockExhausted"],
  ] as const)("%s → %s", (_name, assess, key) => {
    expect(keysOf(assess())).toEqual([key]);
  });

  it("one unit left is enough", () => {
    const level = assessSupplyOfferForCase(ctxFor(), aSupplyOffer({ quantity: 10, quantityReserved: 9 }));
    expect(level.ok && level.capacityLeft).toBe(1);
    const project = assessProjectForCase(ctxFor(), aProject({ perCaseCapFen: 300_000, committedToCaseFen: 299_999 }));
    expect(project.ok && project.capLeft).toBe(1);
  });
});

describe("region outside scope", () => {
  it.each([
    ["fund of another county", () => assessFundForCase(ctxFor(), aFund({ regionCode: "341321" }))],
    ["fund of a township below a county-level case", () => assessFundForCase(ctxFor({ regionCode: XIAO_COUNTY }), aFund({ regionCode: "341322100" }))],
    ["project elsewhere", () => assessProjectForCase(ctxFor(), aProject({ regionCodes: ["370303"] }))],
    ["project for one township, case known at county level", () => assessProjectForCase(ctxFor({ regionCode: XIAO_COUNTY }), aProject({ regionCodes: ["341322100"] }))],
    ["volunteer in another township", () => assessVolunteerOfferForCase(ctxFor(), aVolunteerOffer({ regionCodes: ["341322200"] }))],
    ["goods in another province", () => assessSupplyOfferForCase(ctxFor(), aSupplyOffer({ regionCodes: ["37"] }))],
  ])("%s", (_name, assess) => {
    expect(keysOf(assess())).toEqual(["regionOutOfScope"]);
  });

  it("offers may serve a case recorded above their own area; empty areas serve everywhere", () => {
    expect(assessVolunteerOfferForCase(ctxFor({ regionCode: XIAO_COUNTY }), aVolunteerOffer({ regionCodes: ["341322100"] })).ok).toBe(true);
    expect(reasonKeys(assessSupplyOfferForCase(ctxFor(), aSupplyOffer({ regionCodes: [] })))).toContain("regionNationwide");
    expect(reasonKeys(assessProjectForCase(ctxFor(), aProject({ regionCodes: [] })))).toContain("regionNationwide");
  });
});

describe("category scope", () => {
  it.each([
    [[], "categoryGeneral", null],
    [["MAJOR_ILLNESS"], "categoryListed", null],
    [["MAJOR_ILLNESS", "ACCIDENT"], "categoryListed", null],
    [["EDUCATION"], null, "categoryOutOfScope"],
  ] as const)("scope %j", (scope, reasonKey, failureKey) => {
    for (const level of [assessFundForCase(ctxFor(), aFund({ scopeCategories: scope })), assessProjectForCase(ctxFor(), aProject({ categories: scope }))]) {
      if (failureKey) expect(level.ok ? null : level.failures[0]).toEqual({ key: `matching.ineligible.${failureKey}`, params: { category: "MAJOR_ILLNESS" } });
      else expect(reasonKeys(level)[0]).toBe(reasonKey);
    }
  });
});

describe("collecting every reason (for “why not?”)", () => {
  it("lists all failures, not just the first", () => {
    const project = aProject({ status: "PAUSED", organizationStatus: "SUSPENDED", regionCodes: ["37"], categories: ["EDUCATION"], minAge: 16, maxAge: 22, budgetFen: 0 });
    expect(keysOf(assessProjectForCase(ctxFor({}, true), project))).toEqual(["statusPaused", "orgNotVetted", "regionOutOfScope", "categoryOutOfScope", "ageAboveMax", "budgetExhausted"]);
    // Ranking without the lists stops at the first failure and keeps no reasons.
    expect(assessProjectForCase(ctxFor({}, false), project)).toEqual({ ok: false, failures: [] });
  });
});
