/**
 * The parts of a matching score, one function each, so every part can be checked with a table.
 * Each returns a reason { key, params, points } whose key is an i18n key under matching.reasons.*;
 * params are ready to show (money formatted, dates as ISO days), so the page only calls t().
 */
import { formatFen, fen } from "../money.ts";
import { REGION_LEVEL_LENGTHS, isWithinRegion } from "../region-codes.ts";
import type { MatchReason, MatchSource, NeedKindName, ReasonParams, UrgencyName } from "./match-types.ts";
import {
  CAPACITY_DEPTH_FACTOR,
  CATEGORY_POINTS,
  EXPIRY_POINTS,
  EXPIRY_SOON_DAYS,
  EXPIRY_WITHIN_DAYS,
  REGION_POINTS,
  RESOURCE_SPEED,
  SCORE_WEIGHTS,
  TARGETING_POINTS,
  URGENCY_POINTS,
  type RegionFitLevel,
} from "./match-weights.ts";

const reason = (key: string, params: ReasonParams, points: number): MatchReason => ({ key: `matching.reasons.${key}`, params, points });

/** weight × part / whole, rounded half up, in integers (no float enters the score). */
export function proportionalPoints(weight: number, part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0;
  if (part >= whole) return weight;
  return Math.floor((2 * weight * part + whole) / (2 * whole));
}

// ───────────────────────────── Category ─────────────────────────────

export type CategoryFit = keyof typeof CATEGORY_POINTS;

const CATEGORY_REASON_KEYS: Record<CategoryFit, string> = {
  listed: "categoryListed",
  generalScope: "categoryGeneral",
  anyService: "anyService",
  itemByName: "itemByName",
  itemByCategory: "itemByCategory",
};

/** A fund/project lists the case's category (`listed`, params.category) or covers all (`generalScope`). */
export function categoryReason(fit: CategoryFit, params: ReasonParams = {}): MatchReason {
  return reason(CATEGORY_REASON_KEYS[fit], params, CATEGORY_POINTS[fit]);
}

/** The same part for a volunteer: the line's service type among its skills, or a line open to any service. */
export function skillReason(skill: string | null): MatchReason {
  return skill === null ? categoryReason("anyService") : reason("skillListed", { skill }, CATEGORY_POINTS.listed);
}

/** Whether an offer's item name and a line's title name the same thing (棉被 / 棉被；大米（10 公斤装）/ 大米). */
export function itemNamesMatch(itemName: string, lineTitle: string): boolean {
  const a = itemName.trim();
  const b = lineTitle.trim();
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

// ───────────────────────────── Region ─────────────────────────────

const LEVEL_NAMES = ["PROVINCE", "CITY", "COUNTY", "TOWNSHIP", "VILLAGE"] as const satisfies readonly RegionFitLevel[];

/** The level of a code by its length; a non-standard length counts as the deepest level it reaches. */
export function regionLevelOf(code: string): RegionFitLevel {
  let level: RegionFitLevel = "PROVINCE";
  for (let i = 0; i < REGION_LEVEL_LENGTHS.length; i++) if (code.length >= REGION_LEVEL_LENGTHS[i]!) level = LEVEL_NAMES[i]!;
  return level;
}

/** The case's place, prepared once per run. */
export type CaseRegion = { code: string; level: RegionFitLevel };

export function caseRegionOf(regionCode: string): CaseRegion {
  return { code: regionCode, level: regionLevelOf(regionCode) };
}

const LEVEL_BY_LENGTH: Partial<Record<number, RegionFitLevel>> = Object.fromEntries(REGION_LEVEL_LENGTHS.map((length, i) => [length, LEVEL_NAMES[i]!]));

const RANK: Record<RegionFitLevel, number> = { NATIONWIDE: 0, PROVINCE: 1, CITY: 2, COUNTY: 3, TOWNSHIP: 4, VILLAGE: 5 };

/**
 * The level one area code shares with the case, or null when the case lies outside it: the code's
 * own level when it is the case's region or one of its ancestors (ancestorRegionCodes: prefixes of
 * a level's length), the case's level when `allowNarrower` and the area lies inside the case's region.
 * A prefix test rather than a look-up: this runs for every code of every resource and allocates nothing.
 */
export function regionFitOfCode(place: CaseRegion, code: string, allowNarrower: boolean): RegionFitLevel | null {
  if (code.length < place.code.length) {
    const level = LEVEL_BY_LENGTH[code.length];
    return level !== undefined && isWithinRegion(place.code, code) ? level : null;
  }
  if (code.length === place.code.length) return code === place.code ? place.level : null;
  return allowNarrower && isWithinRegion(code, place.code) ? place.level : null;
}

/**
 * How close a resource's area is to the case: the deepest level they share, or null when the case
 * lies outside it. An empty list serves everywhere (NATIONWIDE). A code covers its subtree; with
 * `allowNarrower` (volunteer and supply offers, whose areas say where they can go rather than whom
 * a rule admits) an area inside the case's known region also counts — a township volunteer can
 * serve a case recorded only at county level, and they share the county.
 */
export function regionFit(place: CaseRegion, codes: readonly string[], allowNarrower: boolean): RegionFitLevel | null {
  if (codes.length === 0) return "NATIONWIDE";
  let best: RegionFitLevel | null = null;
  for (let i = 0; i < codes.length; i++) {
    const level = regionFitOfCode(place, codes[i]!, allowNarrower);
    if (level !== null && (best === null || RANK[level] > RANK[best])) best = level;
  }
  return best;
}

const REGION_REASON_KEYS: Record<RegionFitLevel, string> = {
  VILLAGE: "regionVillage",
  TOWNSHIP: "regionTownship",
  COUNTY: "regionCounty",
  CITY: "regionCity",
  PROVINCE: "regionProvince",
  NATIONWIDE: "regionNationwide",
};

export function regionReason(level: RegionFitLevel): MatchReason {
  return reason(REGION_REASON_KEYS[level], {}, REGION_POINTS[level]);
}

// ───────────────────────────── Coverage and capacity ─────────────────────────────

/** An amount in a line's unit, ready to show: ¥ for cash, the bare number for pieces and hours. */
export function formatAmount(kind: NeedKindName, amount: number): string {
  return kind === "CASH" ? formatFen(fen(amount)) : String(amount);
}

/** How much of what the line still needs this resource covers. */
export function coverageReason(kind: NeedKindName, amount: number, remaining: number, unit: string | null): MatchReason {
  const percent = remaining > 0 ? Math.floor((100 * Math.min(amount, remaining)) / remaining) : 0;
  const key = kind === "CASH" ? "coverageCash" : kind === "ITEM" ? "coverageItem" : "coverageService";
  const params: ReasonParams = { amount: formatAmount(kind, amount), percent };
  if (kind === "ITEM") params.unit = unit ?? "";
  return reason(key, params, proportionalPoints(SCORE_WEIGHTS.coverage, amount, remaining));
}

const CAPACITY_REASON_KEYS: Record<MatchSource, string> = {
  FUND: "capacityFund",
  PROJECT: "capacityProject",
  VOLUNTEER_OFFER: "capacityHours",
  SUPPLY_OFFER: "capacityStock",
};

/**
 * How deep the resource is compared with what it would give here: full points at
 * CAPACITY_DEPTH_FACTOR times the amount or more.
 */
export function capacityReason(source: MatchSource, capacityLeft: number, amount: number, unit: string | null): MatchReason {
  const kind: NeedKindName = source === "FUND" || source === "PROJECT" ? "CASH" : source === "SUPPLY_OFFER" ? "ITEM" : "SERVICE";
  const params: ReasonParams = { remaining: formatAmount(kind, capacityLeft) };
  if (source === "SUPPLY_OFFER") params.unit = unit ?? "";
  return reason(CAPACITY_REASON_KEYS[source], params, proportionalPoints(SCORE_WEIGHTS.capacity, capacityLeft, CAPACITY_DEPTH_FACTOR * amount));
}

// ───────────────────────────── Urgency, expiry, targeting ─────────────────────────────

export function urgencyReason(urgency: UrgencyName, source: MatchSource): MatchReason {
  const speed = RESOURCE_SPEED[source];
  const key = urgency === "NORMAL" ? "urgencyNormal" : speed === "fast" ? "urgencyFast" : "urgencyStandard";
  return reason(key, { urgency }, URGENCY_POINTS[urgency][speed]);
}

/**
 * Points for a resource that ends soon (`endsOn` the last day it can be used, inclusive); null when it
 * has no end date or ends later than EXPIRY_WITHIN_DAYS. `daysLeft` is endsOn − today in days.
 */
export function expiryReason(endsOn: string | null, daysLeft: number | null): MatchReason | null {
  if (endsOn === null || daysLeft === null || daysLeft < 0) return null;
  if (daysLeft <= EXPIRY_SOON_DAYS) return reason("endsSoon", { date: endsOn, days: daysLeft }, EXPIRY_POINTS.soon);
  if (daysLeft <= EXPIRY_WITHIN_DAYS) return reason("endsWithin", { date: endsOn, days: daysLeft }, EXPIRY_POINTS.within);
  return null;
}

export function conditionMatchReason(tag: string): MatchReason {
  return reason("conditionMatch", { tag }, TARGETING_POINTS.condition);
}

export function ageWithinBoundsReason(age: number): MatchReason {
  return reason("ageWithinBounds", { age }, TARGETING_POINTS.age);
}

export function ageBandWithinBoundsReason(band: string): MatchReason {
  return reason("ageBandWithinBounds", { band }, TARGETING_POINTS.age);
}

// ───────────────────────────── Notes (no points) ─────────────────────────────

/** Facts staff should see before picking that do not change the score. */
export const note = {
  perCaseCap: (kind: NeedKindName, cap: number, left: number) => reason("perCaseCapLimits", { cap: formatAmount(kind, cap), left: formatAmount(kind, left) }, 0),
  needsReview: (threshold: number) => reason("needsReview", { threshold: formatFen(fen(threshold)) }, 0),
  unitDiffers: (lineUnit: string, offerUnit: string) => reason("unitDiffers", { lineUnit, offerUnit }, 0),
  availability: (availability: string) => reason("availability", { availability }, 0),
  ageUnverified: (band: string) => reason("ageUnverified", { band }, 0),
  ageUnknown: () => reason("ageUnknown", {}, 0),
};
