import { donationIdOfCommitment } from "~/domain/pledges/pledge-rules.ts";
import type { Tx } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { applyCommitmentIntent, type CommitmentStepRow } from "../pledges/apply-commitment-intent.server.ts";
import type { CommitmentActor } from "~/domain/pledges/commitment-status.ts";

/**
 * A transfer pledge whose money never came (staff mark it, or it lapsed), inside the caller's
 * transaction: the Commitment is expired or cancelled (the cash line's reservation is given back)
 * and a pending offline Donation behind it moves to EXPIRED. Nothing was in the ledger, so nothing
 * is reversed. A commitment with no donation behind it is just expired or cancelled.
 */
export async function endTransferPledge(
  tx: Tx,
  input: { commitment: CommitmentStepRow; intent: "expire" | "cancel"; actor: CommitmentActor; actorId: string | null; expectedVersion?: number; reason?: string | null; now?: Date },
) {
  const now = input.now ?? new Date();
  const step = await applyCommitmentIntent(tx, {
    commitmentId: input.commitment.id,
    intent: input.intent,
    actor: input.actor,
    actorId: input.actorId,
    expectedVersion: input.expectedVersion,
    reason: input.reason,
    now,
  });
  const donationId = donationIdOfCommitment(input.commitment.id);
  if (donationId) {
    const expired = await tx.donation.updateMany({ where: { id: donationId, method: "TRANSFER", status: "PENDING" }, data: { status: "EXPIRED" } });
    if (expired.count === 1) {
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "donation.transferExpired",
        entityType: "Donation",
        entityId: donationId,
        caseId: input.commitment.caseId,
        fromState: "PENDING",
        toState: "EXPIRED",
        detail: { commitmentId: input.commitment.id, by: input.actor },
      });
    }
  }
  return step;
}
