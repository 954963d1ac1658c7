import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ancestorRegionCodes, isWithinRegion } from "../region-codes.ts";
import { URGENCIES } from "../case-status.ts";
import { MATCH_SOURCES, NEED_KINDS } from "./match-types.ts";
import {
  CATEGORY_POINTS,
  EXPIRY_POINTS,
  REGION_POINTS,
  SCORE_WEIGHTS,
  TARGETING_POINTS,
  URGENCY_POINTS,
  type RegionFitLevel,
} from "./match-weights.ts";
import {
  ageBandWithinBoundsReason,
  ageWithinBoundsReason,
  capacityReason,
  caseRegionOf,
  categoryReason,
  conditionMatchReason,
  coverageReason,
  expiryReason,
  formatAmount,
  itemNamesMatch,
  proportionalPoints,
  regionFit,
  regionFitOfCode,
  regionLevelOf,
  regionReason,
  skillReason,
  urgencyReason,
} from "./score-parts.ts";

describe("weights", () => {
  it("sum to 100, and no part can give more than its weight", () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.max(...Object.values(CATEGORY_POINTS))).toBe(SCORE_WEIGHTS.category);
    expect(Math.max(...Object.values(REGION_POINTS))).toBe(SCORE_WEIGHTS.region);
    expect(Math.max(...Object.values(URGENCY_POINTS).flatMap((p) => [p.fast, p.standard]))).toBe(SCORE_WEIGHTS.urgency);
    expect(Math.max(...Object.values(EXPIRY_POINTS))).toBe(SCORE_WEIGHTS.expiry);
    expect(TARGETING_POINTS.condition + TARGETING_POINTS.age).toBe(SCORE_WEIGHTS.targeting);
  });
});

describe("proportionalPoints", () => {
  it.each([
    [25, 0, 100, 0],
    [25, 100, 100, 25],
    [25, 200, 100, 25],
    [25, 50, 100, 13], // 12.5 rounds half up
    [25, 1, 100, 0], // 0.25
    [25, 2, 100, 1], // 0.5 rounds up
    [10, 1, 3, 3], // 3.33
    [10, 2, 3, 7], // 6.67
    [10, 5, 0, 0], // nothing to compare against
    [10, -5, 10, 0],
  ])("weight %i × %i / %i = %i", (weight, part, whole, expected) => {
    expect(proportionalPoints(weight, part, whole)).toBe(expected);
  });
});

describe("category fit", () => {
  it.each([
    ["listed", "categoryListed", 25],
    ["generalScope", "categoryGeneral", 15],
    ["anyService", "anyService", 12],
    ["itemByName", "itemByName", 25],
    ["itemByCategory", "itemByCategory", 20],
  ] as const)("%s → matching.reasons.%s, %i points", (fit, key, points) => {
    expect(categoryReason(fit)).toEqual({ key: `matching.reasons.${key}`, params: {}, points });
  });

  it("a listed skill scores like a listed category; a line without a service type takes any", () => {
    expect(skillReason("CARE")).toEqual({ key: "matching.reasons.skillListed", params: { skill: "CARE" }, points: 25 });
    expect(skillReason(null)).toEqual({ key: "matching.reasons.anyService", params: {}, points: 12 });
  });

  it.each([
    ["棉被", "棉被", true],
    ["大米（10 公斤装）", "大米", true],
    ["棉被", "冬季棉被", true],
    ["冬季棉服", "冬衣", false],
    ["", "棉被", false],
    ["棉被", "  ", false],
  ])("item %s vs line %s → %s", (item, title, expected) => {
    expect(itemNamesMatch(item, title)).toBe(expected);
  });
});

describe("region distance in the GB/T 2260 tree", () => {
  it.each([
    ["34", "PROVINCE"],
    ["3413", "CITY"],
    ["341322", "COUNTY"],
    ["341322100", "TOWNSHIP"],
    ["341322100201", "VILLAGE"],
    ["34132", "CITY"], // not a level length: counts as the deepest level it reaches
  ] as const)("level of %s is %s", (code, level) => {
    expect(regionLevelOf(code)).toBe(level);
  });

  const village = caseRegionOf("341322100201");
  const county = caseRegionOf("341322");
  it.each<[string, ReturnType<typeof caseRegionOf>, string[], boolean, RegionFitLevel | null]>([
    ["same village", village, ["341322100201"], false, "VILLAGE"],
    ["same township", village, ["341322100"], false, "TOWNSHIP"],
    ["same county", village, ["341322"], false, "COUNTY"],
    ["same city", village, ["3413"], false, "CITY"],
    ["same province", village, ["34"], false, "PROVINCE"],
    ["no list = nationwide", village, [], false, "NATIONWIDE"],
    ["the closest of several codes wins", village, ["34", "341322100", "3413"], false, "TOWNSHIP"],
    ["another township of the county is outside", village, ["341322200"], false, null],
    ["another province is outside", village, ["13"], false, null],
    ["a prefix that is not an ancestor level is outside", village, ["34132"], false, null],
    ["a narrower area does not admit a rule-bound resource", county, ["341322100"], false, null],
    ["a narrower area of an offer shares the case's level", county, ["341322100"], true, "COUNTY"],
    ["a narrower area elsewhere is still outside", county, ["341321100"], true, null],
  ])("%s", (_name, place, codes, allowNarrower, expected) => {
    expect(regionFit(place, codes, allowNarrower)).toBe(expected);
  });

  it.each(Object.entries(REGION_POINTS) as [RegionFitLevel, number][])("%s gives %i points", (level, points) => {
    const r = regionReason(level);
    expect(r.points).toBe(points);
    expect(r.key).toMatch(/^matching\.reasons\.region[A-Z]/);
  });

  it("a rule's area contains the case exactly when it is the case's region or one of its ancestors (region-codes.ts)", () => {
    const code = fc.constantFrom(2, 4, 6, 9, 12).chain((length) => fc.stringMatching(new RegExp(`^3[34]1[23]2[12]10[01]20[12]$`)).map((c) => c.slice(0, length)));
    fc.assert(
      fc.property(code, code, (caseCode, areaCode) => {
        const place = caseRegionOf(caseCode);
        expect(regionFitOfCode(place, areaCode, false) !== null).toBe(ancestorRegionCodes(caseCode).includes(areaCode));
        expect(regionFitOfCode(place, areaCode, true) !== null).toBe(ancestorRegionCodes(caseCode).includes(areaCode) || isWithinRegion(areaCode, caseCode));
      }),
      { numRuns: 500 },
    );
  });

  it("closer is never worth less", () => {
    const order: RegionFitLevel[] = ["NATIONWIDE", "PROVINCE", "CITY", "COUNTY", "TOWNSHIP", "VILLAGE"];
    for (let i = 1; i < order.length; i++) expect(REGION_POINTS[order[i]!]).toBeGreaterThan(REGION_POINTS[order[i - 1]!]);
  });
});

describe("coverage", () => {
  it.each([
    ["CASH", 2_000_000, 2_000_000, 25, 100, "¥20,000.00"],
    ["CASH", 500_000, 2_000_000, 6, 25, "¥5,000.00"], // 6.25
    ["CASH", 1_000_000, 2_000_000, 13, 50, "¥10,000.00"], // 12.5 rounds up
    ["ITEM", 2, 2, 25, 100, "2"],
    ["ITEM", 1, 3, 8, 33, "1"], // 8.33
    ["SERVICE", 6, 12, 13, 50, "6"],
    ["SERVICE", 1, 24, 1, 4, "1"], // 1.04
  ] as const)("%s %i of %i → %i points, %i%%", (kind, amount, remaining, points, percent, shown) => {
    const r = coverageReason(kind, amount, remaining, kind === "ITEM" ? "床" : null);
    expect(r.points).toBe(points);
    expect(r.params.percent).toBe(percent);
    expect(r.params.amount).toBe(shown);
    expect(r.key).toBe(`matching.reasons.coverage${kind === "CASH" ? "Cash" : kind === "ITEM" ? "Item" : "Service"}`);
  });

  it("carries the line's unit for goods", () => {
    expect(coverageReason("ITEM", 1, 2, "床").params.unit).toBe("床");
  });

  it.each(NEED_KINDS)("formats %s amounts", (kind) => {
    expect(formatAmount(kind, 123_456)).toBe(kind === "CASH" ? "¥1,234.56" : "123456");
  });
});

describe("remaining capacity", () => {
  it.each([
    ["FUND", 10_000_000, 500_000, 10, "capacityFund", "¥100,000.00"],
    ["PROJECT", 1_000_000, 500_000, 5, "capacityProject", "¥10,000.00"],
    ["PROJECT", 500_000, 500_000, 3, "capacityProject", "¥5,000.00"], // a pick that drains it: 2.5 → 3
    ["SUPPLY_OFFER", 8, 2, 10, "capacityStock", "8"],
    ["SUPPLY_OFFER", 3, 2, 4, "capacityStock", "3"], // 3.75
    ["VOLUNTEER_OFFER", 60, 12, 10, "capacityHours", "60"],
    ["VOLUNTEER_OFFER", 12, 12, 3, "capacityHours", "12"],
  ] as const)("%s with %i left giving %i → %i points", (source, left, amount, points, key, shown) => {
    const r = capacityReason(source, left, amount, "床");
    expect(r).toMatchObject({ key: `matching.reasons.${key}`, points });
    expect(r.params.remaining).toBe(shown);
  });
});

describe("urgency", () => {
  const cases = URGENCIES.flatMap((urgency) => MATCH_SOURCES.map((source) => [urgency, source] as const));
  it.each(cases)("%s case, %s", (urgency, source) => {
    const r = urgencyReason(urgency, source);
    const fast = source === "FUND" || source === "SUPPLY_OFFER";
    expect(r.points).toBe(URGENCY_POINTS[urgency][fast ? "fast" : "standard"]);
    expect(r.params).toEqual({ urgency });
    expect(r.key).toBe(urgency === "NORMAL" ? "matching.reasons.urgencyNormal" : fast ? "matching.reasons.urgencyFast" : "matching.reasons.urgencyStandard");
  });

  it("urgent cases favour fast resources; normal ones do not", () => {
    expect(urgencyReason("CRITICAL", "FUND").points).toBeGreaterThan(urgencyReason("CRITICAL", "PROJECT").points);
    expect(urgencyReason("NORMAL", "FUND").points).toBe(urgencyReason("NORMAL", "PROJECT").points);
  });
});

describe("expiry", () => {
  it.each([
    [null, null, null],
    ["2026-11-23", -1, null],
    ["2026-11-24", 0, ["endsSoon", 5]],
    ["2026-12-24", 30, ["endsSoon", 5]],
    ["2026-12-25", 31, ["endsWithin", 3]],
    ["2027-02-22", 90, ["endsWithin", 3]],
    ["2027-02-23", 91, null],
  ] as const)("ends %s (%s days) → %j", (endsOn, days, expected) => {
    const r = expiryReason(endsOn, days);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toEqual({ key: `matching.reasons.${expected[0]}`, params: { date: endsOn, days }, points: expected[1] });
  });
});

describe("targeting", () => {
  it("a condition match and an age match together give the targeting weight", () => {
    expect(conditionMatchReason("STUDENT")).toEqual({ key: "matching.reasons.conditionMatch", params: { tag: "STUDENT" }, points: 3 });
    expect(ageWithinBoundsReason(17).points + conditionMatchReason("X").points).toBe(SCORE_WEIGHTS.targeting);
    expect(ageBandWithinBoundsReason("CHILD")).toEqual({ key: "matching.reasons.ageBandWithinBounds", params: { band: "CHILD" }, points: 2 });
  });
});
