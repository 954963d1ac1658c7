/**
 * Calendar dates as plain values ("YYYY-MM-DD" in Asia/Shanghai, converted by the caller).
 *
 * Deadlines, birth dates and holidays are civil dates, not instants. Going through `Date` would make
 * the answer depend on the server's time zone, so the arithmetic here is integer-only on a day
 * count (days since 1970-01-01, proleptic Gregorian).
 */

export type CalendarDate = { year: number; month: number; day: number };

/** A string of the form "YYYY-MM-DD" that is a real calendar date. */
export type IsoDate = string;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealCalendarDate(date: CalendarDate): boolean {
  const { year, month, day } = date;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses "YYYY-MM-DD"; null for anything else, including impossible dates such as "2025-02-29". */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealCalendarDate(date) ? date : null;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** Like parseIsoDate, for callers that were promised a valid date: a bad one is a programming error. */
export function requireIsoDate(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (!date) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return date;
}

export function formatIsoDate(date: CalendarDate): IsoDate {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

// Howard Hinnant's days_from_civil: exact for every Gregorian date, integers only.
export function toDayNumber(date: CalendarDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = (date.month + 9) % 12; // March = 0, so the leap day ends the year
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function addDays(isoDate: IsoDate, days: number): IsoDate {
  return formatIsoDate(fromDayNumber(toDayNumber(requireIsoDate(isoDate)) + days));
}

/** 0 = Sunday … 6 = Saturday, as in JavaScript's Date#getDay. */
export function dayOfWeek(isoDate: IsoDate): number {
  // 1970-01-01 was a Thursday.
  return (((toDayNumber(requireIsoDate(isoDate)) + 4) % 7) + 7) % 7;
}

export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
