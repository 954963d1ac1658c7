/**
 * 贫困指数 (poverty index) and 需救助指数 (need index), seed 004: "根据急难对象的收支情况、住房状况、
 * 受助历史等按特定公式生成贫困指数和需救助指数". The formula, its default weights and a worked example
 * are in docs/decisions/004-need-index-formula.md; keep the two in step.
 *
 * Both indices are integers 0–100 made of parts. Each part is worth at most its weight, the
 * weights of an index sum to 100, and the score is the plain sum of the parts' points, so staff
 * can check every score by adding up what the screen shows.
 *
 * Rounding: each part is computed as an exact fraction with BigInt and rounded once, half up
 * (x.5 → x+1), which is monotonic, so a household that is worse off never scores lower. No float
 * ever enters the arithmetic.
 */
import { z } from "zod";
// eslint.config.js forbids "../*" to keep files directly in app/domain from reaching out of it; from
// this subfolder "../" still points inside app/domain, which the rule means to allow.
import { URGENCIES } from "../case-status.ts";
import {
  HouseholdFactsSchema,
  LocalStandardFenSchema,
  knownTags,
  requireValid,
  type HousingConditionName,
  type VulnerableTag,
} from "./household-facts.ts";

// ───────────────────────────── Weights ─────────────────────────────

export const POVERTY_PART_KEYS = ["incomeGap", "spendingBurden", "housing", "vulnerableMembers", "recentAid"] as const;
export type PovertyPartKey = (typeof POVERTY_PART_KEYS)[number];
export const NEED_PART_KEYS = ["poverty", "urgency", "unmetNeed", "waiting"] as const;
export type NeedPartKey = (typeof NEED_PART_KEYS)[number];

export type IndexWeights = {
  poverty: Record<PovertyPartKey, number>;
  need: Record<NeedPartKey, number>;
};

/**
 * Income comes first because 低保 eligibility is judged on it; the need index gives the household's
 * poverty and the emergency's urgency most of the weight, so a CRITICAL case of a poor household
 * leads the queue, and waiting time breaks ties between otherwise similar cases.
 */
export const DEFAULT_INDEX_WEIGHTS: IndexWeights = {
  poverty: { incomeGap: 40, spendingBurden: 20, housing: 15, vulnerableMembers: 15, recentAid: 10 },
  need: { poverty: 40, urgency: 30, unmetNeed: 20, waiting: 10 },
};

const weight = z.number().int().nonnegative();
const sumsTo100 = (parts: Record<string, number>) => Object.values(parts).reduce((sum, w) => sum + w, 0) === 100;

/** What an admin may set: whole points, none negative, each index's parts summing to 100. */
export const IndexWeightsSchema = z.object({
  poverty: z
    .object({ incomeGap: weight, spendingBurden: weight, housing: weight, vulnerableMembers: weight, recentAid: weight })
    .strict()
    .refine(sumsTo100, { message: "Poverty index weights must sum to 100" }),
  need: z
    .object({ poverty: weight, urgency: weight, unmetNeed: weight, waiting: weight })
    .strict()
    .refine(sumsTo100, { message: "Need index weights must sum to 100" }),
});

// ───────────────────────────── Tables and limits ─────────────────────────────
// Tables are in per-mille of the part's weight, so they keep their meaning when weights change.

const PER_MILLE = 1000;

/** Per-capita net income at or above this many times the 低保 standard scores no income-gap points. */
export const INCOME_GAP_ZERO_AT_STANDARDS = 2;

/** Essential spending at or above this share of income (per-mille) scores the full burden points. */
export const SPENDING_BURDEN_FULL_AT_PER_MILLE = 1000;

/**
 * Aid already received in the last 12 months equal to this many months of the household's 低保
 * standard (standard × household size × months) takes all recent-aid points away. Six months is
 * a large 临时救助 grant; a household that got that much is less likely to be the one missed.
 */
export const RECENT_AID_NEUTRALISED_AT_MONTHS = 6;

/** Waiting counts up to this many working days; after that every case waits "long". */
export const WAITING_CAP_WORKING_DAYS = 10;

export const HOUSING_PER_MILLE: Readonly<Record<HousingConditionName, number>> = {
  OWNED_SAFE: 0,
  RENTED: 400,
  DILAPIDATED: 700, // 危房
  DESTROYED: 1000, // 房屋损毁 (fire, flood)
  NONE: 1000, // 无住所
};

/** Per distinct tag present; the part is capped at its weight (1000‰). */
export const VULNERABLE_TAG_PER_MILLE: Readonly<Record<VulnerableTag, number>> = {
  SERIOUS_ILLNESS: 500,
  DISABLED: 400,
  ELDERLY: 300,
  CHILD: 300,
  PREGNANT: 300,
  SINGLE_PARENT: 300,
};

export type UrgencyName = (typeof URGENCIES)[number];

export const URGENCY_PER_MILLE: Readonly<Record<UrgencyName, number>> = { CRITICAL: 1000, HIGH: 600, NORMAL: 200 };

// ───────────────────────────── Results ─────────────────────────────

export type IndexPart<K extends string = string> = {
  /** An i18n key suffix, e.g. "incomeGap" → index.part.incomeGap. */
  key: K;
  points: number;
  max: number;
  /** Figures behind the points, for the screen; "reason" explains a part that could not be scored. */
  detail: Record<string, number | string>;
};
export type IndexResult<K extends string = string> = { score: number; parts: IndexPart<K>[] };

// ───────────────────────────── Integer arithmetic ─────────────────────────────

/** round-half-up(max × num / den) for 0 ≤ num ≤ den, den > 0: the one rounding step of each part. */
function scaledPoints(max: number, num: bigint, den: bigint): number {
  const clamped = num < 0n ? 0n : num > den ? den : num;
  return Number((2n * BigInt(max) * clamped + den) / (2n * den));
}

/** Floor division for the per-capita figures shown in details (BigInt division truncates toward 0). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && a < 0n !== b < 0n) ? q - 1n : q;
}

function sumOf(parts: readonly IndexPart[]): number {
  return parts.reduce((sum, part) => sum + part.points, 0);
}

function validWeights(weights: IndexWeights): IndexWeights {
  return requireValid(IndexWeightsSchema, weights, "index weights");
}

// ───────────────────────────── 贫困指数 ─────────────────────────────

export const PovertyIndexInputSchema = HouseholdFactsSchema.extend({
  /** Aid received in the last 12 months (all programmes and this platform's grants), 分. */
  recentAidFen: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  localDibaoMonthlyFen: LocalStandardFenSchema,
});
export type PovertyIndexInput = z.infer<typeof PovertyIndexInputSchema>;

/**
 * Income gap: per-capita income left after essential spending, against the 低保 standard S.
 * Full points at ≤ 0, none at ≥ 2S, linear between. Computed on household totals
 * (net vs 2S × size) so no per-capita division rounds anything away.
 */
function incomeGapPart(input: PovertyIndexInput, max: number): IndexPart<"incomeGap"> {
  const key = "incomeGap";
  if (input.monthlyIncomeFen === null) return { key, points: 0, max, detail: { reason: "noIncomeData" } };
  if (input.localDibaoMonthlyFen === null) return { key, points: 0, max, detail: { reason: "noLocalStandard" } };
  const size = BigInt(input.householdSize);
  // Unknown essential spending counts as none, so a gap in the data never raises the score.
  const net = BigInt(input.monthlyIncomeFen) - BigInt(input.monthlyEssentialFen ?? 0);
  const zeroAt = BigInt(INCOME_GAP_ZERO_AT_STANDARDS * input.localDibaoMonthlyFen) * size;
  return {
    key,
    points: scaledPoints(max, zeroAt - net, zeroAt),
    max,
    detail: {
      perCapitaNetFen: Number(floorDiv(net, size)),
      standardFen: input.localDibaoMonthlyFen,
      zeroPointsAtPerCapitaFen: INCOME_GAP_ZERO_AT_STANDARDS * input.localDibaoMonthlyFen,
    },
  };
}

/** Spending burden: essential spending as a share of income, full points at 100% (capped there). */
function spendingBurdenPart(input: PovertyIndexInput, max: number): IndexPart<"spendingBurden"> {
  const key = "spendingBurden";
  if (input.monthlyIncomeFen === null) return { key, points: 0, max, detail: { reason: "noIncomeData" } };
  if (input.monthlyEssentialFen === null) return { key, points: 0, max, detail: { reason: "noEssentialData" } };
  const income = BigInt(input.monthlyIncomeFen);
  const essential = BigInt(input.monthlyEssentialFen);
  if (essential === 0n) return { key, points: 0, max, detail: { burdenPerMille: 0 } };
  // No income and bills to pay is the heaviest burden there is.
  if (income === 0n) return { key, points: max, max, detail: { burdenPerMille: "noIncome" } };
  const burdenPerMille = (essential * BigInt(PER_MILLE)) / income;
  return {
    key,
    points: scaledPoints(max, essential * BigInt(PER_MILLE), income * BigInt(SPENDING_BURDEN_FULL_AT_PER_MILLE)),
    max,
    // Shown rounded down and uncapped: the points stop growing at the full share, the figure does not.
    detail: { burdenPerMille: Number(burdenPerMille) },
  };
}

function housingPart(input: PovertyIndexInput, max: number): IndexPart<"housing"> {
  const key = "housing";
  if (input.housing === null) return { key, points: 0, max, detail: { reason: "noHousingData" } };
  const perMille = HOUSING_PER_MILLE[input.housing];
  return { key, points: scaledPoints(max, BigInt(perMille), BigInt(PER_MILLE)), max, detail: { housing: input.housing, perMille } };
}

function vulnerableMembersPart(input: PovertyIndexInput, max: number): IndexPart<"vulnerableMembers"> {
  const tags = knownTags(input.vulnerableMembers);
  const rawPerMille = tags.reduce((sum, tag) => sum + VULNERABLE_TAG_PER_MILLE[tag], 0);
  const perMille = Math.min(rawPerMille, PER_MILLE);
  return {
    key: "vulnerableMembers",
    points: scaledPoints(max, BigInt(perMille), BigInt(PER_MILLE)),
    max,
    detail: { tags: tags.join(","), tagCount: tags.length, perMille },
  };
}

/** Recent aid: full points when nothing was received, none at six months of the household's standard. */
function recentAidPart(input: PovertyIndexInput, max: number): IndexPart<"recentAid"> {
  const key = "recentAid";
  if (input.localDibaoMonthlyFen === null) return { key, points: 0, max, detail: { reason: "noLocalStandard", recentAidFen: input.recentAidFen } };
  const neutralisedAt = BigInt(input.localDibaoMonthlyFen) * BigInt(input.householdSize) * BigInt(RECENT_AID_NEUTRALISED_AT_MONTHS);
  return {
    key,
    points: scaledPoints(max, neutralisedAt - BigInt(input.recentAidFen), neutralisedAt),
    max,
    detail: { recentAidFen: input.recentAidFen, zeroPointsAtFen: Number(neutralisedAt) },
  };
}

export function povertyIndex(input: PovertyIndexInput, weights: IndexWeights = DEFAULT_INDEX_WEIGHTS): IndexResult<PovertyPartKey> {
  const facts = requireValid(PovertyIndexInputSchema, input, "poverty index input");
  const w = validWeights(weights).poverty;
  const parts: IndexPart<PovertyPartKey>[] = [
    incomeGapPart(facts, w.incomeGap),
    spendingBurdenPart(facts, w.spendingBurden),
    housingPart(facts, w.housing),
    vulnerableMembersPart(facts, w.vulnerableMembers),
    recentAidPart(facts, w.recentAid),
  ];
  return { score: sumOf(parts), parts };
}

// ───────────────────────────── 需救助指数 ─────────────────────────────

/** A need line in its own unit (分, quantity or hours); see Need in prisma/schema.prisma. */
export const NeedLineSchema = z.object({
  target: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  committed: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  status: z.enum(["OPEN", "COVERED", "CANCELLED"]).optional(),
});
export type NeedLine = z.infer<typeof NeedLineSchema>;

export const NeedIndexInputSchema = z.object({
  povertyIndex: z.number().int().min(0).max(100),
  urgency: z.enum(URGENCIES),
  needLines: z.array(NeedLineSchema),
  /** Working days from receipt to today (working-days.ts workingDaysBetween). */
  workingDaysWaited: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export type NeedIndexInput = z.infer<typeof NeedIndexInputSchema>;

/**
 * Unmet need: the mean over need lines of (target − committed) / target. Lines are in different
 * units (分, pieces, hours), so each line counts once rather than by size. The mean is rounded
 * half up to per-mille first and the points come from that figure, so the screen's ‰ explains them.
 */
function unmetNeedPart(lines: readonly NeedLine[], max: number): IndexPart<"unmetNeed"> {
  const key = "unmetNeed";
  const counted = lines.filter((line) => line.status !== "CANCELLED" && line.target > 0);
  // Needs not yet written down (a fresh report) have had nothing covered.
  if (counted.length === 0) return { key, points: max, max, detail: { reason: "noNeedLines", unmetPerMille: PER_MILLE } };
  let num = 0n;
  let den = 1n;
  for (const line of counted) {
    const target = BigInt(line.target);
    const uncovered = line.committed >= line.target ? 0n : target - BigInt(line.committed);
    num = num * target + uncovered * den;
    den *= target;
  }
  den *= BigInt(counted.length);
  const unmetPerMille = scaledPoints(PER_MILLE, num, den);
  return {
    key,
    points: scaledPoints(max, BigInt(unmetPerMille), BigInt(PER_MILLE)),
    max,
    detail: { unmetPerMille, lineCount: counted.length },
  };
}

export function needIndex(input: NeedIndexInput, weights: IndexWeights = DEFAULT_INDEX_WEIGHTS): IndexResult<NeedPartKey> {
  const valid = requireValid(NeedIndexInputSchema, input, "need index input");
  const w = validWeights(weights).need;
  const waited = Math.min(valid.workingDaysWaited, WAITING_CAP_WORKING_DAYS);
  const parts: IndexPart<NeedPartKey>[] = [
    { key: "poverty", points: scaledPoints(w.poverty, BigInt(valid.povertyIndex), 100n), max: w.poverty, detail: { povertyIndex: valid.povertyIndex } },
    {
      key: "urgency",
      points: scaledPoints(w.urgency, BigInt(URGENCY_PER_MILLE[valid.urgency]), BigInt(PER_MILLE)),
      max: w.urgency,
      detail: { urgency: valid.urgency, perMille: URGENCY_PER_MILLE[valid.urgency] },
    },
    unmetNeedPart(valid.needLines, w.unmetNeed),
    {
      key: "waiting",
      points: scaledPoints(w.waiting, BigInt(waited), BigInt(WAITING_CAP_WORKING_DAYS)),
      max: w.waiting,
      detail: { workingDaysWaited: valid.workingDaysWaited, capWorkingDays: WAITING_CAP_WORKING_DAYS },
    },
  ];
  return { score: sumOf(parts), parts };
}

/** Both indices of a case at once, as stored in Case.povertyIndex, needIndex and indexParts. */
export function caseIndices(
  input: PovertyIndexInput & Omit<NeedIndexInput, "povertyIndex">,
  weights: IndexWeights = DEFAULT_INDEX_WEIGHTS,
): { poverty: IndexResult<PovertyPartKey>; need: IndexResult<NeedPartKey> } {
  const poverty = povertyIndex(input, weights);
  const need = needIndex(
    { povertyIndex: poverty.score, urgency: input.urgency, needLines: input.needLines, workingDaysWaited: input.workingDaysWaited },
    weights,
  );
  return { poverty, need };
}
