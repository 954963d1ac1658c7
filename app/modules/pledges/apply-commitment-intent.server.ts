import { nextCommitmentStatus, type CommitmentActor, type CommitmentIntent } from "~/domain/pledges/commitment-status.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { Tx } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { fulfilCaseIfCovered } from "../needs/fulfil-case-if-covered.server.ts";
import { markNeedLineDelivered, releaseNeedLine } from "../needs/need-line-coverage.server.ts";
import { CommitmentChangedError, CommitmentNotFoundError, CommitmentRefusedError } from "./pledge-errors.server.ts";
import { settleResourceCommitment } from "./settle-resource-commitment.server.ts";

export const COMMITMENT_STEP_SELECT = {
  id: true,
  caseId: true,
  needId: true,
  source: true,
  status: true,
  version: true,
  amount: true,
  pledgerId: true,
  organizationId: true,
  pledgerContact: true,
  projectId: true,
  volunteerOfferId: true,
  supplyOfferId: true,
  need: { select: { kind: true } },
  case: { select: { caseNo: true, regionCode: true } },
} as const satisfies Prisma.CommitmentSelect;

export type CommitmentStepRow = Prisma.CommitmentGetPayload<{ select: typeof COMMITMENT_STEP_SELECT }>;

/**
 * One step of a commitment's life inside the caller's transaction (app/domain/pledges/
 * commitment-status.ts): the rule, then a compare-and-set on (id, status, version), the need line
 * (released on cancel/expire, delivered on deliver/receive), the resource behind it (a project's,
 * offer's reservation; a project's money to a cash line: settle-resource-commitment), the audit
 * event, and — after a delivery — the check that may move the case to FULFILLED. A donation's and a
 * fund grant's ledger postings are their callers' (receive-transfer, post-fund-grant).
 */
export async function applyCommitmentIntent(
  tx: Tx,
  input: {
    commitmentId: string;
    intent: CommitmentIntent;
    actor: CommitmentActor;
    actorId: string | null;
    /** The version the user saw (hidden form field); omitted for system steps. */
    expectedVersion?: number;
    reason?: string | null;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  const row = await tx.commitment.findUnique({ where: { id: input.commitmentId }, select: COMMITMENT_STEP_SELECT });
  if (!row) throw new CommitmentNotFoundError(input.commitmentId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) throw new CommitmentChangedError(row.id);

  const step = nextCommitmentStatus(row.status, input.intent, { source: row.source, lineKind: row.need.kind, actor: input.actor, reason: input.reason });
  if (!step.ok) throw new CommitmentRefusedError(step.error);

  const reason = input.reason?.trim() || null;
  const updated = await tx.commitment.updateMany({
    where: { id: row.id, status: row.status, version: row.version },
    data: {
      status: step.to,
      version: { increment: 1 },
      [step.stamp]: now,
      ...(step.to === "CONFIRMED" && { confirmedById: input.actorId }),
      ...(step.to === "DELIVERED" && { deliveredById: input.actorId }),
      ...(step.releasesLine && { cancelReason: reason }),
    },
  });
  if (updated.count !== 1) throw new CommitmentChangedError(row.id);

  if (step.releasesLine) await releaseNeedLine(tx, row.needId, row.amount);
  if (step.deliversLine) await markNeedLineDelivered(tx, row.needId, row.amount);
  await settleResourceCommitment(tx, row, step.to, { actorId: input.actorId, now });

  await recordAudit(tx, {
    actorId: input.actorId,
    action: `commitment.${input.intent}`,
    entityType: "Commitment",
    entityId: row.id,
    caseId: row.caseId,
    fromState: row.status,
    toState: step.to,
    // Ids and amounts only: the reason is free text and stays on the commitment row.
    detail: { needId: row.needId, source: row.source, amount: row.amount, by: input.actor },
  });

  const isFulfilled = step.deliversLine ? await fulfilCaseIfCovered(tx, row.caseId, { now }) : false;
  return { row, from: row.status, to: step.to, version: row.version + 1, isFulfilled };
}
