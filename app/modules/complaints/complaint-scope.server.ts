import type { Prisma } from "~/generated/prisma/client.ts";

/**
 * Complaints a staff member may see: those about a case inside their region scope, and those
 * naming no case at all (about the service in general or an organisation), which every staff
 * member may take up. Null scope = nationwide.
 */
export function complaintScopeWhere(scopeRegionCode: string | null): Prisma.ComplaintWhereInput {
  if (scopeRegionCode === null) return {};
  return { OR: [{ caseId: null }, { case: { regionCode: { startsWith: scopeRegionCode } } }] };
}
