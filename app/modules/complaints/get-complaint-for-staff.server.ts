import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { complaintScopeWhere } from "./complaint-scope.server.ts";

/**
 * One complaint for a staff member whose scope covers it (null when unknown or out of scope, so
 * the page answers 404 without telling which). The complainant's contact is personal data: its
 * view is audited in the same transaction, like a beneficiary's.
 */
export function getComplaintForStaff(complaintNo: string, user: Pick<CurrentUser, "id" | "scopeRegionCode">) {
  return prisma.$transaction(async (tx) => {
    const complaint = await tx.complaint.findFirst({
      where: { complaintNo, ...complaintScopeWhere(user.scopeRegionCode) },
      select: {
        id: true,
        complaintNo: true,
        subject: true,
        content: true,
        contactName: true,
        contactPhone: true,
        status: true,
        reply: true,
        handledById: true,
        createdAt: true,
        updatedAt: true,
        case: { select: { caseNo: true } },
        organization: { select: { id: true, name: true } },
      },
    });
    if (!complaint) return null;
    if (complaint.contactName || complaint.contactPhone) {
      await recordAudit(tx, {
        actorId: user.id,
        action: "complaint.viewContact",
        entityType: "Complaint",
        entityId: complaint.id,
        detail: { fields: ["contactName", "contactPhone"] },
      });
    }
    const [handledBy, history] = await Promise.all([
      complaint.handledById ? tx.user.findUnique({ where: { id: complaint.handledById }, select: { displayName: true } }) : null,
      tx.auditEvent.findMany({
        where: { entityType: "Complaint", entityId: complaint.id, action: { not: "complaint.viewContact" } },
        orderBy: { id: "asc" },
        select: { id: true, at: true, action: true, fromState: true, toState: true, actor: { select: { displayName: true } } },
      }),
    ]);
    const { handledById: _handledById, ...rest } = complaint;
    return {
      ...rest,
      handledBy: handledBy?.displayName ?? null,
      history: history.map((e) => ({ ...e, id: e.id.toString() })), // BigInt ids do not travel as JSON
    };
  });
}
