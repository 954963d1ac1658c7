/**
 * GB/T 2260 region codes: 34 (province) › 3413 (city) › 341322 (county) › 341322100 (township,
 * 乡镇/街道) › 341322100201 (village, 村/社区). A code is a prefix of every code below it, so a
 * region's ancestors, its county and whether it lies inside another region are all read off the
 * code itself: no tree walk and no query. Every rule that climbs the region tree (owner office,
 * relief fund, calendar closures, local standards, staff scope, transfers) goes through here, so
 * they all agree on what "above" and "below" mean.
 */

/** Code lengths of the five levels, province to village. */
export const REGION_LEVEL_LENGTHS = [2, 4, 6, 9, 12] as const;

/** A case's number is counted per county (县/区/县级市), the third level. */
export const COUNTY_CODE_LENGTH = 6;

/**
 * The region itself and its ancestors, nearest first: 341322100 → 341322, 3413, 34. Only prefixes
 * at a level length count (34132 is no region), and the code itself always leads, so a lookup
 * over these codes finds the region's own row before any ancestor's.
 */
export function ancestorRegionCodes(regionCode: string): string[] {
  const codes = [regionCode];
  for (const length of [...REGION_LEVEL_LENGTHS].reverse()) {
    if (length < regionCode.length) codes.push(regionCode.slice(0, length));
  }
  return codes;
}

/** The county a region belongs to (itself at county level); null above county level or for a non-code. */
export function countyCodeOf(regionCode: string): string | null {
  return /^\d+$/.test(regionCode) && regionCode.length >= COUNTY_CODE_LENGTH ? regionCode.slice(0, COUNTY_CODE_LENGTH) : null;
}

/** Whether `regionCode` is `areaCode` itself or a region below it (its code starts with the area's). */
export function isWithinRegion(regionCode: string, areaCode: string): boolean {
  return regionCode.startsWith(areaCode);
}

/** Whether one region is the other or lies below it: both on one branch of the region tree. */
export function regionsOnSameBranch(a: string, b: string): boolean {
  return isWithinRegion(a, b) || isWithinRegion(b, a);
}
