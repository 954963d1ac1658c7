import { DIRECT_PLEDGE_VALID_DAYS, pledgeExpiry, publicPledgerName } from "~/domain/pledges/pledge-rules.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { msg } from "~/utils/validation.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { NeedLineFullError, reserveNeedLine } from "../needs/need-line-coverage.server.ts";
import { CommitmentForbiddenError, PledgeRefusedError } from "./pledge-errors.server.ts";
import type { DirectPledgeForm } from "./pledge-schemas.server.ts";

/**
 * 认领 from the public page: goods against an ITEM line or hours against a SERVICE line, whole or
 * in part, in one transaction — the case must be PUBLISHED, the line must be the case's and of the
 * form's kind, the reservation goes through reserveNeedLine (compare-and-set: two people pledging
 * the last units cannot both get them), and the Commitment (DIRECT_PLEDGE, PLEDGED) is written
 * with it. On behalf of an organisation only for its members, and only once it is VETTED.
 * The contact is private: it is stored for the office and never shown publicly or audited.
 */
export async function createDirectPledge(input: { caseNo: string; kind: "ITEM" | "SERVICE"; form: DirectPledgeForm; user: CurrentUser | null; now?: Date }) {
  const { form, user } = input;
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await tx.case.findUnique({ where: { caseNo: input.caseNo }, select: { id: true, status: true } });
    if (!found || found.status !== "PUBLISHED") throw new PledgeRefusedError({}, { formError: "pledging.errors.notOpen", status: 422 });

    const need = await tx.need.findFirst({ where: { id: form.needId, caseId: found.id, kind: input.kind }, select: { id: true, status: true } });
    if (!need || need.status === "CANCELLED") throw new PledgeRefusedError({ needId: [msg("pledging.errors.line")] }, { status: 400 });

    let organization: { id: string; name: string } | null = null;
    if (form.organizationId) {
      if (!user) throw new CommitmentForbiddenError();
      const membership = await tx.organizationMember.findUnique({
        where: { organizationId_userId: { organizationId: form.organizationId, userId: user.id } },
        select: { organization: { select: { id: true, name: true, status: true } } },
      });
      if (!membership) throw new CommitmentForbiddenError();
      if (membership.organization.status !== "VETTED") throw new PledgeRefusedError({ organizationId: [msg("pledging.errors.notVetted")] }, { status: 422 });
      organization = membership.organization;
    }

    try {
      await reserveNeedLine(tx, need.id, form.quantity);
    } catch (error) {
      if (error instanceof NeedLineFullError) {
        if (error.remaining === 0) throw new PledgeRefusedError({}, { formError: "pledging.errors.lineFull", status: 409 });
        throw new PledgeRefusedError({ quantity: [msg("pledging.errors.overRemaining", { max: error.remaining })] }, { status: 409 });
      }
      throw error;
    }

    const commitment = await tx.commitment.create({
      data: {
        caseId: found.id,
        needId: need.id,
        source: "DIRECT_PLEDGE",
        organizationId: organization?.id ?? null,
        pledgerId: user?.id ?? null,
        pledgerName: organization ? organization.name : publicPledgerName(form.name, form.anonymous),
        isAnonymous: organization ? false : form.anonymous,
        pledgerContact: form.contact.value,
        amount: form.quantity,
        status: "PLEDGED",
        note: form.note ?? null,
        pledgedAt: now,
        expiresAt: pledgeExpiry(now, DIRECT_PLEDGE_VALID_DAYS),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: user?.id ?? null,
      action: "commitment.pledge",
      entityType: "Commitment",
      entityId: commitment.id,
      caseId: found.id,
      toState: "PLEDGED",
      detail: { needId: need.id, source: "DIRECT_PLEDGE", amount: form.quantity, organizationId: organization?.id ?? null },
    });
    return { commitmentId: commitment.id, amount: form.quantity };
  });
}
