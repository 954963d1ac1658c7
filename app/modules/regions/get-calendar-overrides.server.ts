import type { IsoDate } from "~/domain/iso-date.ts";
import { ancestorRegionCodes } from "~/domain/region-codes.ts";
import { mergeCalendarOverrides, type CalendarOverrides } from "~/domain/working-days.ts";
import type { Db, Tx } from "~/utils/db.server.ts";
import { isoDateOf } from "~/utils/dates.ts";

/**
 * Inclusive bounds on the dates read. A caller that only counts forward from a day may leave out
 * the days before it; one that counts days already waited must not.
 */
export type CalendarWindow = { from?: IsoDate; to?: IsoDate };

const dateColumn = (isoDate: IsoDate) => new Date(`${isoDate}T00:00:00Z`);

/**
 * The working-day calendar of a region on top of the national one: the closures and make-up days
 * (CalendarDay) entered for the region itself and for every region above it, the nearest one
 * winning a date they disagree on (mergeCalendarOverrides). Every deadline of a case (response,
 * verification after an advance, referrals, days waited) reads its calendar here, so they agree.
 */
export async function getCalendarOverrides(db: Db | Tx, regionCode: string, window: CalendarWindow = {}): Promise<CalendarOverrides> {
  const days = await db.calendarDay.findMany({
    where: {
      regionCode: { in: ancestorRegionCodes(regionCode) },
      // undefined bounds are no condition in Prisma.
      date: { gte: window.from ? dateColumn(window.from) : undefined, lte: window.to ? dateColumn(window.to) : undefined },
    },
    select: { regionCode: true, date: true, isWorkingDay: true },
  });
  return mergeCalendarOverrides(days.map((day) => ({ regionCode: day.regionCode, date: isoDateOf(day.date), isWorkingDay: day.isWorkingDay })));
}
