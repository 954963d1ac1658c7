// DESIGN §4/§5: a published case becomes FULFILLED when every need line is covered by delivered
// commitments. Called at the end of every write that delivers something (goods handed over, a
// transfer received, a grant posted), inside that write's transaction.
import { isEveryLineDelivered } from "~/domain/pledges/pledge-rules.ts";
import type { RoleName } from "~/domain/permissions.ts";
import type { Tx } from "~/utils/db.server.ts";
import { transitionCase } from "../cases/transition-case.server.ts";

/** Public timeline text: fixed, so it can never carry personal data. */
const FULFILLED_UPDATE = "本个案发布的需求已全部落实，感谢各方爱心支持。后续进展和公示将在结案时发布。";

/**
 * Moves a PUBLISHED case to FULFILLED (state machine event `markFulfilled`, audited) when every
 * live need line has delivered commitments adding up to its target; returns whether it did.
 *
 * The case row is locked first (SELECT … FOR NO KEY UPDATE): two deliveries completing the last
 * two lines at once would otherwise each read the other's line as undelivered and neither would
 * fulfil the case. With the lock the second one waits, then reads the first one's committed
 * delivery. NO KEY UPDATE (not FOR UPDATE) because both transactions already hold the KEY SHARE
 * lock their audit rows' foreign key took on the case: FOR UPDATE would deadlock against it.
 */
export async function fulfilCaseIfCovered(
  tx: Tx,
  caseId: string,
  options: { actor?: { id: string; roles: readonly RoleName[] } | "SYSTEM"; now?: Date } = {},
): Promise<boolean> {
  const locked = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS status FROM "Case" WHERE "id" = ${caseId} FOR NO KEY UPDATE`;
  if (locked[0]?.status !== "PUBLISHED") return false;

  const [lines, delivered] = await Promise.all([
    tx.need.findMany({ where: { caseId }, select: { id: true, status: true, target: true } }),
    tx.commitment.groupBy({ by: ["needId"], where: { caseId, status: "DELIVERED" }, _sum: { amount: true } }),
  ]);
  const deliveredByLine = new Map(delivered.map((row) => [row.needId, row._sum.amount ?? 0]));
  const isCovered = isEveryLineDelivered(lines.map((line) => ({ status: line.status, target: line.target, delivered: deliveredByLine.get(line.id) ?? 0 })));
  if (!isCovered) return false;

  const now = options.now ?? new Date();
  await transitionCase(tx, { caseId, event: "markFulfilled", actor: options.actor ?? "SYSTEM", detail: { trigger: "allNeedLinesDelivered" }, now });
  await tx.caseUpdate.create({ data: { caseId, at: now, kind: "FULFILLED", text: FULFILLED_UPDATE, isPublic: true } });
  // The search documents carry the status (a "fulfilled" filter), so the index hears of it.
  const { caseNo } = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { caseNo: true } });
  await tx.outboxEvent.create({ data: { topic: "SEARCH", kind: "case.upsert", payload: { caseNo } } });
  return true;
}
