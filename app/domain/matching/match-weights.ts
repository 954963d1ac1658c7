/**
 * Every number the matching score is made of, in one place, each with the reason it has.
 *
 * A score is an integer 0–100: the plain sum of its parts' points, each part worth at most its
 * weight, and the weights sum to 100. Staff can check any score by adding up the reasons on the
 * screen (the same rule as the need index, docs/decisions/004-need-index-formula.md).
 */
import type { AgeBandName, MatchSource, UrgencyName } from "./match-types.ts";

/**
 * The most each part can give.
 * - category 25 and coverage 25: a resource meant for this kind of emergency that closes the gap
 *   is what staff look for first; the two together decide most rankings.
 * - region 20: a nearby giver delivers sooner, knows the place, and keeps aid local (首问负责制 is
 *   regional too), but a city-wide project that pays in full should still beat a village one that
 *   pays a tenth, so distance weighs less than fit and coverage.
 * - capacity 10: prefer resources this pick does not drain, so scarce ones stay for cases with no
 *   other option.
 * - urgency 10: for urgent cases, resources that can act the same day come first.
 * - targeting 5 and expiry 5: tie-breakers that favour projects aimed at this household and
 *   resources that would otherwise lapse.
 */
export const SCORE_WEIGHTS = {
  category: 25,
  region: 20,
  coverage: 25,
  capacity: 10,
  urgency: 10,
  targeting: 5,
  expiry: 5,
} as const;

/**
 * Category/skill/item fit, out of SCORE_WEIGHTS.category.
 * - listed: the fund/project lists the case's category, or the volunteer the line's service type.
 * - generalScope: a fund/project that covers every category is a fit, but less aimed than one
 *   that lists this category.
 * - anyService: the line names no service type, so any volunteer may do; none is a sure fit.
 * - itemByName / itemByCategory: goods whose name matches the line (棉被 for 棉被) fit better
 *   than goods of the same category only (冬季棉服 for 冬衣).
 */
export const CATEGORY_POINTS = {
  listed: 25,
  generalScope: 15,
  anyService: 12,
  itemByName: 25,
  itemByCategory: 20,
} as const;

/**
 * Region closeness, out of SCORE_WEIGHTS.region, by the deepest level of the GB/T 2260 tree the
 * resource's area and the case share: a village volunteer is next door, a province-wide project is
 * remote; a resource with no region list serves everywhere and is the least local.
 */
export const REGION_POINTS = {
  VILLAGE: 20,
  TOWNSHIP: 18,
  COUNTY: 15,
  CITY: 10,
  PROVINCE: 6,
  NATIONWIDE: 3,
} as const;
export type RegionFitLevel = keyof typeof REGION_POINTS;

/**
 * Capacity: full points when the resource has at least this many times what it would give here
 * left; a pick that would drain it gets 1/this of the points. Four times lets a well-stocked offer
 * serve several cases before it counts as scarce.
 */
export const CAPACITY_DEPTH_FACTOR = 4;

/**
 * How soon a resource can act. A fund pays the same day (先行救助) and goods in stock can go out at
 * once; a project waits for its organisation's decision and a volunteer for a time slot.
 */
export const RESOURCE_SPEED: Record<MatchSource, "fast" | "standard"> = {
  FUND: "fast",
  SUPPLY_OFFER: "fast",
  PROJECT: "standard",
  VOLUNTEER_OFFER: "standard",
};

/**
 * Urgency points, out of SCORE_WEIGHTS.urgency. Urgent cases lift every suggestion and favour fast
 * resources (DESIGN §4: CRITICAL aid the same day, HIGH within one working day); for a NORMAL case
 * speed makes no difference.
 */
export const URGENCY_POINTS: Record<UrgencyName, { fast: number; standard: number }> = {
  CRITICAL: { fast: 10, standard: 5 },
  HIGH: { fast: 8, standard: 5 },
  NORMAL: { fast: 5, standard: 5 },
};

/**
 * Expiry, out of SCORE_WEIGHTS.expiry: goods about to expire, a project about to end or a volunteer
 * about to leave should be used before they lapse. Resources with no end date get nothing here.
 */
export const EXPIRY_SOON_DAYS = 30;
export const EXPIRY_WITHIN_DAYS = 90;
export const EXPIRY_POINTS = { soon: 5, within: 3 } as const;

/**
 * Targeting, out of SCORE_WEIGHTS.targeting: a project aimed at this household's condition
 * (重病, 在读学生 …) or age group is more likely to say yes quickly than a general one.
 */
export const TARGETING_POINTS = { condition: 3, age: 2 } as const;

/**
 * Ages (周岁) each AgeBand covers, both ends included, for when only the band is known. The upper
 * end of SENIOR is a bound no project's maxAge will reach.
 */
export const AGE_BAND_RANGES: Record<AgeBandName, readonly [number, number]> = {
  CHILD: [0, 17],
  YOUNG_ADULT: [18, 34],
  ADULT: [35, 59],
  SENIOR: [60, 150],
};

/** Ties are broken by source in this order, then by id, so equal scores always list the same way. */
export const SOURCE_ORDER: Record<MatchSource, number> = { FUND: 0, PROJECT: 1, SUPPLY_OFFER: 2, VOLUNTEER_OFFER: 3 };
