/**
 * The household data gathered at verification (DESIGN.md §4), as the indices and the missed-aid
 * hints read it. Field names follow Beneficiary in prisma/schema.prisma; the nullable ones are
 * nullable there too, because a case is scored from intake on, before everything is known.
 */
import { z } from "zod";

/** prisma/schema.prisma enum HousingCondition. */
export const HOUSING_CONDITIONS = ["OWNED_SAFE", "RENTED", "DILAPIDATED", "DESTROYED", "NONE"] as const;
export type HousingConditionName = (typeof HOUSING_CONDITIONS)[number];

/**
 * Tags of Beneficiary.vulnerableMembers that the rules know. The column is a free string list so
 * that a region can record more; tags outside this list are kept but score nothing.
 */
export const VULNERABLE_TAGS = ["ELDERLY", "CHILD", "DISABLED", "SERIOUS_ILLNESS", "PREGNANT", "SINGLE_PARENT"] as const;
export type VulnerableTag = (typeof VULNERABLE_TAGS)[number];

export function isVulnerableTag(tag: string): tag is VulnerableTag {
  return (VULNERABLE_TAGS as readonly string[]).includes(tag);
}

const fenAmount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const HouseholdFactsSchema = z.object({
  householdSize: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Household income per month, 分; null while unknown. */
  monthlyIncomeFen: fenAmount.nullable(),
  /** Essential spending per month (medical bills, schooling …), 分; null while unknown. */
  monthlyEssentialFen: fenAmount.nullable(),
  housing: z.enum(HOUSING_CONDITIONS).nullable(),
  vulnerableMembers: z.array(z.string()),
});
export type HouseholdFacts = z.infer<typeof HouseholdFactsSchema>;

/** A local 低保 standard (LocalStandard.monthlyFen): per person per month, 分; null when none is set. */
export const LocalStandardFenSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable();

/** Bad facts are a programming error by the time they reach a formula: forms validate first. */
export function requireValid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RangeError(`Invalid ${what}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim());
  }
  return parsed.data;
}

/** The distinct known tags, in VULNERABLE_TAGS order, so the same household always reads the same. */
export function knownTags(vulnerableMembers: readonly string[]): VulnerableTag[] {
  return VULNERABLE_TAGS.filter((tag) => vulnerableMembers.includes(tag));
}
