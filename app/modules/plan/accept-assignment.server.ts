import { nextCommitmentStatus } from "~/domain/pledges/commitment-status.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { CommitmentChangedError, CommitmentRefusedError } from "../pledges/pledge-errors.server.ts";
import { loadOwnedCommitment } from "./load-owned-commitment.server.ts";

/**
 * The owner of a picked resource says yes: PLEDGED → CONFIRMED, with who and when, by a
 * compare-and-set on (id, status, version). The pledges state machine keeps `confirm` for the
 * office because a direct pledge comes from outside; a plan pick was chosen by the office already,
 * so its confirmation is the owner's yes — the same step (same from/to and source rules, read
 * from nextCommitmentStatus as the office's), taken by the owner. Nothing is reserved or released.
 */
export function acceptAssignment(input: { user: CurrentUser; commitmentId: string; version: number; now?: Date }) {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const { row } = await loadOwnedCommitment(tx, input.user.id, input.commitmentId);
    if (row.version !== input.version) throw new CommitmentChangedError(row.id);
    const step = nextCommitmentStatus(row.status, "confirm", { source: row.source, lineKind: row.need.kind, actor: "staff" });
    if (!step.ok) throw new CommitmentRefusedError(step.error);
    const updated = await tx.commitment.updateMany({
      where: { id: row.id, status: row.status, version: row.version },
      data: { status: step.to, version: { increment: 1 }, confirmedAt: now, confirmedById: input.user.id },
    });
    if (updated.count !== 1) throw new CommitmentChangedError(row.id);
    await recordAudit(tx, {
      actorId: input.user.id,
      action: "commitment.accept",
      entityType: "Commitment",
      entityId: row.id,
      caseId: row.caseId,
      fromState: row.status,
      toState: step.to,
      detail: { needId: row.needId, source: row.source, amount: row.amount, by: "owner" },
    });
    return { to: step.to, version: row.version + 1 };
  });
}
