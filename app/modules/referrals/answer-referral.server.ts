import { nextReferralStatus } from "~/domain/referral-status.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { lockOpenCase } from "./lock-open-case.server.ts";
import { ReferralChangedError, ReferralRefusedError } from "./referral-errors.server.ts";
import type { AnswerReferralForm } from "./referral-schemas.ts";

/**
 * Records the department's answer (accept / done / decline) by the referral status machine, as a
 * compare-and-set on the referral's version and status; audited `referral.<intent>` with from → to.
 */
export async function answerReferral(input: { caseId: string; user: CurrentUser; form: AnswerReferralForm; now?: Date }) {
  const { caseId, form } = input;
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    await lockOpenCase(tx, caseId);
    const referral = await tx.referral.findFirst({ where: { id: form.referralId, caseId }, select: { id: true, status: true, version: true } });
    if (!referral) throw new ReferralRefusedError("notFound");
    if (referral.version !== form.version) throw new ReferralChangedError();

    const result = form.result?.trim() || undefined;
    const next = nextReferralStatus(referral.status, form.intent, { result });
    if (!next.ok) throw new ReferralRefusedError(next.error);

    const updated = await tx.referral.updateMany({
      where: { id: referral.id, status: referral.status, version: referral.version },
      data: {
        status: next.to,
        version: { increment: 1 },
        ...(result !== undefined && { result }),
        ...(next.setsAnsweredAt && { answeredAt: now }),
        ...(next.setsDoneAt && { doneAt: now }),
      },
    });
    if (updated.count !== 1) throw new ReferralChangedError();

    await recordAudit(tx, {
      actorId: input.user.id,
      action: `referral.${form.intent}`,
      entityType: "Referral",
      entityId: referral.id,
      caseId,
      fromState: referral.status,
      toState: next.to,
      detail: { fields: result !== undefined ? ["result"] : [] },
    });
    return { status: next.to };
  });
}
