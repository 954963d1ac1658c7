import type { CommitmentIntent } from "~/domain/pledges/commitment-status.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { enqueueMail } from "../mail/enqueue-mail.server.ts";
import { endTransferPledge } from "../transfers/end-transfer-pledge.server.ts";
import { receiveTransfer } from "../transfers/receive-transfer.server.ts";
import { applyCommitmentIntent, COMMITMENT_STEP_SELECT } from "./apply-commitment-intent.server.ts";
import { CommitmentForbiddenError, CommitmentNotFoundError, CommitmentRefusedError } from "./pledge-errors.server.ts";
import { resolveCommitmentActor } from "./resolve-commitment-actor.server.ts";

export type ChangeCommitmentInput = {
  commitmentId: string;
  intent: CommitmentIntent;
  /** The version the user saw (hidden field): a stale form gets CommitmentChangedError (409). */
  version: number;
  reason?: string | null;
  user: CurrentUser;
  /** When acting from a case's page: a commitment of another case is "not found". */
  caseId?: string;
  now?: Date;
};

/**
 * One step on a commitment by a signed-in user, authorised here (staff covering the case, or the
 * pledger / a member of the pledging organisation) and written in one transaction:
 * - a transfer pledge (source DONATION): `receive` records the gift (receive-transfer), `expire`
 *   and `cancel` end it and its pending donation (end-transfer-pledge);
 * - a fund grant's commitment moves only with the grant's review (money tab): refused here;
 * - anything else: the state machine step (apply-commitment-intent); a confirmation is mailed to
 *   the pledger when their contact is an e-mail address.
 * Throws CommitmentNotFoundError / CommitmentForbiddenError / CommitmentRefusedError /
 * CommitmentChangedError (commitmentActionError turns them into answers).
 */
export function changeCommitment(input: ChangeCommitmentInput) {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const commitment = await tx.commitment.findUnique({ where: { id: input.commitmentId }, select: { ...COMMITMENT_STEP_SELECT, pledger: { select: { locale: true } } } });
    if (!commitment || (input.caseId !== undefined && commitment.caseId !== input.caseId)) throw new CommitmentNotFoundError(input.commitmentId);
    const actor = await resolveCommitmentActor(tx, input.user, commitment);
    if (!actor) throw new CommitmentForbiddenError();
    if (commitment.source === "FUND") throw new CommitmentRefusedError("managedElsewhere");

    const common = { actorId: input.user.id, expectedVersion: input.version, now };
    if (commitment.source === "DONATION") {
      if (input.intent === "receive") {
        if (actor !== "staff") throw new CommitmentForbiddenError();
        return receiveTransfer(tx, { commitment, ...common });
      }
      if (input.intent === "expire" || input.intent === "cancel") {
        return endTransferPledge(tx, { commitment, intent: input.intent, actor, reason: input.reason, ...common });
      }
    }

    const step = await applyCommitmentIntent(tx, { commitmentId: commitment.id, intent: input.intent, actor, reason: input.reason, ...common });
    const email = commitment.pledgerContact?.includes("@") ? commitment.pledgerContact : null;
    if (step.to === "CONFIRMED" && email) {
      await enqueueMail(tx, { template: "pledge-confirmed", to: email, locale: commitment.pledger?.locale === "en" ? "en" : "zh-CN", refs: { commitmentId: commitment.id } });
    }
    return step;
  });
}
