import { isWorkday as chineseDaysIsWorkday } from "chinese-days";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIsoDate, fromDayNumber, toDayNumber } from "./iso-date.ts";
import {
  ADVANCE_VERIFICATION_WORKING_DAYS,
  addWorkingDays,
  CalendarOverridesSchema,
  dueDateFor,
  hasOfficialCalendar,
  isWorkingDay,
  mergeCalendarOverrides,
  OFFICIAL_CALENDAR_LAST_YEAR,
  RESPONSE_WORKING_DAYS,
  URGENCIES,
  verificationDueDateAfterAdvance,
  workingDaysBetween,
  type CalendarOverrides,
  type Urgency,
} from "./working-days.ts";

describe("isWorkingDay (national calendar)", () => {
  it.each([
    // 2024
    ["2024-02-04", true, "Sunday, 春节 make-up day"],
    ["2024-02-10", false, "春节 2024"],
    ["2024-02-16", false, "Friday inside 春节 2024"],
    ["2024-02-18", true, "Sunday, 春节 make-up day"],
    ["2024-09-14", true, "Saturday, 中秋 make-up day"],
    ["2024-09-16", false, "Monday, 中秋"],
    ["2024-10-07", false, "Monday, 国庆"],
    ["2024-10-12", true, "Saturday, 国庆 make-up day"],
    // 2025
    ["2025-01-01", false, "元旦"],
    ["2025-01-26", true, "Sunday, 春节 make-up day"],
    ["2025-02-04", false, "Tuesday, last day of 春节 2025"],
    ["2025-09-28", true, "Sunday, 国庆 make-up day"],
    ["2025-09-30", true, "Tuesday before 国庆"],
    ["2025-10-01", false, "国庆节"],
    ["2025-10-06", false, "中秋 inside the 国庆 block"],
    ["2025-10-08", false, "Wednesday, last day of the 8-day block"],
    ["2025-10-09", true, "Thursday after 国庆"],
    ["2025-10-11", true, "Saturday, 国庆 make-up day"],
    ["2025-10-12", false, "ordinary Sunday"],
    ["2025-11-22", false, "ordinary Saturday"],
    ["2025-11-24", true, "ordinary Monday"],
    // 2026 (国务院办公厅 notice of November 2025, as carried by chinese-days)
    ["2026-01-02", false, "Friday, 元旦 2026"],
    ["2026-01-04", true, "Sunday, 元旦 make-up day"],
    ["2026-02-14", true, "Saturday, 春节 make-up day"],
    ["2026-02-15", false, "first day of 春节 2026"],
    ["2026-02-17", false, "正月初一 2026"],
    ["2026-02-23", false, "Monday, last day of 春节 2026"],
    ["2026-02-24", true, "first working day after 春节 2026"],
    ["2026-02-28", true, "Saturday, 春节 make-up day"],
    ["2026-09-20", true, "Sunday, 国庆 make-up day"],
    ["2026-10-10", true, "Saturday, 国庆 make-up day"],
  ])("%s → %s (%s)", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it("falls back to Monday–Friday for years without an official calendar", () => {
    expect(hasOfficialCalendar(2099)).toBe(false);
    expect(isWorkingDay("2099-01-01")).toBe(true); // a Thursday; New Year is not known yet
    expect(isWorkingDay("2099-01-03")).toBe(false); // a Saturday
  });

  it("knows which years are covered", () => {
    expect(OFFICIAL_CALENDAR_LAST_YEAR).toBeGreaterThanOrEqual(2026);
    expect(hasOfficialCalendar(2004)).toBe(true);
    expect(hasOfficialCalendar(2026)).toBe(true);
    expect(hasOfficialCalendar(2003)).toBe(false);
    expect(hasOfficialCalendar(OFFICIAL_CALENDAR_LAST_YEAR + 1)).toBe(false);
  });

  it.each([
    [2024, 251],
    // 261 weekdays − 18 weekday holidays + 5 make-up days
    [2025, 248],
    // 261 weekdays − 19 weekday holidays + 6 make-up days
    [2026, 248],
  ])("%i has %i working days", (year, expected) => {
    expect(workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(expected);
  });

  // chinese-days' own isWorkday is right only where local midnight is not before UTC midnight,
  // which is why the module reads the data directly; where it is right, the two must agree.
  it.runIf(new Date(2025, 0, 1).getTimezoneOffset() <= 0)(
    "agrees with chinese-days' isWorkday on every day from 2004 to 2026",
    () => {
      for (let n = toDayNumber({ year: 2004, month: 1, day: 1 }); n <= toDayNumber({ year: 2026, month: 12, day: 31 }); n++) {
        const date = formatIsoDate(fromDayNumber(n));
        expect(isWorkingDay(date), date).toBe(chineseDaysIsWorkday(date));
      }
    },
  );

  it.each(["2025-02-29", "2025/10/01", "", "2025-10-1"])("throws for a date that is not ISO: %j", (date) => {
    expect(() => isWorkingDay(date)).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it.each([
    ["2025-09-29", 0, "2025-09-29", "a working day is its own day 0"],
    ["2025-10-01", 0, "2025-10-09", "day 0 of a holiday is the next working day"],
    ["2025-11-22", 0, "2025-11-24", "day 0 of a Saturday is Monday"],
    ["2025-09-26", 1, "2025-09-28", "Friday + 1 is the make-up Sunday"],
    ["2025-09-30", 1, "2025-10-09", "skips the whole 国庆 block"],
    ["2025-10-10", 1, "2025-10-11", "Friday + 1 is the make-up Saturday"],
    ["2025-10-11", 1, "2025-10-13", "ordinary Sunday skipped"],
    ["2025-09-30", 5, "2025-10-14", "counts the make-up Saturday"],
    ["2025-12-31", 1, "2026-01-04", "元旦 2026, then the make-up Sunday"],
    ["2026-02-13", 1, "2026-02-14", "make-up Saturday before 春节"],
    ["2026-02-14", 1, "2026-02-24", "skips all nine days of 春节 2026"],
    ["2026-02-15", 0, "2026-02-24", "day 0 inside 春节"],
    ["2026-02-14", 5, "2026-02-28", "ends on the make-up Saturday after 春节"],
    ["2024-09-13", 1, "2024-09-14", "中秋 2024 make-up Saturday"],
    ["2024-09-30", 1, "2024-10-08", "国庆 2024"],
    ["2025-10-09", -1, "2025-09-30", "backwards over 国庆"],
    ["2026-02-24", -1, "2026-02-14", "backwards over 春节"],
    ["2025-11-24", -1, "2025-11-21", "Monday − 1 is Friday"],
  ])("%s + %i → %s (%s)", (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it.each([0.5, Number.NaN, Infinity])("throws for n = %d", (n) => {
    expect(() => addWorkingDays("2025-10-09", n)).toThrow(RangeError);
  });

  const dates = fc
    .integer({ min: toDayNumber({ year: 2004, month: 1, day: 1 }), max: toDayNumber({ year: 2030, month: 12, day: 31 }) })
    .map((n) => formatIsoDate(fromDayNumber(n)));

  it("lands on a working day that is exactly n working days away", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), (date, n) => {
        const due = addWorkingDays(date, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(due > date).toBe(true);
        expect(workingDaysBetween(date, due)).toBe(n);
        expect(workingDaysBetween(due, date)).toBe(-n);
      }),
    );
  });

  it("n = 0 is the first working day on or after the date", () => {
    fc.assert(
      fc.property(dates, (date) => {
        const due = addWorkingDays(date, 0);
        expect(isWorkingDay(due)).toBe(true);
        expect(due >= date).toBe(true);
        expect(workingDaysBetween(date, due)).toBe(isWorkingDay(date) ? 0 : 1);
      }),
    );
  });

  it("going forward and back again returns to a working day", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), (date, n) => {
        const start = addWorkingDays(date, 0);
        expect(addWorkingDays(addWorkingDays(start, n), -n)).toBe(start);
      }),
    );
  });
});

describe("workingDaysBetween", () => {
  it.each([
    ["2025-09-30", "2025-10-09", 1],
    ["2025-09-30", "2025-10-08", 0],
    ["2025-10-09", "2025-09-30", -1],
    ["2025-10-09", "2025-10-09", 0],
    ["2025-09-26", "2025-10-16", 10],
    ["2026-02-13", "2026-02-28", 6],
    ["2025-11-21", "2025-11-24", 1],
  ])("(%s, %s] → %i", (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  it("throws for dates that are not ISO", () => {
    expect(() => workingDaysBetween("2025-10-09", "10/09/2025")).toThrow(RangeError);
  });
});

describe("regional overrides", () => {
  // A county closes offices on Thursday 9 October (e.g. after a flood) and works Sunday 12 October.
  const county: CalendarOverrides = { holidays: ["2025-10-09"], workdays: ["2025-10-12"] };

  it.each([
    ["2025-10-09", county, false, "regional closure on a national working day"],
    ["2025-10-12", county, true, "regional make-up Sunday"],
    ["2025-10-10", county, true, "untouched days follow the national calendar"],
    ["2025-10-08", { holidays: [], workdays: ["2025-10-08"] }, true, "working an official holiday"],
    ["2025-10-11", { holidays: ["2025-10-11"], workdays: [] }, false, "dropping an official make-up day"],
    ["2025-10-11", { holidays: [], workdays: [] }, true, "empty overrides"],
  ])("isWorkingDay(%s) → %s (%s)", (date, overrides, expected) => {
    expect(isWorkingDay(date, overrides)).toBe(expected);
  });

  it.each([
    ["2025-09-30", 1, "2025-10-10"],
    ["2025-10-11", 1, "2025-10-12"],
    ["2025-10-01", 0, "2025-10-10"],
  ])("addWorkingDays(%s, %i) → %s", (date, n, expected) => {
    expect(addWorkingDays(date, n, county)).toBe(expected);
  });

  it("counts with overrides", () => {
    // National: 10-09, 10-10, 10-11, 10-13 → 4; county: 10-10, 10-11, 10-12, 10-13 → 4.
    expect(workingDaysBetween("2025-09-30", "2025-10-13")).toBe(4);
    expect(workingDaysBetween("2025-09-30", "2025-10-13", county)).toBe(4);
    expect(workingDaysBetween("2025-09-30", "2025-10-09", county)).toBe(0);
  });

  it.each([
    ["a date in both lists", { holidays: ["2025-10-09"], workdays: ["2025-10-09"] }],
    ["an impossible date", { holidays: ["2025-02-30"], workdays: [] }],
    ["a non-ISO date", { holidays: [], workdays: ["12/10/2025"] }],
  ])("throws for overrides with %s", (_label, overrides) => {
    expect(() => isWorkingDay("2025-10-09", overrides)).toThrow(RangeError);
    expect(CalendarOverridesSchema.safeParse(overrides).success).toBe(false);
  });

  it("the schema accepts a well-formed calendar", () => {
    expect(CalendarOverridesSchema.parse(county)).toEqual(county);
  });
});

describe("mergeCalendarOverrides", () => {
  it("lets the nearer region win a date both set, and sorts the dates", () => {
    const merged = mergeCalendarOverrides([
      { regionCode: "341322100", date: "2026-05-06", isWorkingDay: true },
      { regionCode: "341322", date: "2026-05-06", isWorkingDay: false },
      { regionCode: "34", date: "2026-03-03", isWorkingDay: false },
      { regionCode: "341322", date: "2026-05-09", isWorkingDay: true },
    ]);
    expect(merged).toEqual({ holidays: ["2026-03-03"], workdays: ["2026-05-06", "2026-05-09"] });
  });

  it("takes a region's own closure over its county's make-up day, in any row order", () => {
    const township = { regionCode: "341322100", date: "2026-06-13", isWorkingDay: false };
    const county = { regionCode: "341322", date: "2026-06-13", isWorkingDay: true };
    const province = { regionCode: "34", date: "2026-06-13", isWorkingDay: true };
    for (const rows of [[township, county, province], [province, county, township], [county, township, province]]) {
      expect(mergeCalendarOverrides(rows)).toEqual({ holidays: ["2026-06-13"], workdays: [] });
    }
  });

  it("is empty without rows", () => {
    expect(mergeCalendarOverrides([])).toEqual({ holidays: [], workdays: [] });
  });
});

describe("dueDateFor", () => {
  it("has a time limit for every urgency", () => {
    expect(Object.keys(RESPONSE_WORKING_DAYS).sort()).toEqual([...URGENCIES].sort());
  });

  it.each([
    ["CRITICAL", "2025-09-29", "2025-09-29", "same day"],
    ["CRITICAL", "2025-10-01", "2025-10-01", "same calendar day, even on 国庆"],
    ["CRITICAL", "2026-02-17", "2026-02-17", "same calendar day, even on 正月初一"],
    ["HIGH", "2025-09-29", "2025-09-30", "next working day"],
    ["HIGH", "2025-09-30", "2025-10-09", "over 国庆"],
    ["HIGH", "2025-10-03", "2025-10-09", "received during the holiday"],
    ["HIGH", "2025-09-26", "2025-09-28", "make-up Sunday counts"],
    ["HIGH", "2026-02-13", "2026-02-14", "make-up Saturday counts"],
    ["NORMAL", "2025-09-30", "2025-10-14", "5 working days over 国庆"],
    ["NORMAL", "2026-02-12", "2026-02-26", "5 working days over 春节"],
    ["NORMAL", "2025-11-24", "2025-12-01", "an ordinary week"],
  ] satisfies Array<[Urgency, string, string, string]>)("%s received %s → %s (%s)", (urgency, received, expected, _why) => {
    expect(dueDateFor(urgency, received)).toBe(expected);
  });

  it("uses the regional calendar", () => {
    const county: CalendarOverrides = { holidays: ["2025-09-30"], workdays: [] };
    expect(dueDateFor("HIGH", "2025-09-29", county)).toBe("2025-10-09");
    expect(dueDateFor("CRITICAL", "2025-09-30", county)).toBe("2025-09-30");
  });

  it.each(URGENCIES.map((urgency) => [urgency] as [Urgency]))("%s: never before the day received", (urgency) => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber({ year: 2024, month: 1, day: 1 }), max: toDayNumber({ year: 2026, month: 12, day: 31 }) }),
        (n) => {
          const received = formatIsoDate(fromDayNumber(n));
          const due = dueDateFor(urgency, received);
          expect(due >= received).toBe(true);
          if (urgency !== "CRITICAL") expect(workingDaysBetween(received, due)).toBe(RESPONSE_WORKING_DAYS[urgency]);
        },
      ),
    );
  });

  it("throws for a received date that is not ISO", () => {
    expect(() => dueDateFor("NORMAL", "2025-10-32")).toThrow(RangeError);
  });
});

describe("verification after advance aid", () => {
  it("is due 10 working days later", () => {
    expect(ADVANCE_VERIFICATION_WORKING_DAYS).toBe(10);
    expect(verificationDueDateAfterAdvance("2025-09-26")).toBe("2025-10-16");
    // 02-14 (make-up Sat), 02-24…27, 02-28 (make-up Sat), 03-02…05
    expect(verificationDueDateAfterAdvance("2026-02-13")).toBe("2026-03-05");
  });
});
