import { ancestorRegionCodes } from "~/domain/region-codes.ts";
import type { CaseCategory } from "~/generated/prisma/client.ts";
import type { Db, Tx } from "~/utils/db.server.ts";

/**
 * The relief funds whose region and scope cover a case: ACTIVE, of the case's region or one of its
 * ancestors, with a scope covering its category (an empty scope covers all), the nearest region
 * first (a township's case draws on its county's fund before the city's), then oldest first.
 * Both the money tab's fund choices and the advance's fund come from here.
 */
export async function listCoveringFunds(db: Db | Tx, input: { regionCode: string; category: CaseCategory }) {
  const funds = await db.reliefFund.findMany({
    where: { status: "ACTIVE", regionCode: { in: ancestorRegionCodes(input.regionCode) } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      regionCode: true,
      scopeCategories: true,
      perCaseCapFen: true,
      advanceCapFen: true,
      reviewThresholdFen: true,
      ledgerAccount: { select: { balanceFen: true } },
    },
  });
  return funds
    .filter((f) => f.scopeCategories.length === 0 || f.scopeCategories.includes(input.category))
    .sort((a, b) => b.regionCode.length - a.regionCode.length)
    .map(({ ledgerAccount, scopeCategories: _s, ...fund }) => ({ ...fund, balanceFen: ledgerAccount?.balanceFen ?? 0 }));
}
