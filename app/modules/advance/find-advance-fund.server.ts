import type { CaseCategory } from "~/generated/prisma/client.ts";
import type { Db, Tx } from "~/utils/db.server.ts";
import { listCoveringFunds } from "../funds/list-covering-funds.server.ts";
import { fundAccount } from "../ledger/post-ledger-transaction.server.ts";

/**
 * The relief fund an advance for a case comes from: the first of the funds covering the case
 * (listCoveringFunds: ACTIVE, region and scope, nearest region first).
 */
export async function findAdvanceFund(db: Db | Tx, input: { regionCode: string; category: CaseCategory }) {
  const [fund] = await listCoveringFunds(db, input);
  if (!fund) return null;
  return {
    id: fund.id,
    name: fund.name,
    regionCode: fund.regionCode,
    accountCode: fundAccount(fund.id),
    balanceFen: fund.balanceFen,
    /**
     * An advance is posted without a second person, so it may never exceed what a single person
     * may grant: the advance cap, and never above the 一事一议 review threshold.
     */
    advanceCapFen: Math.min(fund.advanceCapFen, fund.reviewThresholdFen),
  };
}

export type AdvanceFund = NonNullable<Awaited<ReturnType<typeof findAdvanceFund>>>;
