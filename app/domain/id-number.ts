/**
 * 18-digit resident identity numbers (公民身份号码, GB 11643-1999).
 *
 * Layout: 6-digit address code (GB/T 2260) · 8-digit birth date · 3-digit sequence (odd = male)
 * · 1 check character (ISO 7064 MOD 11-2). The check only catches typing errors; it proves
 * nothing about the person, so staff still verify the card itself.
 */
import {
  compareCalendarDates,
  isRealCalendarDate,
  parseIsoDate,
  type CalendarDate,
} from "./iso-date.ts";

export type Sex = "M" | "F";

export type IdNumberFailure = "format" | "checksum" | "birthdate";

export type IdNumberResult =
  | { ok: true; value: string; birthDate: CalendarDate; sex: Sex; regionCode: string }
  | { ok: false; reason: IdNumberFailure };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";
const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;
// Second-generation cards were first issued in 2004 to people alive then; nobody registered is
// born before 1900, so an earlier year is a typo rather than a centenarian.
const EARLIEST_BIRTH_YEAR = 1900;

export function idNumberCheckChar(first17Digits: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17Digits[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Upper-cases the check character: cards print "X", people often type "x". */
export function normalizeIdNumber(input: string): string {
  return input.trim().toUpperCase();
}

/**
 * Birth date is checked before the checksum: both fail on a mistyped birth date, and "the birth
 * date is not a real date" tells the person where to look.
 *
 * No comparison with today (this module is pure); callers that need "not in the future" check it
 * with their own clock.
 */
export function validateIdNumber(input: string): IdNumberResult {
  const value = normalizeIdNumber(input);
  if (!ID_NUMBER_PATTERN.test(value)) return { ok: false, reason: "format" };

  const birthDate = {
    year: Number(value.slice(6, 10)),
    month: Number(value.slice(10, 12)),
    day: Number(value.slice(12, 14)),
  };
  if (birthDate.year < EARLIEST_BIRTH_YEAR || !isRealCalendarDate(birthDate)) {
    return { ok: false, reason: "birthdate" };
  }
  if (idNumberCheckChar(value) !== value[17]) return { ok: false, reason: "checksum" };

  return {
    ok: true,
    value,
    birthDate,
    sex: Number(value[16]) % 2 === 1 ? "M" : "F",
    regionCode: value.slice(0, 6),
  };
}

export function isValidIdNumber(input: string): boolean {
  return validateIdNumber(input).ok;
}

const MASK_VISIBLE_START = 4;
const MASK_VISIBLE_END = 4;

/**
 * "3413**********123X": enough for staff to tell two records apart and for the person to
 * recognise their own number, without the birth date or region of residence.
 * Works on anything (also invalid or partial input), because it is used for display of stored data.
 */
export function maskIdNumber(input: string): string {
  const value = normalizeIdNumber(input).replace(/\s+/g, "");
  if (value.length <= MASK_VISIBLE_START + MASK_VISIBLE_END) return "*".repeat(value.length);
  return (
    value.slice(0, MASK_VISIBLE_START) +
    "*".repeat(value.length - MASK_VISIBLE_START - MASK_VISIBLE_END) +
    value.slice(-MASK_VISIBLE_END)
  );
}

function toCalendarDate(input: string | CalendarDate, what: string): CalendarDate {
  if (typeof input !== "string") {
    if (!isRealCalendarDate(input)) throw new RangeError(`${what} is not a real calendar date`);
    return input;
  }
  const date = parseIsoDate(input);
  if (!date) throw new RangeError(`${what} must be an ISO date (YYYY-MM-DD)`);
  return date;
}

/**
 * Age in full years (周岁) on a given date. Someone born on 29 February turns a year older on
 * 1 March in common years. A string is read as an ID number; pass a CalendarDate for a bare birth date.
 */
export function ageOn(idNumberOrBirthDate: string | CalendarDate, onDate: string | CalendarDate): number {
  let birthDate: CalendarDate;
  if (typeof idNumberOrBirthDate === "string") {
    const result = validateIdNumber(idNumberOrBirthDate);
    if (!result.ok) throw new RangeError(`Invalid ID number (${result.reason})`);
    birthDate = result.birthDate;
  } else {
    birthDate = toCalendarDate(idNumberOrBirthDate, "Birth date");
  }
  const on = toCalendarDate(onDate, "onDate");
  if (compareCalendarDates(on, birthDate) < 0) throw new RangeError("onDate is before the birth date");

  const hadBirthdayThisYear =
    compareCalendarDates({ year: on.year, month: birthDate.month, day: birthDate.day }, on) <= 0;
  return on.year - birthDate.year - (hadBirthdayThisYear ? 0 : 1);
}
