import type { CalendarOverrides } from "~/domain/working-days.ts";
import type { Db, Tx } from "~/utils/db.server.ts";
import { isoDateOf } from "~/utils/dates.ts";

/** GB/T 2260 codes of a region and its ancestors: province (2), city (4), county (6), township (9), village (12). */
export function regionAncestry(regionCode: string): string[] {
  return [2, 4, 6, 9, 12].filter((length) => length <= regionCode.length).map((length) => regionCode.slice(0, length));
}

/**
 * The working-day calendar overrides that apply to a region from `fromIso` on: those entered for
 * the region itself or any region above it. Where two levels disagree about a date, the more local
 * one wins (a county's make-up day beats the province's closure).
 */
export async function loadCalendarOverrides(db: Db | Tx, regionCode: string, fromIso: string): Promise<CalendarOverrides> {
  const days = await db.calendarDay.findMany({
    where: { regionCode: { in: regionAncestry(regionCode) }, date: { gte: new Date(`${fromIso}T00:00:00Z`) } },
    select: { regionCode: true, date: true, isWorkingDay: true },
  });
  const byDate = new Map<string, boolean>();
  for (const day of days.sort((a, b) => a.regionCode.length - b.regionCode.length)) byDate.set(isoDateOf(day.date), day.isWorkingDay);
  const overrides: CalendarOverrides = { holidays: [], workdays: [] };
  for (const [date, isWorkingDay] of byDate) (isWorkingDay ? overrides.workdays : overrides.holidays).push(date);
  return overrides;
}
