// 低保标准 of the seeded counties and the local working-day overrides (CalendarDay).
import { ancestorRegionCodes } from "~/domain/region-codes.ts";
import { isWorkingDay, mergeCalendarOverrides, type CalendarOverrides } from "~/domain/working-days.ts";
import { addDays } from "~/domain/iso-date.ts";
import type { PrismaClient, StandardKind } from "~/generated/prisma/client.ts";
import type { SeedClock } from "./clock.ts";

/** Monthly per-person amounts in 分, by county and year (2025 and 2026 rows). */
const STANDARDS: Array<{ regionCode: string; year: number; kind: StandardKind; monthlyFen: number }> = [
  // 宿州市 (萧县, 埇桥区): 城乡低保标准 raised each January.
  ...["341322", "341302"].flatMap((regionCode) => [
    { regionCode, year: 2025, kind: "DIBAO_URBAN" as const, monthlyFen: 73_000 },
    { regionCode, year: 2025, kind: "DIBAO_RURAL" as const, monthlyFen: 67_000 },
    { regionCode, year: 2025, kind: "TEKUN" as const, monthlyFen: 87_100 },
    { regionCode, year: 2026, kind: "DIBAO_URBAN" as const, monthlyFen: 76_000 },
    { regionCode, year: 2026, kind: "DIBAO_RURAL" as const, monthlyFen: 70_000 },
    { regionCode, year: 2026, kind: "TEKUN" as const, monthlyFen: 91_000 },
  ]),
  // 淄博市张店区: 城乡低保标准已统一.
  { regionCode: "370303", year: 2026, kind: "DIBAO_URBAN", monthlyFen: 101_000 },
  { regionCode: "370303", year: 2026, kind: "DIBAO_RURAL", monthlyFen: 101_000 },
  { regionCode: "370303", year: 2026, kind: "TEKUN", monthlyFen: 131_300 },
  { regionCode: "150781", year: 2026, kind: "DIBAO_URBAN", monthlyFen: 93_500 },
  { regionCode: "150781", year: 2026, kind: "DIBAO_RURAL", monthlyFen: 78_000 },
  { regionCode: "150781", year: 2026, kind: "TEKUN", monthlyFen: 121_600 },
  { regionCode: "150783", year: 2026, kind: "DIBAO_URBAN", monthlyFen: 84_000 },
  { regionCode: "150783", year: 2026, kind: "DIBAO_RURAL", monthlyFen: 66_000 },
  { regionCode: "150783", year: 2026, kind: "TEKUN", monthlyFen: 109_200 },
];

/** The standard in force for a county (latest effective year seeded). */
export function dibaoStandardFen(countyCode: string, urban: boolean): number {
  const kind = urban ? "DIBAO_URBAN" : "DIBAO_RURAL";
  const rows = STANDARDS.filter((s) => s.regionCode === countyCode && s.kind === kind).sort((a, b) => b.year - a.year);
  if (!rows[0]) throw new Error(`No 低保标准 seeded for ${countyCode}`);
  return rows[0].monthlyFen;
}

export async function seedLocalStandards(prisma: PrismaClient) {
  for (const s of STANDARDS) {
    const effectiveFrom = new Date(`${s.year}-01-01T00:00:00.000Z`);
    await prisma.localStandard.upsert({
      where: { regionCode_kind_effectiveFrom: { regionCode: s.regionCode, kind: s.kind, effectiveFrom } },
      update: {},
      create: { id: `seed-std-${s.regionCode}-${s.kind.toLowerCase()}-${s.year}`, regionCode: s.regionCode, kind: s.kind, monthlyFen: s.monthlyFen, effectiveFrom },
    });
  }
}

export type CalendarSeed = { id: string; regionCode: string; date: string; isWorkingDay: boolean; name: string };

/** Nearest date on or before `from` that the national calendar treats as `working` (or not). */
function nearest(from: string, working: boolean, weekend: boolean): string {
  let date = from;
  for (let i = 0; i < 30; i++, date = addDays(date, -1)) {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (isWorkingDay(date) === working && (day === 0 || day === 6) === weekend) return date;
  }
  throw new Error("no suitable calendar day");
}

/** Local closures and make-up days relative to the seed's "now" (kept under fixed ids). */
export function calendarDays(clock: SeedClock): CalendarSeed[] {
  return [
    { id: "seed-cal-341322-closure", regionCode: "341322", date: nearest(addDays(clock.today, -15), true, false), isWorkingDay: false, name: "县政务服务中心搬迁，窗口暂停对外办公一天（12349 热线照常值守）" },
    { id: "seed-cal-341322-makeup", regionCode: "341322", date: nearest(addDays(clock.today, -30), false, true), isWorkingDay: true, name: "全县社会救助集中受理日（周六照常办公）" },
    { id: "seed-cal-150781-closure", regionCode: "150781", date: nearest(addDays(clock.today, -10), true, false), isWorkingDay: false, name: "暴雪红色预警，市直机关停止对外办公" },
  ];
}

/** The overrides of a county as the working-day functions take them. */
export function overridesFor(days: CalendarSeed[], countyCode: string): CalendarOverrides {
  const chain = ancestorRegionCodes(countyCode);
  return mergeCalendarOverrides(days.filter((d) => chain.includes(d.regionCode)));
}

export async function seedCalendarDays(prisma: PrismaClient, days: CalendarSeed[]) {
  for (const d of days) {
    const date = new Date(`${d.date}T00:00:00.000Z`);
    const taken = await prisma.calendarDay.findUnique({ where: { regionCode_date: { regionCode: d.regionCode, date } }, select: { id: true } });
    if (taken) continue;
    await prisma.calendarDay.upsert({ where: { id: d.id }, update: {}, create: { ...d, date } });
  }
}
