import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  compareCalendarDates,
  dayOfWeek,
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  requireIsoDate,
  toDayNumber,
} from "./iso-date.ts";

describe("parseIsoDate", () => {
  it.each([
    ["2025-10-01", { year: 2025, month: 10, day: 1 }],
    ["2024-02-29", { year: 2024, month: 2, day: 29 }], // leap year
    ["2000-02-29", { year: 2000, month: 2, day: 29 }], // divisible by 400
    ["1900-01-01", { year: 1900, month: 1, day: 1 }],
  ])("accepts %s", (text, expected) => {
    expect(parseIsoDate(text)).toEqual(expected);
    expect(isIsoDate(text)).toBe(true);
  });

  it.each([
    "2025-02-29", // not a leap year
    "1900-02-29", // divisible by 100, not 400
    "2025-04-31",
    "2025-13-01",
    "2025-00-10",
    "2025-10-00",
    "2025-1-1", // callers must zero-pad
    "2025/10/01",
    "20251001",
    " 2025-10-01",
    "2025-10-01T00:00:00Z",
    "",
  ])("rejects %j", (text) => {
    expect(parseIsoDate(text)).toBeNull();
    expect(isIsoDate(text)).toBe(false);
    expect(() => requireIsoDate(text)).toThrow(RangeError);
  });
});

describe("calendar arithmetic", () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
  ])("isLeapYear(%i) = %s", (year, expected) => expect(isLeapYear(year)).toBe(expected));

  it.each([
    [2025, 2, 28],
    [2024, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31],
  ])("daysInMonth(%i, %i) = %i", (year, month, expected) => expect(daysInMonth(year, month)).toBe(expected));

  it.each([
    ["1970-01-01", 4], // Thursday
    ["2025-09-28", 0], // Sunday (a 调休 working day)
    ["2025-10-01", 3], // Wednesday
    ["2025-10-11", 6], // Saturday (a 调休 working day)
    ["2026-02-17", 2], // Tuesday, 春节 2026
    ["1949-10-01", 6],
  ])("dayOfWeek(%s) = %i", (iso, expected) => expect(dayOfWeek(iso)).toBe(expected));

  it.each([
    ["2025-09-30", 1, "2025-10-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2026-01-01", -1, "2025-12-31"],
    ["2025-10-01", 0, "2025-10-01"],
  ])("addDays(%s, %i) = %s", (iso, days, expected) => expect(addDays(iso, days)).toBe(expected));

  it("orders dates", () => {
    const a = { year: 2025, month: 9, day: 30 };
    const b = { year: 2025, month: 10, day: 1 };
    expect(compareCalendarDates(a, b)).toBeLessThan(0);
    expect(compareCalendarDates(b, a)).toBeGreaterThan(0);
    expect(compareCalendarDates(a, { ...a })).toBe(0);
  });

  // Date is only the oracle here; the production code never touches it.
  it("agrees with Date.UTC and round-trips for every date from 1900 to 2199", () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber({ year: 1900, month: 1, day: 1 }), max: 83_000 }), (n) => {
        const date = fromDayNumber(n);
        expect(toDayNumber(date)).toBe(n);
        expect(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000).toBe(n);
        expect(parseIsoDate(formatIsoDate(date))).toEqual(date);
      }),
    );
  });
});
