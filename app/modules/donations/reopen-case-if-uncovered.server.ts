import { isEveryLineDelivered } from "~/domain/pledges/pledge-rules.ts";
import type { Tx } from "~/utils/db.server.ts";
import { transitionCase } from "../cases/transition-case.server.ts";

/**
 * The mirror of fulfilCaseIfCovered (app/modules/needs): after a refund gave a line back, a
 * FULFILLED case whose lines are no longer all delivered goes back to PUBLISHED through the state
 * machine's `reopen` (fired by the platform, audited), and the search index hears of it. Delivered
 * amounts are summed from DELIVERED commitments, as fulfilment reads them. The caller holds the case
 * row lock.
 */
export async function reopenCaseIfUncovered(tx: Tx, caseId: string, detail: { trigger: string; donationId: string }): Promise<boolean> {
  const current = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { caseNo: true, status: true } });
  if (current.status !== "FULFILLED") return false;
  const [lines, delivered] = await Promise.all([
    tx.need.findMany({ where: { caseId }, select: { id: true, status: true, target: true } }),
    tx.commitment.groupBy({ by: ["needId"], where: { caseId, status: "DELIVERED" }, _sum: { amount: true } }),
  ]);
  const deliveredByLine = new Map(delivered.map((row) => [row.needId, row._sum.amount ?? 0]));
  if (isEveryLineDelivered(lines.map((l) => ({ status: l.status, target: l.target, delivered: deliveredByLine.get(l.id) ?? 0 })))) return false;
  await transitionCase(tx, { caseId, event: "reopen", actor: "SYSTEM", detail });
  await tx.outboxEvent.create({ data: { topic: "SEARCH", kind: "case.upsert", payload: { caseNo: current.caseNo } } });
  return true;
}
