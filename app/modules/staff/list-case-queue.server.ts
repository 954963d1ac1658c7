import { z } from "zod";
import { caseDeadline } from "~/domain/case-deadline.ts";
import { CASE_CATEGORIES, CASE_STATUSES, FINAL_STATUSES, URGENCIES } from "~/domain/case-status.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { isoDateOf, shanghaiDate } from "~/utils/dates.ts";

export const QUEUE_LIMIT = 200;

export const QueueQuerySchema = z.object({
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  category: z.enum(CASE_CATEGORIES).optional().catch(undefined),
  urgency: z.enum(URGENCIES).optional().catch(undefined),
  region: z.string().regex(/^\d{2,12}$/).optional().catch(undefined),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

/**
 * The staff queue: cases inside the user's region scope (null = nationwide), open ones by default,
 * most in need first, then by deadline; each row carries its deadline state for the overdue flag.
 */
export async function listCaseQueue(scopeRegionCode: string | null, query: QueueQuery, now = new Date()) {
  const regionFilter = [scopeRegionCode, query.region].filter((c): c is string => !!c);
  const where: Prisma.CaseWhereInput = {
    AND: regionFilter.map((code) => ({ regionCode: { startsWith: code } })),
    status: query.status ?? { notIn: [...FINAL_STATUSES] },
    ...(query.category && { category: query.category }),
    ...(query.urgency && { urgency: query.urgency }),
  };
  const rows = await prisma.case.findMany({
    where,
    orderBy: [{ needIndex: { sort: "desc", nulls: "last" } }, { responseDueOn: "asc" }, { receivedAt: "asc" }],
    take: QUEUE_LIMIT,
    select: {
      caseNo: true,
      status: true,
      category: true,
      urgency: true,
      needIndex: true,
      responseDueOn: true,
      verificationDueOn: true,
      receivedAt: true,
      region: { select: { fullName: true } },
      ownerOffice: { select: { name: true } },
    },
  });
  const today = shanghaiDate(now);
  return rows.map((row) => ({
    ...row,
    deadline: caseDeadline(
      { status: row.status, responseDueOn: isoDateOf(row.responseDueOn), verificationDueOn: row.verificationDueOn && isoDateOf(row.verificationDueOn) },
      today,
    ),
  }));
}
