import type { CalendarOverrides } from "~/domain/working-days.ts";
import type { Db, Tx } from "~/utils/db.server.ts";
import { isoDateOf } from "~/utils/dates.ts";

/**
 * The working-day calendar of a region: its own and its ancestors' closures and make-up days
 * (CalendarDay) on top of the national calendar. Where two levels disagree about a date, the
 * deeper region wins, because it is the office that actually opens or closes that day.
 */
export async function getCalendarOverrides(db: Db | Tx, regionCodes: readonly string[]): Promise<CalendarOverrides> {
  const rows = await db.calendarDay.findMany({ where: { regionCode: { in: [...regionCodes] } }, select: { regionCode: true, date: true, isWorkingDay: true } });
  const byDate = new Map<string, { depth: number; isWorkingDay: boolean }>();
  for (const row of rows) {
    const date = isoDateOf(row.date);
    const known = byDate.get(date);
    if (!known || row.regionCode.length > known.depth) byDate.set(date, { depth: row.regionCode.length, isWorkingDay: row.isWorkingDay });
  }
  const overrides: CalendarOverrides = { holidays: [], workdays: [] };
  for (const [date, day] of byDate) (day.isWorkingDay ? overrides.workdays : overrides.holidays).push(date);
  return overrides;
}
