// Pure rules of case intake (DESIGN §4): which office owns a new case, its number, and what counts
// as a phone number. Region codes (ancestors, county) are region-codes.ts.
import { ancestorRegionCodes } from "../region-codes.ts";

/** Every channel staff record by hand; ONLINE_REPORT only comes from the public /report form. */
export const STAFF_INTAKE_SOURCES = [
  "HOTLINE_12349",
  "SERVICE_WINDOW",
  "PROACTIVE_COMMUNITY",
  "PROACTIVE_SCHOOL",
  "PROACTIVE_HOSPITAL",
  "PROACTIVE_POLICE",
  "REFERRAL_IN",
] as const;

/** Who fills in /report: the person in need, or someone who noticed them (主动发现). */
export const REPORTER_ROLES = ["SELF", "ON_BEHALF"] as const;

export const INTAKE_LIMITS = {
  nameMax: 50,
  addressMax: 200,
  noteMax: 2000,
  reportDescriptionMax: 2000,
  householdSizeMin: 1,
  householdSizeMax: 30,
} as const;

/** 首问负责制: the office of the region, or else of its nearest ancestor that has one. Ties go to the first listed. */
export function pickOwnerOffice<O extends { regionCode: string }>(offices: readonly O[], regionCode: string): O | null {
  for (const code of ancestorRegionCodes(regionCode)) {
    const office = offices.find((o) => o.regionCode === code);
    if (office) return office;
  }
  return null;
}

/**
 * The Counter row a county's case numbers of a year are drawn from. The app and the seed must name
 * it alike (the seed moves it past the demo cases), so both take it from here.
 */
export const caseCounterName = (countyCode: string, year: string) => `case:${countyCode}:${year}`;

/** "JJN-341322-2026-0022": county, year received (Asia/Shanghai) and the county's running number. */
export function formatCaseNo(countyCode: string, year: string, seq: number): string {
  if (!/^\d{6}$/.test(countyCode)) throw new RangeError(`Not a county code: ${countyCode}`);
  if (!/^\d{4}$/.test(year)) throw new RangeError(`Not a year: ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Sequence must be a positive integer, got ${seq}`);
  return `JJN-${countyCode}-${year}-${String(seq).padStart(4, "0")}`;
}

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 010/02x (3 digits) or 0xxx (4 digits), a 7–8 digit number, and an optional extension.
const LANDLINE = /^0\d{2,3}-?[1-9]\d{6,7}(-\d{1,6})?$/;

/** Blanks and the +86 / 0086 prefix are dropped; inner dashes of a landline are kept. */
export function normalizePhone(input: string): string {
  return input.replace(/[\s\u3000]+/g, "").replace(/^(\+86|0086)-?/, "");
}

/** A mainland mobile (13812345678) or landline (0557-5022349, 05575022349, 010-12345678-801) number. */
export function isMainlandPhone(input: string): boolean {
  const phone = normalizePhone(input);
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

/** A public report is NORMAL unless the reporter says life or health is in danger. */
export function reportUrgency(isDangerToLifeOrHealth: boolean): "HIGH" | "NORMAL" {
  return isDangerToLifeOrHealth ? "HIGH" : "NORMAL";
}
