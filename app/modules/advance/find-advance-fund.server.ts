import { ancestorRegionCodes } from "~/domain/region-codes.ts";
import type { CaseCategory } from "~/generated/prisma/client.ts";
import type { Db, Tx } from "~/utils/db.server.ts";
import { fundAccount } from "../ledger/post-ledger-transaction.server.ts";

/**
 * The relief fund an advance for a case comes from: an ACTIVE fund of the case's region or one of
 * its ancestors whose scope covers the case's category (an empty scope covers all), the nearest
 * region first — a township's case draws on its county's fund before the city's.
 */
export async function findAdvanceFund(db: Db | Tx, input: { regionCode: string; category: CaseCategory }) {
  const funds = await db.reliefFund.findMany({
    where: { status: "ACTIVE", regionCode: { in: ancestorRegionCodes(input.regionCode) } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      regionCode: true,
      advanceCapFen: true,
      reviewThresholdFen: true,
      scopeCategories: true,
      ledgerAccount: { select: { balanceFen: true } },
    },
  });
  const fund = funds
    .filter((f) => f.scopeCategories.length === 0 || f.scopeCategories.includes(input.category))
    .sort((a, b) => b.regionCode.length - a.regionCode.length)[0];
  if (!fund) return null;
  return {
    id: fund.id,
    name: fund.name,
    regionCode: fund.regionCode,
    accountCode: fundAccount(fund.id),
    balanceFen: fund.ledgerAccount?.balanceFen ?? 0,
    /**
     * An advance is posted without a second person, so it may never exceed what a single person
     * may grant: the advance cap, and never above the 一事一议 review threshold.
     */
    advanceCapFen: Math.min(fund.advanceCapFen, fund.reviewThresholdFen),
  };
}

export type AdvanceFund = NonNullable<Awaited<ReturnType<typeof findAdvanceFund>>>;
