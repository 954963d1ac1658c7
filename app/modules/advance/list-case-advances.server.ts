import type { Db, Tx } from "~/utils/db.server.ts";

/**
 * A case's advances (先行救助 grants), newest first, and how much of the advance cap they use:
 * every advance not rejected counts, since the cap is the most a case may get before verification.
 */
export async function listCaseAdvances(db: Db | Tx, caseId: string) {
  const rows = await db.fundGrant.findMany({
    where: { caseId, isAdvance: true },
    orderBy: { requestedAt: "desc" },
    select: { id: true, amountFen: true, purpose: true, status: true, requestedAt: true, requestedById: true, fund: { select: { name: true } } },
  });
  const usedFen = rows.filter((r) => r.status !== "REJECTED").reduce((sum, r) => sum + r.amountFen, 0);
  return { rows, usedFen };
}
