import { prisma } from "~/utils/db.server.ts";

/** What an administrator keeps: users, regions, funds, calendar overrides, local standards. */
export async function getAdminOverview() {
  const [users, regions, funds, calendarDays, standards] = await Promise.all([
    prisma.user.count(),
    prisma.region.count(),
    prisma.reliefFund.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, region: { select: { fullName: true } } } }),
    prisma.calendarDay.findMany({ orderBy: { date: "asc" }, take: 50, select: { id: true, date: true, isWorkingDay: true, name: true, region: { select: { fullName: true } } } }),
    prisma.localStandard.findMany({
      orderBy: [{ regionCode: "asc" }, { kind: "asc" }, { effectiveFrom: "desc" }],
      select: { id: true, kind: true, monthlyFen: true, effectiveFrom: true, region: { select: { fullName: true } } },
    }),
  ]);
  return { users, regions, funds, calendarDays, standards };
}
