import { ACTIVE_GRANT_STATUSES } from "~/domain/ledger-grants.ts";
import { ancestorRegionCodes } from "~/domain/region-codes.ts";
import type { CaseCategory } from "~/generated/prisma/client.ts";
import type { Db, Tx } from "~/utils/db.server.ts";

/**
 * The relief funds that may grant to a case — ACTIVE, of the case's region or an ancestor, with a
 * scope covering its category (an empty scope covers all), nearest region first, as
 * find-advance-fund picks the advance's fund — with each one's balance and how much of its
 * per-case cap this case already uses (every grant not rejected, advances included).
 */
export async function listCaseFunds(db: Db | Tx, input: { id: string; regionCode: string; category: CaseCategory }) {
  const funds = await db.reliefFund.findMany({
    where: { status: "ACTIVE", regionCode: { in: ancestorRegionCodes(input.regionCode) } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      regionCode: true,
      scopeCategories: true,
      perCaseCapFen: true,
      reviewThresholdFen: true,
      ledgerAccount: { select: { balanceFen: true } },
    },
  });
  const eligible = funds
    .filter((f) => f.scopeCategories.length === 0 || f.scopeCategories.includes(input.category))
    .sort((a, b) => b.regionCode.length - a.regionCode.length);
  const used = await db.fundGrant.groupBy({
    by: ["fundId"],
    where: { caseId: input.id, fundId: { in: eligible.map((f) => f.id) }, status: { in: [...ACTIVE_GRANT_STATUSES] } },
    _sum: { amountFen: true },
  });
  const usedByFund = new Map(used.map((u) => [u.fundId, u._sum.amountFen ?? 0]));
  return eligible.map(({ ledgerAccount, scopeCategories: _s, ...fund }) => {
    const usedForCaseFen = usedByFund.get(fund.id) ?? 0;
    return { ...fund, balanceFen: ledgerAccount?.balanceFen ?? 0, usedForCaseFen, capLeftFen: Math.max(0, fund.perCaseCapFen - usedForCaseFen) };
  });
}

export type CaseFund = Awaited<ReturnType<typeof listCaseFunds>>[number];
