import { prisma } from "~/utils/db.server.ts";
import { PUBLIC_CASE_SELECT } from "./public-case-select.server.ts";

const URGENT_COUNT = 6;

/** Home page figures, straight from the database: open needs, fund balances, cases closed. */
export async function getHomeFigures() {
  const [openNeeds, fundBalance, casesClosed, urgent, responseHours] = await Promise.all([
    prisma.need.count({ where: { status: "OPEN", case: { status: "PUBLISHED" } } }),
    prisma.ledgerAccount.aggregate({ where: { kind: "FUND" }, _sum: { balanceFen: true } }),
    prisma.case.count({ where: { status: "CLOSED" } }),
    prisma.case.findMany({
      where: { status: "PUBLISHED" },
      orderBy: [{ needIndex: { sort: "desc", nulls: "last" } }, { publishedAt: "desc" }],
      take: URGENT_COUNT,
      select: PUBLIC_CASE_SELECT,
    }),
    medianResponseHours(),
  ]);
  return { openNeeds, fundBalanceFen: fundBalance._sum.balanceFen ?? 0, casesClosed, urgent, medianResponseHours: responseHours };
}

/** Median hours from receipt to acceptance over accepted cases (null when there are none). */
async function medianResponseHours(): Promise<number | null> {
  const [row] = await prisma.$queryRaw<{ median: number | null }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("acceptedAt" - "receivedAt")) / 3600)::float AS median
    FROM "Case" WHERE "acceptedAt" IS NOT NULL`;
  return row?.median == null ? null : Math.round(row.median * 10) / 10;
}
