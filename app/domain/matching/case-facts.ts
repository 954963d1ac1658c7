/**
 * The case facts the matching engine reads that are not columns of their own: the household's
 * condition tags (what projects' conditionTags are matched against) and the beneficiary's age.
 */
import { ageOn } from "../id-number.ts";
import type { CalendarDate, IsoDate } from "../iso-date.ts";
import type { CaseCategoryName } from "./match-types.ts";

/** Housing that counts as a damaged home (the HOUSING_DAMAGED tag of 灾后重建 projects). */
const DAMAGED_HOUSING = new Set(["DILAPIDATED", "DESTROYED", "NONE"]);

/**
 * Beneficiary.vulnerableMembers as they are, plus HOUSING_DAMAGED for a dilapidated, destroyed or
 * missing home and STUDENT for a case of 因学致困 (its beneficiary is the student). Sorted and
 * without repeats, so the same household always gives the same list.
 */
export function caseConditionTags(input: { vulnerableMembers: readonly string[]; housing: string | null; category: CaseCategoryName }): string[] {
  const tags = new Set(input.vulnerableMembers);
  if (input.housing !== null && DAMAGED_HOUSING.has(input.housing)) tags.add("HOUSING_DAMAGED");
  if (input.category === "EDUCATION") tags.add("STUDENT");
  return [...tags].sort();
}

/**
 * Age in full years (周岁) on `today`: exact from a birth date (read off the ID number); from a
 * birth year alone, the age reached this year (one too high before the birthday, as the public
 * face's age band reads it). Null when neither is known or the data is impossible.
 */
export function beneficiaryAge(input: { birthDate: CalendarDate | null; birthYear: number | null }, today: IsoDate): number | null {
  if (input.birthDate) {
    try {
      return ageOn(input.birthDate, today);
    } catch {
      return null; // a birth date after today is a data error
    }
  }
  if (input.birthYear === null) return null;
  const age = Number(today.slice(0, 4)) - input.birthYear;
  return age >= 0 ? age : null;
}
