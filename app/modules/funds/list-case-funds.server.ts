import { ACTIVE_GRANT_STATUSES } from "~/domain/ledger-grants.ts";
import type { CaseCategory } from "~/generated/prisma/client.ts";
import type { Db, Tx } from "~/utils/db.server.ts";
import { listCoveringFunds } from "./list-covering-funds.server.ts";

/**
 * The relief funds that may grant to a case (listCoveringFunds: region and scope, nearest first)
 * with each one's balance and how much of its per-case cap this case already uses (every grant
 * not rejected, advances included).
 */
export async function listCaseFunds(db: Db | Tx, input: { id: string; regionCode: string; category: CaseCategory }) {
  const eligible = await listCoveringFunds(db, input);
  const used = await db.fundGrant.groupBy({
    by: ["fundId"],
    where: { caseId: input.id, fundId: { in: eligible.map((f) => f.id) }, status: { in: [...ACTIVE_GRANT_STATUSES] } },
    _sum: { amountFen: true },
  });
  const usedByFund = new Map(used.map((u) => [u.fundId, u._sum.amountFen ?? 0]));
  return eligible.map(({ id, name, regionCode, perCaseCapFen, reviewThresholdFen, balanceFen }) => {
    const usedForCaseFen = usedByFund.get(id) ?? 0;
    return { id, name, regionCode, perCaseCapFen, reviewThresholdFen, balanceFen, usedForCaseFen, capLeftFen: Math.max(0, perCaseCapFen - usedForCaseFen) };
  });
}

export type CaseFund = Awaited<ReturnType<typeof listCaseFunds>>[number];
