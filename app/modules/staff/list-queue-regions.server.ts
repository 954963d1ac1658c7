import { prisma } from "~/utils/db.server.ts";

/** The areas that have cases inside a staff scope, for the queue's region filter. */
export async function listQueueRegions(scopeRegionCode: string | null) {
  const rows = await prisma.case.findMany({
    where: scopeRegionCode ? { regionCode: { startsWith: scopeRegionCode } } : {},
    distinct: ["regionCode"],
    select: { region: { select: { code: true, fullName: true } } },
  });
  return rows.map((r) => r.region).sort((a, b) => a.code.localeCompare(b.code));
}
