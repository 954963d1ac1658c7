import { describe, expect, it } from "vitest";
import {
  HOUSING_CONDITIONS,
  HouseholdFactsSchema,
  LocalStandardFenSchema,
  VULNERABLE_TAGS,
  isVulnerableTag,
  knownTags,
  requireValid,
  type HouseholdFacts,
} from "./household-facts.ts";

const valid: HouseholdFacts = {
  householdSize: 3,
  monthlyIncomeFen: 150_000,
  monthlyEssentialFen: 80_000,
  housing: "RENTED",
  vulnerableMembers: ["CHILD"],
};

describe("HouseholdFactsSchema", () => {
  it.each(HOUSING_CONDITIONS)("accepts housing %s", (housing) => {
    expect(HouseholdFactsSchema.safeParse({ ...valid, housing }).success).toBe(true);
  });

  it("accepts unknown income, spending and housing (a fresh report)", () => {
    expect(HouseholdFactsSchema.safeParse({ ...valid, monthlyIncomeFen: null, monthlyEssentialFen: null, housing: null }).success).toBe(true);
  });

  it.each([
    ["household size 0", { householdSize: 0 }],
    ["fractional household size", { householdSize: 2.5 }],
    ["fractional income (floats are not 分)", { monthlyIncomeFen: 0.1 }],
    ["negative income", { monthlyIncomeFen: -1 }],
    ["an unsafe integer", { monthlyEssentialFen: Number.MAX_SAFE_INTEGER + 1 }],
    ["unknown housing", { housing: "TENT" }],
    ["tags that are not strings", { vulnerableMembers: [1] }],
  ])("refuses %s", (_label, overrides) => {
    expect(HouseholdFactsSchema.safeParse({ ...valid, ...overrides }).success).toBe(false);
  });
});

describe("LocalStandardFenSchema", () => {
  it.each([
    [70_000, true],
    [null, true],
    [0, false],
    [-1, false],
    [700.5, false],
  ])("%j valid: %s", (value, expected) => {
    expect(LocalStandardFenSchema.safeParse(value).success).toBe(expected);
  });
});

describe("tags", () => {
  it.each(VULNERABLE_TAGS)("%s is known", (tag) => {
    expect(isVulnerableTag(tag)).toBe(true);
  });

  it.each(["elderly", "MIGRANT_WORKER", ""])("%j is not", (tag) => {
    expect(isVulnerableTag(tag)).toBe(false);
  });

  it("knownTags drops unknown and repeated tags and keeps a fixed order", () => {
    expect(knownTags(["SINGLE_PARENT", "CHILD", "FOO", "CHILD", "ELDERLY"])).toEqual(["ELDERLY", "CHILD", "SINGLE_PARENT"]);
  });
});

describe("requireValid", () => {
  it("returns the parsed value", () => {
    expect(requireValid(HouseholdFactsSchema, valid, "household")).toEqual(valid);
  });

  it("throws a RangeError naming the field", () => {
    expect(() => requireValid(HouseholdFactsSchema, { ...valid, householdSize: 0 }, "household")).toThrow(/Invalid household: householdSize/);
  });
});
