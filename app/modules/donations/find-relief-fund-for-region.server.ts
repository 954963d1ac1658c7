import { ancestorRegionCodes } from "~/domain/region-codes.ts";
import type { Tx } from "~/utils/db.server.ts";
import { fundAccount } from "../ledger/post-ledger-transaction.server.ts";

/**
 * The relief fund a gift goes to when its case no longer needs it (DESIGN §6): the ACTIVE fund of
 * the case's region or its nearest ancestor — a township's case goes to its county's fund before
 * the city's. Unlike an advance (find-advance-fund.server.ts) the fund's category scope does not
 * matter: this is money given to the fund, not a grant drawn from it.
 */
export async function findReliefFundForRegion(tx: Tx, regionCode: string) {
  const funds = await tx.reliefFund.findMany({
    where: { status: "ACTIVE", regionCode: { in: ancestorRegionCodes(regionCode) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, regionCode: true },
  });
  const fund = funds.sort((a, b) => b.regionCode.length - a.regionCode.length)[0];
  return fund ? { ...fund, accountCode: fundAccount(fund.id) } : null;
}
