import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { lockOpenCase } from "./lock-open-case.server.ts";
import { ReferralRefusedError } from "./referral-errors.server.ts";
import type { CreateReferralForm } from "./referral-schemas.ts";

/** 转介: a new SENT referral of an open case to a department, audited `referral.create`. */
export async function createReferral(input: { caseId: string; user: CurrentUser; form: CreateReferralForm; today: string; now?: Date }) {
  const { caseId, form } = input;
  // ISO dates compare as strings; both are Asia/Shanghai civil dates.
  if (form.dueOn < input.today) throw new ReferralRefusedError("dueInPast");
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    await lockOpenCase(tx, caseId);
    const referral = await tx.referral.create({
      data: { caseId, department: form.department, request: form.request, dueOn: new Date(`${form.dueOn}T00:00:00Z`), createdById: input.user.id, sentAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.user.id,
      action: "referral.create",
      entityType: "Referral",
      entityId: referral.id,
      caseId,
      toState: "SENT",
      detail: { department: form.department, dueOn: form.dueOn },
    });
    return referral;
  });
}
