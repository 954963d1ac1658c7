import { data } from "@remix-run/node";
import { requireStaffFor } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * The top of every /staff/cases/:caseNo loader and action: 404 for an unknown case number, a login
 * redirect for visitors, 403 for staff whose region scope does not cover the case.
 */
export async function requireCaseAccess(request: Request, caseNo: string | undefined) {
  const found = await prisma.case.findUnique({
    where: { caseNo: caseNo ?? "" },
    select: { id: true, caseNo: true, regionCode: true, status: true, version: true, ownerOfficeId: true },
  });
  if (!found) throw data({ status: 404 }, { status: 404 });
  const user = await requireStaffFor(request, found.regionCode);
  return { user, caseRow: found };
}
