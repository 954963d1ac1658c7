import { prisma } from "~/utils/db.server.ts";
import { pageCount } from "../resources/page-query.server.ts";
import type { ComplaintQuery } from "./complaint-schemas.server.ts";
import { complaintScopeWhere } from "./complaint-scope.server.ts";

export const COMPLAINTS_PAGE_SIZE = 50;

/** The staff complaints queue, newest first; no contact details in the list. */
export async function listComplaints(scopeRegionCode: string | null, query: ComplaintQuery) {
  const where = { AND: [complaintScopeWhere(scopeRegionCode), query.status ? { status: query.status } : {}] };
  const [total, rows] = await Promise.all([
    prisma.complaint.count({ where }),
    prisma.complaint.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { complaintNo: "desc" }],
      skip: (query.page - 1) * COMPLAINTS_PAGE_SIZE,
      take: COMPLAINTS_PAGE_SIZE,
      select: {
        complaintNo: true,
        subject: true,
        status: true,
        createdAt: true,
        case: { select: { caseNo: true } },
        organization: { select: { name: true } },
      },
    }),
  ]);
  return { rows, total, pages: pageCount(total, COMPLAINTS_PAGE_SIZE) };
}
