import { checkTransfer } from "~/domain/case-transfer.ts";
import type { CaseStatusName } from "~/domain/case-status.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * The transfer tab: who owns the case, the offices it may go to (inside the user's scope, on the
 * case's branch of the region tree, not the owner), and every transfer so far, newest first.
 */
export async function getCaseTransferTab(caseId: string, scopeRegionCode: string | null) {
  const record = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { status: true, version: true, regionCode: true, ownerOffice: { select: { id: true, name: true } } },
  });
  const [offices, transfers] = await Promise.all([
    prisma.office.findMany({
      where: { id: { not: record.ownerOffice.id }, ...(scopeRegionCode !== null && { regionCode: { startsWith: scopeRegionCode } }) },
      orderBy: [{ regionCode: "asc" }, { name: "asc" }],
      select: { id: true, name: true, regionCode: true, region: { select: { fullName: true } } },
    }),
    prisma.caseTransfer.findMany({
      where: { caseId },
      orderBy: { at: "desc" },
      select: { id: true, at: true, reason: true, byUserId: true, fromOffice: { select: { name: true } }, toOffice: { select: { name: true } } },
    }),
  ]);
  const candidates = offices.filter((office) =>
    checkTransfer({
      caseStatus: record.status as CaseStatusName,
      caseRegionCode: record.regionCode,
      ownerOfficeId: record.ownerOffice.id,
      target: office,
      actorScopeRegionCode: scopeRegionCode,
    }).ok,
  );
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(transfers.map((t) => t.byUserId))] } }, select: { id: true, displayName: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
  return {
    status: record.status,
    version: record.version,
    owner: record.ownerOffice,
    offices: candidates.map((o) => ({ id: o.id, name: o.name, region: o.region.fullName })),
    transfers: transfers.map(({ byUserId, ...t }) => ({ ...t, by: nameOf.get(byUserId) ?? null })),
  };
}
