import { complaintTransition, type ComplaintIntent, type ComplaintStatusName } from "~/domain/complaint-status.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { ComplaintChangedError, ComplaintNotFoundError, ComplaintRefusedError } from "./complaint-errors.server.ts";
import { complaintScopeWhere } from "./complaint-scope.server.ts";

export type HandleComplaintInput = {
  complaintNo: string;
  intent: ComplaintIntent;
  /** The status the page showed: a complaint handled by someone else since then gives 409. */
  expectedStatus: ComplaintStatusName;
  reply?: string;
  user: Pick<CurrentUser, "id" | "scopeRegionCode">;
};

/**
 * Starts, resolves or dismisses a complaint: the rule from app/domain, a compare-and-set on the
 * status, and the audit event `complaint.<intent>` (from → to) in one transaction. The reply is
 * kept on the complaint, not in the audit detail (it may quote the complainant).
 */
export function handleComplaint(input: HandleComplaintInput) {
  return prisma.$transaction(async (tx) => {
    const complaint = await tx.complaint.findFirst({
      where: { complaintNo: input.complaintNo, ...complaintScopeWhere(input.user.scopeRegionCode) },
      select: { id: true, status: true, caseId: true },
    });
    if (!complaint) throw new ComplaintNotFoundError();
    if (complaint.status !== input.expectedStatus) throw new ComplaintChangedError();

    const from = complaint.status;
    const result = complaintTransition(from, input.intent, { reply: input.reply });
    if (!result.ok) throw new ComplaintRefusedError(result.error);

    const updated = await tx.complaint.updateMany({
      where: { id: complaint.id, status: from },
      data: { status: result.to, handledById: input.user.id, ...(input.intent !== "start" && { reply: input.reply }) },
    });
    if (updated.count !== 1) throw new ComplaintChangedError();

    await recordAudit(tx, {
      actorId: input.user.id,
      action: `complaint.${input.intent}`,
      entityType: "Complaint",
      entityId: complaint.id,
      caseId: complaint.caseId,
      fromState: from,
      toState: result.to,
    });
    return { from, to: result.to };
  });
}
