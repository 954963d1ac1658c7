import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { msg } from "~/utils/validation.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { markNeedLineDelivered } from "../needs/need-line-coverage.server.ts";
import { applyCommitmentIntent } from "../pledges/apply-commitment-intent.server.ts";
import { CommitmentChangedError, CommitmentRefusedError } from "../pledges/pledge-errors.server.ts";
import { loadOwnedCommitment } from "./load-owned-commitment.server.ts";
import { PlanRefusedError } from "./plan-errors.server.ts";

/** Hours logged before the last ones are split off as delivered commitments with these ids. */
export const loggedHoursPrefix = (commitmentId: string) => `${commitmentId}-h`;

/**
 * A volunteer logs hours served against an accepted (CONFIRMED) assignment, in one transaction.
 * - The last hours (all that is left): the pledges state machine's `deliver` step as the pledger
 *   (apply-commitment-intent: compare-and-set, the line's delivered total, the offer's
 *   hoursDelivered, audit, and the FULFILLED check).
 * - Fewer: the commitment keeps the hours still to serve (compare-and-set on status, version and
 *   amount) and the served ones become a DELIVERED commitment of their own (`<id>-h<n>`), the line's
 *   delivered total (markNeedLineDelivered) and the offer's hoursDelivered grow by them. So the
 *   line's and the offer's totals stay the sums of their commitments (as reconcile.ts and the
 *   FULFILLED check read them) and nothing on the line's committed total moves.
 */
export function logAssignmentHours(input: { user: CurrentUser; commitmentId: string; version: number; hours: number; now?: Date }) {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const { row } = await loadOwnedCommitment(tx, input.user.id, input.commitmentId);
    if (row.source !== "VOLUNTEER_OFFER" || !row.volunteerOfferId) throw new CommitmentRefusedError("wrongSource");
    if (row.version !== input.version) throw new CommitmentChangedError(row.id);
    if (row.status !== "CONFIRMED") throw new CommitmentRefusedError("notAllowedFromStatus");
    if (input.hours > row.amount) throw new PlanRefusedError({ hours: [msg("planAssignments.errors.hoursOver", { max: row.amount })] }, { status: 400 });

    if (input.hours === row.amount) {
      const step = await applyCommitmentIntent(tx, { commitmentId: row.id, intent: "deliver", actor: "pledger", actorId: input.user.id, expectedVersion: input.version, now });
      return { isDone: true, hoursLeft: 0, isFulfilled: step.isFulfilled };
    }

    const updated = await tx.commitment.updateMany({
      where: { id: row.id, status: "CONFIRMED", version: row.version, amount: row.amount },
      data: { amount: { decrement: input.hours }, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new CommitmentChangedError(row.id);
    // Safe to number: the compare-and-set above holds the parent row until commit.
    const earlier = await tx.commitment.count({ where: { id: { startsWith: loggedHoursPrefix(row.id) } } });
    const piece = await tx.commitment.create({
      data: {
        id: `${loggedHoursPrefix(row.id)}${earlier + 1}`,
        caseId: row.caseId,
        needId: row.needId,
        source: row.source,
        volunteerOfferId: row.volunteerOfferId,
        organizationId: row.organizationId,
        pledgerId: row.pledgerId,
        pledgerName: row.pledgerName,
        amount: input.hours,
        status: "DELIVERED",
        pledgedAt: row.pledgedAt,
        confirmedAt: row.confirmedAt,
        confirmedById: row.confirmedById,
        deliveredAt: now,
        deliveredById: input.user.id,
      },
      select: { id: true },
    });
    await markNeedLineDelivered(tx, row.needId, input.hours);
    await tx.volunteerOffer.update({ where: { id: row.volunteerOfferId }, data: { hoursDelivered: { increment: input.hours } } });
    await recordAudit(tx, {
      actorId: input.user.id,
      action: "commitment.logHours",
      entityType: "Commitment",
      entityId: row.id,
      caseId: row.caseId,
      fromState: row.status,
      toState: row.status,
      detail: { needId: row.needId, hours: input.hours, hoursLeft: row.amount - input.hours, deliveredAs: piece.id },
    });
    return { isDone: false, hoursLeft: row.amount - input.hours, isFulfilled: false };
  });
}
