import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { applyCommitmentIntent } from "../pledges/apply-commitment-intent.server.ts";
import { loadOwnedCommitment } from "./load-owned-commitment.server.ts";
import { enqueueResourceIndexUpdate } from "./plan-resource-owners.server.ts";

/**
 * The owner of a picked resource says no (or withdraws after accepting), with a reason, in one
 * transaction: the pledges state machine's `cancel` step as the pledger (apply-commitment-intent:
 * compare-and-set on status and version, the need line released so it shows open again, the
 * project's budget / offer's stock or hours given back, audited), and the resource's search row.
 */
export function declineAssignment(input: { user: CurrentUser; commitmentId: string; version: number; reason: string; now?: Date }) {
  return prisma.$transaction(async (tx) => {
    const { row } = await loadOwnedCommitment(tx, input.user.id, input.commitmentId);
    const step = await applyCommitmentIntent(tx, {
      commitmentId: row.id,
      intent: "cancel",
      actor: "pledger",
      actorId: input.user.id,
      expectedVersion: input.version,
      reason: input.reason,
      now: input.now,
    });
    await enqueueResourceIndexUpdate(tx, row);
    return step;
  });
}
