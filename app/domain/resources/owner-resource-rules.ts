// Limits and choices of the forms owners keep their resources with, and the 元 text a budget is
// shown as when edited. Pure.
import { FEN_PER_YUAN } from "../money.ts";

/**
 * Project.conditionTags a project can target (labels: resourceTypes.condition.*): the vulnerable
 * members staff record on a household, plus students and households whose home was damaged.
 */
export const PROJECT_CONDITION_TAGS = ["ELDERLY", "CHILD", "DISABLED", "SERIOUS_ILLNESS", "PREGNANT", "SINGLE_PARENT", "STUDENT", "HOUSING_DAMAGED"] as const;

export const OWNER_RESOURCE_LIMITS = {
  titleMax: 60,
  summaryMax: 200,
  descriptionMax: 4000,
  itemNameMax: 60,
  unitMax: 10,
  availabilityMax: 100,
  /** Region codes one resource may list. */
  regionsMax: 50,
  ageMax: 120,
  /** Quantities and hours above this are typing errors, not offers. */
  quantityMax: 1_000_000,
  hoursMax: 100_000,
  /** ¥100,000,000: more than any relief project's budget, far below the safe-integer range. */
  budgetMaxFen: 10_000_000_000,
  organizationNameMax: 100,
  contactNameMax: 40,
  websiteMax: 200,
} as const;

/** 300000 分 → "3000", 12345 → "123.45": what a person would type as 元 (no grouping, no sign). */
export function fenToYuanInput(amountFen: number): string {
  const yuan = Math.floor(amountFen / FEN_PER_YUAN);
  const cents = amountFen % FEN_PER_YUAN;
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, "0")}`;
}

/** Whether an optional age range reads forwards (either bound may be missing). */
export function isAgeRangeOrdered(minAge: number | undefined, maxAge: number | undefined): boolean {
  return minAge === undefined || maxAge === undefined || minAge <= maxAge;
}

/** Whether an optional date range reads forwards ("YYYY-MM-DD" strings compare as dates). */
export function isDateRangeOrdered(startsOn: string | undefined, endsOn: string | undefined): boolean {
  return startsOn === undefined || endsOn === undefined || startsOn <= endsOn;
}
