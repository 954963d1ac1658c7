import { prisma } from "~/utils/db.server.ts";
import type { FieldErrors } from "~/utils/validation.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import type { ComplaintInput } from "./complaint-schemas.server.ts";
import { nextComplaintNo } from "./next-complaint-no.server.ts";

export type CreateComplaintResult = { ok: true; complaintNo: string } | { ok: false; fieldErrors: FieldErrors };

/**
 * Files a complaint from the public. A named case must exist and a named organisation must be a
 * vetted one; otherwise the field says so and nothing is written (not even a complaint number).
 * Number, complaint and audit event commit together.
 */
export function createComplaint(input: ComplaintInput, now = new Date()): Promise<CreateComplaintResult> {
  return prisma.$transaction(async (tx) => {
    const fieldErrors: FieldErrors = {};
    // Case numbers are printed in capitals; people may type them in lower case.
    const caseRow = input.caseNo
      ? await tx.case.findFirst({ where: { caseNo: { in: [input.caseNo, input.caseNo.toUpperCase()] } }, select: { id: true } })
      : null;
    if (input.caseNo && !caseRow) fieldErrors.caseNo = ["complaints.errors.caseNotFound"];
    const organization = input.organizationId
      ? await tx.organization.findFirst({ where: { id: input.organizationId, status: "VETTED" }, select: { id: true } })
      : null;
    if (input.organizationId && !organization) fieldErrors.organizationId = ["complaints.errors.organizationNotFound"];
    if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

    const complaintNo = await nextComplaintNo(tx, now);
    const complaint = await tx.complaint.create({
      data: {
        complaintNo,
        caseId: caseRow?.id ?? null,
        organizationId: organization?.id ?? null,
        subject: input.subject,
        content: input.content,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "complaint.create",
      entityType: "Complaint",
      entityId: complaint.id,
      caseId: caseRow?.id ?? null,
      toState: "RECEIVED",
      // Ids only: the complainant's contact and text stay out of the audit trail.
      detail: { complaintNo, organizationId: organization?.id ?? null },
    });
    return { ok: true, complaintNo };
  });
}
