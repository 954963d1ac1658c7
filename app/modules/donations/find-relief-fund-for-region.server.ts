import { REGION_LEVEL_LENGTHS } from "~/domain/region-codes.ts";
import type { Tx } from "~/utils/db.server.ts";
import { fundAccount } from "../ledger/post-ledger-transaction.server.ts";

/**
 * The relief fund a gift goes to when its case no longer needs it (DESIGN §6): the ACTIVE fund of
 * the case's region or its nearest ancestor — a township's case goes to its county's fund before
 * the city's. Unlike an advance (find-advance-fund.server.ts) the fund's category scope does not
 * matter: this is money given to the fund, not a grant drawn from it. The database function
 * nearest_relief_fund answers, the same one the plain card-payment path asks (ADR 008).
 */
export async function findReliefFundForRegion(tx: Tx, regionCode: string) {
  const [fund] = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT "id", "name" FROM nearest_relief_fund(${regionCode}, ${[...REGION_LEVEL_LENGTHS]}::integer[])`;
  return fund ? { ...fund, accountCode: fundAccount(fund.id) } : null;
}
