import { prisma } from "~/utils/db.server.ts";

/** What every tab of a case file shows on top: no personal data. */
export function getCaseHeader(caseId: string) {
  return prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      caseNo: true,
      status: true,
      version: true,
      category: true,
      urgency: true,
      source: true,
      receivedAt: true,
      region: { select: { fullName: true } },
      ownerOffice: { select: { name: true } },
    },
  });
}
