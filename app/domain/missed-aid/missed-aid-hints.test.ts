import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CASE_CATEGORIES } from "../case-status.ts";
import { addDays } from "../iso-date.ts";
import { HOUSING_CONDITIONS, VULNERABLE_TAGS, type HouseholdFacts, type HousingConditionName } from "../indices/household-facts.ts";
import {
  MISSED_AID_RULES,
  PROGRAMMES,
  missedAidHints,
  monthsBefore,
  type AssistanceRecordFacts,
  type CaseCategoryName,
  type MissedAidInput,
  type ProgrammeName,
} from "./missed-aid-hints.ts";

const TODAY = "2026-03-16";
const STANDARD = 70_000; // an illustrative 低保 standard of ¥700.00 per person per month

/** A household no rule fires for: enough income, safe housing, nobody vulnerable. */
const base = (household: Partial<HouseholdFacts> = {}, rest: Partial<MissedAidInput> = {}): MissedAidInput => ({
  household: {
    householdSize: 2,
    monthlyIncomeFen: 400_000,
    monthlyEssentialFen: 50_000,
    housing: "OWNED_SAFE",
    vulnerableMembers: [],
    ...household,
  },
  localDibaoMonthlyFen: STANDARD,
  category: "ACCIDENT",
  today: TODAY,
  records: [],
  ...rest,
});

const record = (programme: ProgrammeName, startedOn: string, endedOn: string | null): AssistanceRecordFacts => ({ programme, startedOn, endedOn });

it("the baseline household gets no hints", () => {
  expect(missedAidHints(base())).toEqual([]);
});

/** One row per rule: a household it fires for, the hint, and the record that covers it. */
const RULE_CASES: {
  programme: ProgrammeName;
  input: MissedAidInput;
  hint: ReturnType<typeof missedAidHints>[number];
}[] = [
  {
    programme: "DIBAO",
    input: base({ monthlyIncomeFen: 100_000 }),
    hint: { programme: "DIBAO", department: null, reasonKey: "incomeBelowDibao", detail: { perCapitaIncomeFen: 50_000, standardFen: STANDARD } },
  },
  {
    programme: "MEDICAL_AID",
    input: base({ vulnerableMembers: ["SERIOUS_ILLNESS"], monthlyEssentialFen: 250_000 }),
    hint: { programme: "MEDICAL_AID", department: "MEDICAL_INSURANCE", reasonKey: "medicalBurden", detail: { monthlyEssentialFen: 250_000, monthlyIncomeFen: 400_000 } },
  },
  {
    programme: "EDUCATION_AID",
    input: base({ vulnerableMembers: ["CHILD"] }, { category: "EDUCATION" }),
    hint: { programme: "EDUCATION_AID", department: "EDUCATION", reasonKey: "childInEducationCase", detail: { category: "EDUCATION" } },
  },
  {
    programme: "DISABILITY_SUBSIDY",
    input: base({ vulnerableMembers: ["DISABLED"] }),
    hint: { programme: "DISABILITY_SUBSIDY", department: "DISABLED_PERSONS_FEDERATION", reasonKey: "disabledWithoutSubsidy", detail: { tag: "DISABLED" } },
  },
  {
    programme: "HOUSING_AID",
    input: base({ housing: "DILAPIDATED" }),
    hint: { programme: "HOUSING_AID", department: "HOUSING", reasonKey: "unsafeHousing", detail: { housing: "DILAPIDATED" } },
  },
  {
    programme: "DISASTER_RELIEF",
    input: base({}, { category: "DISASTER" }),
    hint: { programme: "DISASTER_RELIEF", department: "EMERGENCY_MANAGEMENT", reasonKey: "disasterWithoutRelief", detail: { category: "DISASTER" } },
  },
];

describe("every rule", () => {
  it("has a row here", () => {
    expect(RULE_CASES.map((row) => row.programme)).toEqual(MISSED_AID_RULES.map((rule) => rule.programme));
  });

  describe.each(RULE_CASES)("$programme", ({ programme, input, hint }) => {
    const withRecords = (...records: AssistanceRecordFacts[]) => ({ ...input, records });

    it("fires with no records", () => {
      expect(missedAidHints(input)).toEqual([hint]);
    });

    it("does not fire while a record is running", () => {
      expect(missedAidHints(withRecords(record(programme, "2025-06-01", null)))).toEqual([]);
    });

    it("does not fire for a record arranged to start later", () => {
      expect(missedAidHints(withRecords(record(programme, "2026-04-01", null)))).toEqual([]);
    });

    it("fires when the record ended more than 12 months ago", () => {
      expect(missedAidHints(withRecords(record(programme, "2024-01-01", "2025-03-15")))).toEqual([hint]);
    });

    it("ignores records of other programmes", () => {
      const others = PROGRAMMES.filter((p) => p !== programme && !(programme === "DIBAO" && p === "TEKUN"));
      expect(missedAidHints(withRecords(...others.map((p) => record(p, "2025-01-01", null))))).toEqual([hint]);
    });

    // 低保 is judged on today's entitlement; the others on the last 12 months.
    const endedRecently = record(programme, "2025-01-01", "2026-01-31");
    const endedExactlyAYearAgo = record(programme, "2024-01-01", "2025-03-16");
    if (programme === "DIBAO") {
      it("fires when 低保 stopped last month", () => {
        expect(missedAidHints(withRecords(endedRecently))).toEqual([hint]);
      });
      it("does not fire when 低保 ends today", () => {
        expect(missedAidHints(withRecords(record("DIBAO", "2025-01-01", TODAY)))).toEqual([]);
      });
    } else {
      it("does not fire when the record ended within 12 months", () => {
        expect(missedAidHints(withRecords(endedRecently))).toEqual([]);
      });
      it("does not fire when the record ended exactly 12 months ago", () => {
        expect(missedAidHints(withRecords(endedExactlyAYearAgo))).toEqual([]);
      });
    }
  });
});

describe("a record of each programme covers exactly its rules", () => {
  // A household every rule fires for.
  const everything = base(
    { monthlyIncomeFen: 0, monthlyEssentialFen: 30_000, housing: "DESTROYED", vulnerableMembers: ["SERIOUS_ILLNESS", "CHILD", "DISABLED"] },
    { category: "DISASTER" },
  );
  const covered: Record<ProgrammeName, ProgrammeName[]> = {
    DIBAO: ["DIBAO"],
    TEKUN: ["DIBAO"],
    MEDICAL_AID: ["MEDICAL_AID"],
    TEMPORARY_AID: [],
    EDUCATION_AID: [],
    HOUSING_AID: ["HOUSING_AID"],
    EMPLOYMENT_AID: [],
    DISASTER_RELIEF: ["DISASTER_RELIEF"],
    DISABILITY_SUBSIDY: ["DISABILITY_SUBSIDY"],
    JIUJINAN: [],
  };
  it.each(PROGRAMMES)("%s", (programme) => {
    const all = missedAidHints(everything).map((h) => h.programme);
    // EDUCATION_AID needs an EDUCATION case, which a DISASTER case is not.
    expect(all).toEqual(["DIBAO", "MEDICAL_AID", "DISABILITY_SUBSIDY", "HOUSING_AID", "DISASTER_RELIEF"]);
    const left = missedAidHints({ ...everything, records: [record(programme, "2025-12-01", null)] }).map((h) => h.programme);
    expect(left).toEqual(all.filter((p) => !covered[programme].includes(p)));
  });
});

describe("rule conditions", () => {
  const programmesOf = (input: MissedAidInput) => missedAidHints(input).map((h) => h.programme);

  it.each([
    ["income just under the standard × size", { householdSize: 3, monthlyIncomeFen: 3 * STANDARD - 1 }, true],
    ["income exactly at the standard × size", { householdSize: 3, monthlyIncomeFen: 3 * STANDARD }, false],
    ["zero income", { monthlyIncomeFen: 0 }, true],
    ["unknown income", { monthlyIncomeFen: null }, false],
  ] as [string, Partial<HouseholdFacts>, boolean][])("低保: %s", (_label, household, fires) => {
    expect(programmesOf(base(household)).includes("DIBAO")).toBe(fires);
  });

  it("低保 needs a local standard to compare with", () => {
    expect(programmesOf(base({ monthlyIncomeFen: 0 }, { localDibaoMonthlyFen: null }))).not.toContain("DIBAO");
  });

  it.each([
    ["spending just over half of income", ["SERIOUS_ILLNESS"], 100_000, 50_001, true],
    ["spending exactly half of income", ["SERIOUS_ILLNESS"], 100_000, 50_000, false],
    ["no income and medical bills", ["SERIOUS_ILLNESS"], 0, 1, true],
    ["no income and no bills", ["SERIOUS_ILLNESS"], 0, 0, false],
    ["heavy bills but no serious illness recorded", ["ELDERLY"], 100_000, 90_000, false],
    ["unknown spending", ["SERIOUS_ILLNESS"], 100_000, null, false],
  ] as [string, string[], number, number | null, boolean][])("医疗救助: %s", (_label, vulnerableMembers, monthlyIncomeFen, monthlyEssentialFen, fires) => {
    expect(programmesOf(base({ vulnerableMembers, monthlyIncomeFen, monthlyEssentialFen })).includes("MEDICAL_AID")).toBe(fires);
  });

  const categoryFires: Record<CaseCategoryName, ProgrammeName[]> = {
    MAJOR_ILLNESS: [],
    ACCIDENT: [],
    DISASTER: ["DISASTER_RELIEF"],
    DEATH_OF_BREADWINNER: [],
    EDUCATION: ["EDUCATION_AID"],
    OTHER: [],
  };
  it.each(CASE_CATEGORIES)("category %s with a child in the household", (category) => {
    expect(programmesOf(base({ vulnerableMembers: ["CHILD"] }, { category }))).toEqual(categoryFires[category]);
  });

  it("an EDUCATION case without a child gets no education hint", () => {
    expect(programmesOf(base({}, { category: "EDUCATION" }))).toEqual([]);
  });

  const housingFires: Record<HousingConditionName, boolean> = { OWNED_SAFE: false, RENTED: false, DILAPIDATED: true, DESTROYED: true, NONE: false };
  it.each(HOUSING_CONDITIONS)("housing %s", (housing) => {
    expect(programmesOf(base({ housing }))).toEqual(housingFires[housing] ? ["HOUSING_AID"] : []);
  });

  it.each(VULNERABLE_TAGS)("tag %s alone on a comfortable household", (tag) => {
    expect(programmesOf(base({ vulnerableMembers: [tag] }))).toEqual(tag === "DISABLED" ? ["DISABILITY_SUBSIDY"] : []);
  });
});

describe("monthsBefore", () => {
  it.each([
    ["2026-03-16", 12, "2025-03-16"],
    ["2024-02-29", 12, "2023-02-28"],
    ["2025-02-28", 12, "2024-02-28"],
    ["2026-01-01", 12, "2025-01-01"],
    ["2026-01-31", 1, "2025-12-31"],
    ["2026-03-31", 1, "2026-02-28"],
    ["2026-05-31", 13, "2025-04-30"],
    ["2026-03-16", 0, "2026-03-16"],
  ] as const)("%s minus %i months → %s", (today, months, expected) => {
    expect(monthsBefore(today, months)).toBe(expected);
  });
});

describe("input checks", () => {
  it.each([
    ["a bad date for today", { today: "2026-02-30" }],
    ["an unknown programme", { records: [{ programme: "LOTTERY", startedOn: "2025-01-01", endedOn: null }] }],
    ["an unknown category", { category: "WAR" }],
  ])("refuses %s", (_label, rest) => {
    expect(() => missedAidHints({ ...base(), ...rest } as MissedAidInput)).toThrow(RangeError);
  });
});

describe("invariants", () => {
  const householdArb = fc.record({
    householdSize: fc.integer({ min: 1, max: 8 }),
    monthlyIncomeFen: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
    monthlyEssentialFen: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
    housing: fc.option(fc.constantFrom(...HOUSING_CONDITIONS)),
    vulnerableMembers: fc.subarray([...VULNERABLE_TAGS]),
  });
  const dateArb = fc.integer({ min: 0, max: 1500 }).map((n) => addDays("2023-01-01", n));
  const recordArb = fc.record({ programme: fc.constantFrom(...PROGRAMMES), startedOn: dateArb, endedOn: fc.option(dateArb) });
  const inputArb = fc.record({
    household: householdArb,
    localDibaoMonthlyFen: fc.option(fc.integer({ min: 1, max: 200_000 })),
    category: fc.constantFrom(...CASE_CATEGORIES),
    today: dateArb,
    records: fc.array(recordArb, { maxLength: 5 }),
  });

  it("more records never add a hint, and hints come once per programme in rule order", () => {
    fc.assert(
      fc.property(inputArb, fc.array(recordArb, { maxLength: 5 }), (input, extra) => {
        const before = missedAidHints(input).map((h) => h.programme);
        const after = missedAidHints({ ...input, records: [...input.records, ...extra] }).map((h) => h.programme);
        expect(after.every((p) => before.includes(p))).toBe(true);
        const order = MISSED_AID_RULES.map((r) => r.programme);
        expect([...before].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(before);
        expect(new Set(before).size).toBe(before.length);
      }),
    );
  });

  it("a running record of a programme always silences its hint", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...MISSED_AID_RULES.map((r) => r.programme)), (input, programme) => {
        const hints = missedAidHints({ ...input, records: [...input.records, record(programme, input.today, null)] });
        expect(hints.map((h) => h.programme)).not.toContain(programme);
      }),
    );
  });
});
