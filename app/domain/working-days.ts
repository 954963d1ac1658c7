/**
 * Working days in mainland China, for the case deadlines in DESIGN §4.
 *
 * The national calendar (public holidays and the 调休 weekend days worked to make up for them)
 * comes from the chinese-days package. We read its data file rather than call its isWorkday():
 * that function goes through a local-time Date and shifts every date by one day when the process
 * runs west of UTC, and a deadline must not depend on where the server is. Regions add their own
 * closure days and make-up days through CalendarOverrides (set by an admin).
 *
 * All dates are "YYYY-MM-DD" civil dates in Asia/Shanghai; callers convert instants first.
 */
import officialCalendarData from "chinese-days/dist/chinese-days.json";
import { z } from "zod";
import { addDays, dayOfWeek, isIsoDate, requireIsoDate, type IsoDate } from "./iso-date.ts";

type OfficialCalendar = {
  /** Days off by State Council notice, including weekdays moved into a holiday block. */
  holidays: Record<string, string>;
  /** Weekend days that are working days (调休 make-up days). */
  workdays: Record<string, string>;
};

const officialCalendar: OfficialCalendar = officialCalendarData;

/**
 * The State Council publishes next year's arrangement each November; after this year the calendar
 * falls back to Monday–Friday until chinese-days is updated (or an admin enters overrides).
 */
export const OFFICIAL_CALENDAR_LAST_YEAR = Math.max(
  ...Object.keys(officialCalendar.holidays).map((date) => Number(date.slice(0, 4))),
);

export function hasOfficialCalendar(year: number): boolean {
  return year <= OFFICIAL_CALENDAR_LAST_YEAR && officialCalendar.holidays[`${year}-01-01`] !== undefined;
}

/** A region's own deviations from the national calendar, e.g. 三月三 in Guangxi. */
export type CalendarOverrides = { holidays: string[]; workdays: string[] };

const isoDateSchema = z.string().refine(isIsoDate, { message: "Expected a date as YYYY-MM-DD" });

export const CalendarOverridesSchema = z
  .object({ holidays: z.array(isoDateSchema), workdays: z.array(isoDateSchema) })
  .refine((overrides) => !overrides.holidays.some((date) => overrides.workdays.includes(date)), {
    message: "A date cannot be both a holiday and a working day",
  });

/** One CalendarDay row: a region closes on a working day (false) or works on a day off (true). */
export type RegionCalendarDay = { regionCode: string; date: IsoDate; isWorkingDay: boolean };

/**
 * The overrides of one region from the CalendarDay rows of the region and its ancestors (the
 * caller loads the rows of ancestorRegionCodes, and nothing else). Where two levels disagree about
 * a date, the nearer region wins: a county's make-up Saturday beats the province's closure, because
 * the county office is the one that actually opens or closes that day. Within one ancestor chain
 * the nearer region is the one with the longer code. Dates come out sorted.
 */
export function mergeCalendarOverrides(days: readonly RegionCalendarDay[]): CalendarOverrides {
  const byDate = new Map<string, RegionCalendarDay>();
  for (const day of days) {
    const current = byDate.get(day.date);
    if (!current || day.regionCode.length > current.regionCode.length) byDate.set(day.date, day);
  }
  const overrides: CalendarOverrides = { holidays: [], workdays: [] };
  for (const [date, day] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    (day.isWorkingDay ? overrides.workdays : overrides.holidays).push(date);
  }
  return overrides;
}

type CompiledCalendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

const NO_OVERRIDES: CompiledCalendar = { holidays: new Set(), workdays: new Set() };

function compile(overrides: CalendarOverrides | undefined): CompiledCalendar {
  if (!overrides) return NO_OVERRIDES;
  // A date in both lists has no right answer; refusing it beats silently picking one.
  const parsed = CalendarOverridesSchema.safeParse(overrides);
  if (!parsed.success) throw new RangeError(`Invalid calendar overrides: ${parsed.error.issues[0]?.message}`);
  return { holidays: new Set(overrides.holidays), workdays: new Set(overrides.workdays) };
}

function isWorkingDayIn(calendar: CompiledCalendar, isoDate: IsoDate): boolean {
  if (calendar.holidays.has(isoDate)) return false;
  if (calendar.workdays.has(isoDate)) return true;
  if (officialCalendar.holidays[isoDate] !== undefined) return false;
  if (officialCalendar.workdays[isoDate] !== undefined) return true;
  const weekday = dayOfWeek(isoDate);
  return weekday !== 0 && weekday !== 6;
}

export function isWorkingDay(isoDate: IsoDate, overrides?: CalendarOverrides): boolean {
  requireIsoDate(isoDate);
  return isWorkingDayIn(compile(overrides), isoDate);
}

/**
 * The n-th working day after `isoDate` (before it for negative n). n = 0 gives the day itself if
 * it is a working day, otherwise the next one, so "within 0 working days" of a Saturday is Monday.
 */
export function addWorkingDays(isoDate: IsoDate, n: number, overrides?: CalendarOverrides): IsoDate {
  requireIsoDate(isoDate);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Working days must be an integer, got ${n}`);
  const calendar = compile(overrides);

  let date = isoDate;
  if (n === 0) {
    while (!isWorkingDayIn(calendar, date)) date = addDays(date, 1);
    return date;
  }
  const step = n > 0 ? 1 : -1;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    date = addDays(date, step);
    if (isWorkingDayIn(calendar, date)) remaining--;
  }
  return date;
}

/**
 * Working days in (from, to]: how many working days have to pass to get from one date to the
 * other, so that workingDaysBetween(d, addWorkingDays(d, n)) = n for n ≥ 1. Negative when `to`
 * is before `from`. Used for "overdue by" and "waiting for" figures.
 */
export function workingDaysBetween(fromIso: IsoDate, toIso: IsoDate, overrides?: CalendarOverrides): number {
  requireIsoDate(fromIso);
  requireIsoDate(toIso);
  const calendar = compile(overrides);
  const [start, end, sign] = fromIso <= toIso ? [fromIso, toIso, 1] : [toIso, fromIso, -1];

  let count = 0;
  for (let date = addDays(start, 1); date <= end; date = addDays(date, 1)) {
    if (isWorkingDayIn(calendar, date)) count++;
  }
  return sign * count;
}

export const URGENCIES = ["CRITICAL", "HIGH", "NORMAL"] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * Default response time limits (DESIGN §4). HIGH follows the seeds: "重要的或者紧急的求助事项 …
 * 一个工作日内赶到现场".
 */
export const RESPONSE_WORKING_DAYS: Readonly<Record<Urgency, number>> = { CRITICAL: 0, HIGH: 1, NORMAL: 5 };

/** 先行救助 first, paperwork after (事后补办): verification is due this many working days after the advance. */
export const ADVANCE_VERIFICATION_WORKING_DAYS = 10;

/**
 * The date by which a case must be accepted and first aid given. CRITICAL means the calendar day
 * it came in, weekend or holiday included: a household facing an emergency on a Saturday cannot
 * wait for Monday, which is why 12349 and the duty rota exist.
 */
export function dueDateFor(urgency: Urgency, receivedIsoDate: IsoDate, overrides?: CalendarOverrides): IsoDate {
  requireIsoDate(receivedIsoDate);
  if (urgency === "CRITICAL") return receivedIsoDate;
  return addWorkingDays(receivedIsoDate, RESPONSE_WORKING_DAYS[urgency], overrides);
}

export function verificationDueDateAfterAdvance(advanceIsoDate: IsoDate, overrides?: CalendarOverrides): IsoDate {
  return addWorkingDays(advanceIsoDate, ADVANCE_VERIFICATION_WORKING_DAYS, overrides);
}
