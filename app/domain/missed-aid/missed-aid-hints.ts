/**
 * 遗漏救助 hints (DESIGN.md §4, seed 004 "避免重复救助、多头救助和救助遗漏"): where the household
 * data says a programme probably applies and the household's assistance records show none, the
 * case shows a suggested referral. A hint is a prompt for staff, never a decision: they check it
 * and refer (Referral.department) or apply in-house.
 */
import { z } from "zod";
// eslint.config.js forbids "../*" to keep files directly in app/domain from reaching out of it; from
// this subfolder "../" still points inside app/domain, which the rule means to allow.
import { CASE_CATEGORIES } from "../case-status.ts";
import { daysInMonth, formatIsoDate, isIsoDate, requireIsoDate, type IsoDate } from "../iso-date.ts";
import { HouseholdFactsSchema, LocalStandardFenSchema, requireValid } from "../indices/household-facts.ts";

/** prisma/schema.prisma enum Programme. */
export const PROGRAMMES = [
  "DIBAO",
  "TEKUN",
  "MEDICAL_AID",
  "TEMPORARY_AID",
  "EDUCATION_AID",
  "HOUSING_AID",
  "EMPLOYMENT_AID",
  "DISASTER_RELIEF",
  "DISABILITY_SUBSIDY",
  "JIUJINAN",
] as const;
export type ProgrammeName = (typeof PROGRAMMES)[number];

/** prisma/schema.prisma enum Department. */
export const DEPARTMENTS = [
  "HEALTH",
  "MEDICAL_INSURANCE",
  "EDUCATION",
  "HOUSING",
  "HUMAN_RESOURCES",
  "EMERGENCY_MANAGEMENT",
  "DISABLED_PERSONS_FEDERATION",
  "RED_CROSS",
  "TRADE_UNION",
  "WOMENS_FEDERATION",
  "JUDICIAL",
  "OTHER",
] as const;
export type DepartmentName = (typeof DEPARTMENTS)[number];

export type CaseCategoryName = (typeof CASE_CATEGORIES)[number];

/** Records this old or newer (by end date) still count as "had it recently". */
export const MISSED_AID_LOOKBACK_MONTHS = 12;

const isoDate = z.string().refine(isIsoDate, { message: "Expected a date as YYYY-MM-DD" });

export const AssistanceRecordFactsSchema = z.object({
  programme: z.enum(PROGRAMMES),
  startedOn: isoDate,
  /** null while the benefit is still paid. */
  endedOn: isoDate.nullable(),
});
export type AssistanceRecordFacts = z.infer<typeof AssistanceRecordFactsSchema>;

export const MissedAidInputSchema = z.object({
  household: HouseholdFactsSchema,
  localDibaoMonthlyFen: LocalStandardFenSchema,
  category: z.enum(CASE_CATEGORIES),
  /** Asia/Shanghai civil date; passed in so the answer does not depend on the clock. */
  today: isoDate,
  records: z.array(AssistanceRecordFactsSchema),
});
export type MissedAidInput = z.infer<typeof MissedAidInputSchema>;

export type MissedAidReasonKey =
  | "incomeBelowDibao"
  | "medicalBurden"
  | "childInEducationCase"
  | "disabledWithoutSubsidy"
  | "unsafeHousing"
  | "disasterWithoutRelief";

export type MissedAidHint = {
  programme: ProgrammeName;
  /** Where to refer; null means civil affairs applies it itself (低保 is 民政's own programme). */
  department: DepartmentName | null;
  /** i18n key suffix, e.g. missedAid.incomeBelowDibao. */
  reasonKey: MissedAidReasonKey;
  detail: Record<string, number | string>;
};

/**
 * - "active": only a benefit still running on `today` counts. 低保 is a monthly entitlement: one that
 *   ended last month is exactly the gap the hint is for.
 * - "lookback": any record running at some point in the last 12 months counts; these are one-off or
 *   yearly grants, and one paid recently means the department already knows the household.
 * A record whose start lies ahead counts too: the benefit is already arranged.
 */
type RecordWindow = "active" | "lookback";

type MissedAidRule = {
  programme: ProgrammeName;
  department: DepartmentName | null;
  reasonKey: MissedAidReasonKey;
  window: RecordWindow;
  /** Programmes whose record means this one is covered. */
  coveredBy: readonly ProgrammeName[];
  /** The figures that make the rule fire, or null when it does not apply. */
  applies: (input: MissedAidInput) => Record<string, number | string> | null;
};

const hasTag = (input: MissedAidInput, tag: string) => input.household.vulnerableMembers.includes(tag);

/** Rules in the order hints are shown: basic living first, then the special programmes. */
export const MISSED_AID_RULES: readonly MissedAidRule[] = [
  {
    programme: "DIBAO",
    department: null,
    reasonKey: "incomeBelowDibao",
    window: "active",
    // 特困供养 is the tier above 低保 for people with no income and nobody to support them; a person
    // gets one or the other, so a running 特困 record covers this hint as well.
    coveredBy: ["DIBAO", "TEKUN"],
    applies: ({ household, localDibaoMonthlyFen }) => {
      if (household.monthlyIncomeFen === null || localDibaoMonthlyFen === null) return null;
      // Compared on household totals so no per-capita rounding decides the edge case.
      if (household.monthlyIncomeFen >= localDibaoMonthlyFen * household.householdSize) return null;
      return {
        perCapitaIncomeFen: Math.floor(household.monthlyIncomeFen / household.householdSize),
        standardFen: localDibaoMonthlyFen,
      };
    },
  },
  {
    programme: "MEDICAL_AID",
    department: "MEDICAL_INSURANCE", // 医疗救助 is run by 医保 since the 2018 reform
    reasonKey: "medicalBurden",
    window: "lookback",
    coveredBy: ["MEDICAL_AID"],
    applies: (input) => {
      const { monthlyIncomeFen: income, monthlyEssentialFen: essential } = input.household;
      if (!hasTag(input, "SERIOUS_ILLNESS") || income === null || essential === null) return null;
      // More than half of income (strictly); with no income any medical bill qualifies.
      if (essential * 2 <= income || essential === 0) return null;
      return { monthlyEssentialFen: essential, monthlyIncomeFen: income };
    },
  },
  {
    programme: "EDUCATION_AID",
    department: "EDUCATION",
    reasonKey: "childInEducationCase",
    window: "lookback",
    coveredBy: ["EDUCATION_AID"],
    applies: (input) => (hasTag(input, "CHILD") && input.category === "EDUCATION" ? { category: input.category } : null),
  },
  {
    programme: "DISABILITY_SUBSIDY",
    department: "DISABLED_PERSONS_FEDERATION",
    reasonKey: "disabledWithoutSubsidy",
    window: "lookback",
    coveredBy: ["DISABILITY_SUBSIDY"],
    applies: (input) => (hasTag(input, "DISABLED") ? { tag: "DISABLED" } : null),
  },
  {
    programme: "HOUSING_AID",
    department: "HOUSING",
    reasonKey: "unsafeHousing",
    window: "lookback",
    coveredBy: ["HOUSING_AID"],
    applies: ({ household }) =>
      household.housing === "DILAPIDATED" || household.housing === "DESTROYED" ? { housing: household.housing } : null,
  },
  {
    programme: "DISASTER_RELIEF",
    department: "EMERGENCY_MANAGEMENT",
    reasonKey: "disasterWithoutRelief",
    window: "lookback",
    coveredBy: ["DISASTER_RELIEF"],
    applies: (input) => (input.category === "DISASTER" ? { category: input.category } : null),
  },
];

/** The same day `months` calendar months earlier; a day the month lacks (29 Feb, 31 Apr) becomes its last day. */
export function monthsBefore(today: IsoDate, months: number): IsoDate {
  const { year, month, day } = requireIsoDate(today);
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return formatIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

function isCounted(record: AssistanceRecordFacts, window: RecordWindow, today: IsoDate): boolean {
  if (record.endedOn === null) return true;
  // ISO dates compare correctly as strings.
  const earliestEnd = window === "active" ? today : monthsBefore(today, MISSED_AID_LOOKBACK_MONTHS);
  return record.endedOn >= earliestEnd;
}

export function missedAidHints(input: MissedAidInput): MissedAidHint[] {
  const valid = requireValid(MissedAidInputSchema, input, "missed-aid input");
  const hints: MissedAidHint[] = [];
  for (const rule of MISSED_AID_RULES) {
    const detail = rule.applies(valid);
    if (!detail) continue;
    const isCovered = valid.records.some((record) => rule.coveredBy.includes(record.programme) && isCounted(record, rule.window, valid.today));
    if (isCovered) continue;
    hints.push({ programme: rule.programme, department: rule.department, reasonKey: rule.reasonKey, detail });
  }
  return hints;
}
