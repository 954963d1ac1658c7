// One "now" for the whole seed, so every timestamp is consistent with every other one.
import { addDays } from "~/domain/iso-date.ts";
import { shanghaiDate } from "~/utils/dates.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type SeedClock = {
  now: Date;
  /** Today in Asia/Shanghai, "YYYY-MM-DD". */
  today: string;
  /** An instant `days` (fractions allowed) before now, truncated to the minute. */
  ago(days: number): Date;
  /** An instant `hours` after `from`; refuses a future instant, which would be a mistake in the data. */
  after(from: Date, hours: number): Date;
  /** A @db.Date value (midnight UTC) for an ISO date. */
  dateOnly(isoDate: string): Date;
  /** Today ± n days as a @db.Date value. */
  dayOffset(days: number): Date;
  isoOf(instant: Date): string;
};

export function createClock(now: Date): SeedClock {
  const today = shanghaiDate(now);
  const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);
  return {
    now,
    today,
    ago: (days) => minute(now.getTime() - days * DAY_MS),
    after(from, hours) {
      const at = minute(from.getTime() + hours * HOUR_MS);
      if (at.getTime() > now.getTime()) throw new RangeError(`Seed data puts an event in the future (${at.toISOString()})`);
      return at;
    },
    dateOnly: (isoDate) => new Date(`${isoDate}T00:00:00.000Z`),
    dayOffset: (days) => new Date(`${addDays(today, days)}T00:00:00.000Z`),
    isoOf: (instant) => shanghaiDate(instant),
  };
}
