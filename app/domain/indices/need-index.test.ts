import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { URGENCIES } from "../case-status.ts";
import { HOUSING_CONDITIONS, VULNERABLE_TAGS, type HousingConditionName, type VulnerableTag } from "./household-facts.ts";
import {
  DEFAULT_INDEX_WEIGHTS,
  IndexWeightsSchema,
  NEED_PART_KEYS,
  POVERTY_PART_KEYS,
  caseIndices,
  needIndex,
  povertyIndex,
  type IndexResult,
  type IndexWeights,
  type NeedIndexInput,
  type NeedLine,
  type PovertyIndexInput,
  type UrgencyName,
} from "./need-index.ts";

const STANDARD = 60_000; // an illustrative 低保 standard of ¥600.00 per person per month

const household = (overrides: Partial<PovertyIndexInput> = {}): PovertyIndexInput => ({
  householdSize: 1,
  monthlyIncomeFen: 0,
  monthlyEssentialFen: 0,
  housing: "OWNED_SAFE",
  vulnerableMembers: [],
  recentAidFen: 0,
  localDibaoMonthlyFen: STANDARD,
  ...overrides,
});

const partOf = <K extends string>(result: IndexResult<K>, key: K) => {
  const part = result.parts.find((p) => p.key === key);
  if (!part) throw new Error(`no part ${key}`);
  return part;
};

describe("weights", () => {
  it("defaults are valid and give each index 100 points", () => {
    expect(IndexWeightsSchema.safeParse(DEFAULT_INDEX_WEIGHTS).success).toBe(true);
    expect(DEFAULT_INDEX_WEIGHTS).toEqual({
      poverty: { incomeGap: 40, spendingBurden: 20, housing: 15, vulnerableMembers: 15, recentAid: 10 },
      need: { poverty: 40, urgency: 30, unmetNeed: 20, waiting: 10 },
    });
  });

  const withPoverty = (poverty: Partial<IndexWeights["poverty"]>) => ({ ...DEFAULT_INDEX_WEIGHTS, poverty: { ...DEFAULT_INDEX_WEIGHTS.poverty, ...poverty } });
  const withNeed = (need: Partial<IndexWeights["need"]>) => ({ ...DEFAULT_INDEX_WEIGHTS, need: { ...DEFAULT_INDEX_WEIGHTS.need, ...need } });
  it.each([
    ["a negative weight", withPoverty({ incomeGap: 50, recentAid: -10 })],
    ["a fractional weight", withPoverty({ incomeGap: 39.5, recentAid: 10.5 })],
    ["poverty parts summing to 99", withPoverty({ incomeGap: 39 })],
    ["need parts summing to 101", withNeed({ waiting: 11 })],
    ["a missing part", { ...DEFAULT_INDEX_WEIGHTS, need: { poverty: 50, urgency: 30, unmetNeed: 20 } }],
    ["an unknown part", withNeed({ poverty: 30, distance: 10 } as Partial<IndexWeights["need"]>)],
  ])("refuses %s", (_label, weights) => {
    expect(IndexWeightsSchema.safeParse(weights).success).toBe(false);
    expect(() => povertyIndex(household(), weights as IndexWeights)).toThrow(RangeError);
  });

  it("uses custom weights: everything on the income gap", () => {
    const weights = withPoverty({ incomeGap: 100, spendingBurden: 0, housing: 0, vulnerableMembers: 0, recentAid: 0 });
    const result = povertyIndex(household({ monthlyIncomeFen: STANDARD, housing: "NONE", vulnerableMembers: ["CHILD"] }), weights);
    expect(result.score).toBe(50);
    expect(result.parts.map((p) => [p.key, p.points, p.max])).toEqual([
      ["incomeGap", 50, 100],
      ["spendingBurden", 0, 0],
      ["housing", 0, 0],
      ["vulnerableMembers", 0, 0],
      ["recentAid", 0, 0],
    ]);
  });
});

describe("poverty part: incomeGap (max 40)", () => {
  it.each([
    ["zero income", {}, 40, 0],
    ["income exactly at the standard", { monthlyIncomeFen: STANDARD }, 20, STANDARD],
    ["income at 2× the standard", { monthlyIncomeFen: 2 * STANDARD }, 0, 2 * STANDARD],
    ["income above 2× the standard", { monthlyIncomeFen: 5 * STANDARD }, 0, 5 * STANDARD],
    ["spending above income (negative net)", { monthlyIncomeFen: 50_000, monthlyEssentialFen: 80_000 }, 40, -30_000],
    ["income at 2× the standard less medical bills of one standard", { monthlyIncomeFen: 2 * STANDARD, monthlyEssentialFen: STANDARD }, 20, STANDARD],
    ["household of 1 on ¥1,200", { monthlyIncomeFen: 120_000 }, 0, 120_000],
    ["household of 6 on ¥1,200", { householdSize: 6, monthlyIncomeFen: 120_000 }, 33, 20_000], // 40 × 600000/720000 = 33.3
    ["exactly half a point rounds up", { monthlyIncomeFen: 118_500 }, 1, 118_500], // 40 × 1500/120000 = 0.5
    ["just under half a point rounds down", { monthlyIncomeFen: 118_501 }, 0, 118_501],
    ["per-capita net shown rounded down", { householdSize: 3, monthlyIncomeFen: 100_000, monthlyEssentialFen: 100_001 }, 40, -1],
    ["unknown essential spending counts as none", { monthlyIncomeFen: STANDARD, monthlyEssentialFen: null }, 20, STANDARD],
  ] as [string, Partial<PovertyIndexInput>, number, number][])("%s → %i points", (_label, overrides, points, perCapitaNetFen) => {
    const part = partOf(povertyIndex(household(overrides)), "incomeGap");
    expect(part).toEqual({ key: "incomeGap", points, max: 40, detail: { perCapitaNetFen, standardFen: STANDARD, zeroPointsAtPerCapitaFen: 2 * STANDARD } });
  });

  it.each([
    ["missing 低保 standard", { localDibaoMonthlyFen: null }, "noLocalStandard"],
    ["unknown income", { monthlyIncomeFen: null }, "noIncomeData"],
  ] as [string, Partial<PovertyIndexInput>, string][])("%s → 0 points with a reason", (_label, overrides, reason) => {
    expect(partOf(povertyIndex(household(overrides)), "incomeGap")).toEqual({ key: "incomeGap", points: 0, max: 40, detail: { reason } });
  });
});

describe("poverty part: spendingBurden (max 20)", () => {
  it.each([
    ["no essential spending", { monthlyIncomeFen: 100_000, monthlyEssentialFen: 0 }, 0, { burdenPerMille: 0 }],
    ["no income and no spending", { monthlyIncomeFen: 0, monthlyEssentialFen: 0 }, 0, { burdenPerMille: 0 }],
    ["no income, medical bills", { monthlyIncomeFen: 0, monthlyEssentialFen: 30_000 }, 20, { burdenPerMille: "noIncome" }],
    ["a quarter of income", { monthlyIncomeFen: 100_000, monthlyEssentialFen: 25_000 }, 5, { burdenPerMille: 250 }],
    ["half of income", { monthlyIncomeFen: 100_000, monthlyEssentialFen: 50_000 }, 10, { burdenPerMille: 500 }],
    ["all of income", { monthlyIncomeFen: 100_000, monthlyEssentialFen: 100_000 }, 20, { burdenPerMille: 1000 }],
    ["twice the income (capped)", { monthlyIncomeFen: 100_000, monthlyEssentialFen: 200_000 }, 20, { burdenPerMille: 2000 }],
    ["a third of income", { monthlyIncomeFen: 300_000, monthlyEssentialFen: 100_000 }, 7, { burdenPerMille: 333 }], // 6.67
    ["unknown income", { monthlyIncomeFen: null, monthlyEssentialFen: 100 }, 0, { reason: "noIncomeData" }],
    ["unknown spending", { monthlyIncomeFen: 100_000, monthlyEssentialFen: null }, 0, { reason: "noEssentialData" }],
  ] as [string, Partial<PovertyIndexInput>, number, Record<string, number | string>][])("%s → %i points", (_label, overrides, points, detail) => {
    expect(partOf(povertyIndex(household(overrides)), "spendingBurden")).toEqual({ key: "spendingBurden", points, max: 20, detail });
  });
});

describe("poverty part: housing (max 15)", () => {
  const expected: Record<HousingConditionName, [number, number]> = {
    OWNED_SAFE: [0, 0],
    RENTED: [6, 400],
    DILAPIDATED: [11, 700], // 10.5 rounds up
    DESTROYED: [15, 1000],
    NONE: [15, 1000],
  };
  it.each(HOUSING_CONDITIONS)("%s", (housing) => {
    const [points, perMille] = expected[housing];
    expect(partOf(povertyIndex(household({ housing })), "housing")).toEqual({ key: "housing", points, max: 15, detail: { housing, perMille } });
  });

  it("unknown housing scores 0 with a reason", () => {
    expect(partOf(povertyIndex(household({ housing: null })), "housing")).toEqual({ key: "housing", points: 0, max: 15, detail: { reason: "noHousingData" } });
  });
});

describe("poverty part: vulnerableMembers (max 15)", () => {
  const single: Record<VulnerableTag, number> = { ELDERLY: 5, CHILD: 5, DISABLED: 6, SERIOUS_ILLNESS: 8, PREGNANT: 5, SINGLE_PARENT: 5 };
  it.each(VULNERABLE_TAGS)("%s alone", (tag) => {
    expect(partOf(povertyIndex(household({ vulnerableMembers: [tag] })), "vulnerableMembers").points).toBe(single[tag]);
  });

  it.each([
    [[], 0, "", 0],
    [["SERIOUS_ILLNESS", "DISABLED"], 14, "DISABLED,SERIOUS_ILLNESS", 900], // 13.5 rounds up
    [["ELDERLY", "SERIOUS_ILLNESS", "DISABLED"], 15, "ELDERLY,DISABLED,SERIOUS_ILLNESS", 1000], // 1200‰ capped
    [["ELDERLY", "ELDERLY"], 5, "ELDERLY", 300], // a tag counts once
    [["MIGRANT_WORKER"], 0, "", 0], // unknown tags score nothing
    [[...VULNERABLE_TAGS], 15, VULNERABLE_TAGS.join(","), 1000],
  ] as [string[], number, string, number][])("%j → %i points", (vulnerableMembers, points, tags, perMille) => {
    expect(partOf(povertyIndex(household({ vulnerableMembers })), "vulnerableMembers")).toEqual({
      key: "vulnerableMembers",
      points,
      max: 15,
      detail: { tags, tagCount: tags === "" ? 0 : tags.split(",").length, perMille },
    });
  });
});

describe("poverty part: recentAid (max 10)", () => {
  // Household of 2: all points go at 6 × ¥600 × 2 = ¥7,200.
  it.each([
    [0, 10],
    [360_000, 5],
    [540_000, 3], // 2.5 rounds up
    [720_000, 0],
    [2_000_000, 0],
  ])("¥%i 分 received → %i points", (recentAidFen, points) => {
    expect(partOf(povertyIndex(household({ householdSize: 2, recentAidFen })), "recentAid")).toEqual({
      key: "recentAid",
      points,
      max: 10,
      detail: { recentAidFen, zeroPointsAtFen: 720_000 },
    });
  });

  it("a missing standard scores 0 with a reason", () => {
    expect(partOf(povertyIndex(household({ localDibaoMonthlyFen: null })), "recentAid")).toEqual({
      key: "recentAid",
      points: 0,
      max: 10,
      detail: { reason: "noLocalStandard", recentAidFen: 0 },
    });
  });
});

describe("poverty index input checks", () => {
  it.each([
    ["household size 0", { householdSize: 0 }],
    ["fractional income", { monthlyIncomeFen: 100.5 }],
    ["negative essential spending", { monthlyEssentialFen: -1 }],
    ["negative aid", { recentAidFen: -100 }],
    ["a zero standard", { localDibaoMonthlyFen: 0 }],
    ["an unknown housing value", { housing: "CASTLE" as HousingConditionName }],
  ] as [string, Partial<PovertyIndexInput>][])("refuses %s", (_label, overrides) => {
    expect(() => povertyIndex(household(overrides))).toThrow(RangeError);
  });
});

const needInput = (overrides: Partial<NeedIndexInput> = {}): NeedIndexInput => ({
  povertyIndex: 0,
  urgency: "NORMAL",
  needLines: [{ target: 100, committed: 100 }],
  workingDaysWaited: 0,
  ...overrides,
});

describe("need parts", () => {
  it.each([
    [0, 0],
    [33, 13], // 13.2
    [50, 20],
    [83, 33], // 33.2
    [99, 40], // 39.6
    [100, 40],
  ])("poverty index %i → %i points", (povertyIndexValue, points) => {
    expect(partOf(needIndex(needInput({ povertyIndex: povertyIndexValue })), "poverty")).toEqual({ key: "poverty", points, max: 40, detail: { povertyIndex: povertyIndexValue } });
  });

  const urgencyPoints: Record<UrgencyName, [number, number]> = { CRITICAL: [30, 1000], HIGH: [18, 600], NORMAL: [6, 200] };
  it.each(URGENCIES)("urgency %s", (urgency) => {
    const [points, perMille] = urgencyPoints[urgency];
    expect(partOf(needIndex(needInput({ urgency })), "urgency")).toEqual({ key: "urgency", points, max: 30, detail: { urgency, perMille } });
  });

  it.each([
    ["one line fully covered", [{ target: 500_000, committed: 500_000 }], 0, { unmetPerMille: 0, lineCount: 1 }],
    ["one line half covered", [{ target: 500_000, committed: 250_000 }], 10, { unmetPerMille: 500, lineCount: 1 }],
    ["one line nothing covered", [{ target: 10, committed: 0 }], 20, { unmetPerMille: 1000, lineCount: 1 }],
    ["over-committed counts as covered", [{ target: 10, committed: 12 }], 0, { unmetPerMille: 0, lineCount: 1 }],
    ["lines in different units count once each", [{ target: 3_000_000, committed: 1_500_000 }, { target: 2, committed: 0 }], 15, { unmetPerMille: 750, lineCount: 2 }],
    ["a third unmet", [{ target: 3, committed: 2 }], 7, { unmetPerMille: 333, lineCount: 1 }],
    ["cancelled lines are left out", [{ target: 10, committed: 10 }, { target: 10, committed: 0, status: "CANCELLED" }], 0, { unmetPerMille: 0, lineCount: 1 }],
    ["zero-target lines are left out", [{ target: 0, committed: 0 }, { target: 4, committed: 1 }], 15, { unmetPerMille: 750, lineCount: 1 }],
    ["no lines yet", [], 20, { reason: "noNeedLines", unmetPerMille: 1000 }],
    ["only cancelled lines", [{ target: 10, committed: 0, status: "CANCELLED" }], 20, { reason: "noNeedLines", unmetPerMille: 1000 }],
  ] as [string, NeedLine[], number, Record<string, number | string>][])("unmet need: %s → %i points", (_label, needLines, points, detail) => {
    expect(partOf(needIndex(needInput({ needLines })), "unmetNeed")).toEqual({ key: "unmetNeed", points, max: 20, detail });
  });

  it.each([
    [0, 0],
    [1, 1],
    [5, 5],
    [10, 10],
    [30, 10],
  ])("waiting %i working days → %i points", (workingDaysWaited, points) => {
    expect(partOf(needIndex(needInput({ workingDaysWaited })), "waiting")).toEqual({
      key: "waiting",
      points,
      max: 10,
      detail: { workingDaysWaited, capWorkingDays: 10 },
    });
  });

  it.each([
    ["a poverty index over 100", { povertyIndex: 101 }],
    ["negative waiting", { workingDaysWaited: -1 }],
    ["an unknown urgency", { urgency: "URGENT" as UrgencyName }],
    ["a negative commitment", { needLines: [{ target: 10, committed: -1 }] }],
  ] as [string, Partial<NeedIndexInput>][])("refuses %s", (_label, overrides) => {
    expect(() => needIndex(needInput(overrides))).toThrow(RangeError);
  });
});

describe("worked example (docs/decisions/004-need-index-formula.md)", () => {
  it("scores the 萧县 household of four", () => {
    const { poverty, need } = caseIndices({
      householdSize: 4,
      monthlyIncomeFen: 240_000,
      monthlyEssentialFen: 180_000,
      housing: "DILAPIDATED",
      vulnerableMembers: ["SERIOUS_ILLNESS", "CHILD"],
      recentAidFen: 100_000,
      localDibaoMonthlyFen: 70_000,
      urgency: "HIGH",
      needLines: [
        { target: 3_000_000, committed: 1_200_000 },
        { target: 2, committed: 2 },
        { target: 20, committed: 0 },
      ],
      workingDaysWaited: 3,
    });
    expect(poverty.parts.map((p) => [p.key, p.points])).toEqual([
      ["incomeGap", 36],
      ["spendingBurden", 15],
      ["housing", 11],
      ["vulnerableMembers", 12],
      ["recentAid", 9],
    ]);
    expect(poverty.score).toBe(83);
    expect(need.parts.map((p) => [p.key, p.points])).toEqual([
      ["poverty", 33],
      ["urgency", 18],
      ["unmetNeed", 11],
      ["waiting", 3],
    ]);
    expect(partOf(need, "unmetNeed").detail).toEqual({ unmetPerMille: 533, lineCount: 3 });
    expect(need.score).toBe(65);
  });
});

// ───────────────────────────── Invariants ─────────────────────────────

const money = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
const householdArb: fc.Arbitrary<PovertyIndexInput> = fc.record({
  householdSize: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 1_000_000 })),
  monthlyIncomeFen: fc.option(money),
  monthlyEssentialFen: fc.option(money),
  housing: fc.option(fc.constantFrom(...HOUSING_CONDITIONS)),
  vulnerableMembers: fc.array(fc.constantFrom<string>(...VULNERABLE_TAGS, "MIGRANT_WORKER")),
  recentAidFen: money,
  localDibaoMonthlyFen: fc.option(fc.integer({ min: 1, max: 1_000_000 })),
});
const needLineArb: fc.Arbitrary<NeedLine> = fc.record({
  target: fc.integer({ min: 0, max: 10_000_000 }),
  committed: fc.integer({ min: 0, max: 10_000_000 }),
  status: fc.constantFrom("OPEN", "COVERED", "CANCELLED", undefined),
});
const needRestArb = fc.record({
  urgency: fc.constantFrom(...URGENCIES),
  needLines: fc.array(needLineArb, { maxLength: 6 }),
  workingDaysWaited: fc.integer({ min: 0, max: 400 }),
});

/** n non-negative integers summing to 100 (cut points on 0..100). */
const splitOf100 = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
    return sorted.slice(1).map((value, i) => value - sorted[i]!);
  });
const weightsArb: fc.Arbitrary<IndexWeights> = fc.tuple(splitOf100(5), splitOf100(4)).map(([p, n]) => ({
  poverty: Object.fromEntries(POVERTY_PART_KEYS.map((key, i) => [key, p[i]!])) as IndexWeights["poverty"],
  need: Object.fromEntries(NEED_PART_KEYS.map((key, i) => [key, n[i]!])) as IndexWeights["need"],
}));

function expectWellFormed(result: IndexResult, weightsOfIndex: Record<string, number>) {
  expect(Number.isInteger(result.score)).toBe(true);
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(100);
  expect(result.parts.reduce((sum, p) => sum + p.points, 0)).toBe(result.score);
  for (const part of result.parts) {
    expect(Number.isInteger(part.points)).toBe(true);
    expect(part.points).toBeGreaterThanOrEqual(0);
    expect(part.points).toBeLessThanOrEqual(part.max);
    expect(part.max).toBe(weightsOfIndex[part.key]);
    for (const value of Object.values(part.detail)) if (typeof value === "number") expect(Number.isInteger(value)).toBe(true);
  }
}

describe("invariants", () => {
  it("both scores are integers in 0..100, made of integer parts within their weights that sum to the score", () => {
    fc.assert(
      fc.property(householdArb, needRestArb, weightsArb, (facts, rest, weights) => {
        const { poverty, need } = caseIndices({ ...facts, ...rest }, weights);
        expectWellFormed(poverty, weights.poverty);
        expectWellFormed(need, weights.need);
      }),
    );
  });

  it("lower income never lowers the poverty index", () => {
    fc.assert(
      fc.property(householdArb, money, money, weightsArb, (facts, a, b, weights) => {
        const [lower, higher] = a <= b ? [a, b] : [b, a];
        const poorer = povertyIndex({ ...facts, monthlyIncomeFen: lower }, weights).score;
        const richer = povertyIndex({ ...facts, monthlyIncomeFen: higher }, weights).score;
        expect(poorer).toBeGreaterThanOrEqual(richer);
      }),
    );
  });

  it("more vulnerable tags never lower the poverty index", () => {
    fc.assert(
      fc.property(householdArb, fc.array(fc.constantFrom<string>(...VULNERABLE_TAGS, "MIGRANT_WORKER")), weightsArb, (facts, extra, weights) => {
        const before = povertyIndex(facts, weights).score;
        const after = povertyIndex({ ...facts, vulnerableMembers: [...facts.vulnerableMembers, ...extra] }, weights).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it("more aid already received never raises the poverty index", () => {
    fc.assert(
      fc.property(householdArb, money, weightsArb, (facts, extra, weights) => {
        const more = Math.min(facts.recentAidFen + extra, Number.MAX_SAFE_INTEGER);
        expect(povertyIndex({ ...facts, recentAidFen: more }, weights).score).toBeLessThanOrEqual(povertyIndex(facts, weights).score);
      }),
    );
  });

  it("higher urgency never lowers the need index", () => {
    const order: UrgencyName[] = ["NORMAL", "HIGH", "CRITICAL"];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), needRestArb, weightsArb, (povertyIndexValue, rest, weights) => {
        const scores = order.map((urgency) => needIndex({ ...rest, povertyIndex: povertyIndexValue, urgency }, weights).score);
        expect(scores[1]).toBeGreaterThanOrEqual(scores[0]!);
        expect(scores[2]).toBeGreaterThanOrEqual(scores[1]!);
      }),
    );
  });

  it("a higher poverty index or a longer wait never lowers the need index", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), needRestArb, fc.nat(20), weightsArb, (a, b, rest, extraDays, weights) => {
        const low = needIndex({ ...rest, povertyIndex: Math.min(a, b) }, weights).score;
        const high = needIndex({ ...rest, povertyIndex: Math.max(a, b), workingDaysWaited: rest.workingDaysWaited + extraDays }, weights).score;
        expect(high).toBeGreaterThanOrEqual(low);
      }),
    );
  });
});
