import { prisma } from "~/utils/db.server.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";

/** Just enough to authorise: the case's region (404 when unknown). */
export function getCaseRegion(caseNo: string) {
  return prisma.case.findUnique({ where: { caseNo }, select: { id: true, regionCode: true } });
}

/**
 * A case's private record for staff already authorised for its region. Reading the beneficiary's
 * personal data writes an audit event in the same transaction, so no view goes unrecorded.
 */
export async function getCaseForStaff(caseId: string, actorId: string) {
  return prisma.$transaction(async (tx) => {
    const record = await tx.case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        id: true,
        caseNo: true,
        status: true,
        source: true,
        category: true,
        urgency: true,
        intakeNote: true,
        receivedAt: true,
        responseDueOn: true,
        needIndex: true,
        povertyIndex: true,
        alias: true,
        publicTitle: true,
        publicStory: true,
        region: { select: { fullName: true } },
        ownerOffice: { select: { name: true } },
        beneficiary: {
          select: { name: true, idNumberEncrypted: true, phone: true, address: true, householdSize: true },
        },
        needs: { orderBy: { sortOrder: "asc" }, select: { id: true, kind: true, title: true, unit: true, target: true, committed: true, delivered: true } },
      },
    });
    if (record.beneficiary) {
      await recordAudit(tx, {
        actorId,
        action: "case.viewPersonalData",
        entityType: "Beneficiary",
        entityId: record.id,
        caseId: record.id,
        detail: { fields: ["name", "idNumber", "phone", "address"] },
      });
    }
    const { beneficiary, ...rest } = record;
    return {
      ...rest,
      beneficiary: beneficiary && {
        name: beneficiary.name,
        idNumber: beneficiary.idNumberEncrypted ? piiCrypto().decrypt(beneficiary.idNumberEncrypted) : null,
        phone: beneficiary.phone,
        address: beneficiary.address,
        householdSize: beneficiary.householdSize,
      },
    };
  });
}
