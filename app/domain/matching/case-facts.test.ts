import { describe, expect, it } from "vitest";
import { CASE_CATEGORIES } from "../case-status.ts";
import { HOUSING_CONDITIONS } from "../indices/household-facts.ts";
import { beneficiaryAge, caseConditionTags } from "./case-facts.ts";

describe("caseConditionTags", () => {
  it.each(HOUSING_CONDITIONS.map((housing) => [housing, ["DILAPIDATED", "DESTROYED", "NONE"].includes(housing)] as const))(
    "housing %s → HOUSING_DAMAGED: %s",
    (housing, damaged) => {
      expect(caseConditionTags({ vulnerableMembers: [], housing, category: "DISASTER" }).includes("HOUSING_DAMAGED")).toBe(damaged);
    },
  );

  it.each(CASE_CATEGORIES)("category %s → STUDENT only for EDUCATION", (category) => {
    expect(caseConditionTags({ vulnerableMembers: [], housing: null, category }).includes("STUDENT")).toBe(category === "EDUCATION");
  });

  it("keeps the household's own tags, sorted, without repeats", () => {
    expect(caseConditionTags({ vulnerableMembers: ["SERIOUS_ILLNESS", "CHILD", "CHILD"], housing: "DESTROYED", category: "EDUCATION" })).toEqual([
      "CHILD",
      "HOUSING_DAMAGED",
      "SERIOUS_ILLNESS",
      "STUDENT",
    ]);
  });
});

describe("beneficiaryAge", () => {
  it.each([
    [{ birthDate: { year: 2004, month: 11, day: 24 }, birthYear: 2004 }, 22, "birthday today"],
    [{ birthDate: { year: 2004, month: 11, day: 25 }, birthYear: 2004 }, 21, "birthday tomorrow"],
    [{ birthDate: null, birthYear: 2004 }, 22, "year only: the age reached this year"],
    [{ birthDate: null, birthYear: null }, null, "unknown"],
    [{ birthDate: { year: 2027, month: 1, day: 1 }, birthYear: 2027 }, null, "born after today"],
    [{ birthDate: null, birthYear: 2027 }, null, "year after today"],
  ] as [Parameters<typeof beneficiaryAge>[0], number | null, string][])("%j → %s (%s)", (input, expected) => {
    expect(beneficiaryAge(input, "2026-11-24")).toBe(expected);
  });
});
