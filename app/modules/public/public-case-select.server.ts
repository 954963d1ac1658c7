import type { Prisma } from "~/generated/prisma/client.ts";

/** The only case fields public code may read: no Beneficiary, no intake note. */
export const PUBLIC_CASE_SELECT = {
  caseNo: true,
  status: true,
  category: true,
  urgency: true,
  alias: true,
  ageBand: true,
  publicTitle: true,
  publicStory: true,
  needIndex: true,
  publishedAt: true,
  closedAt: true,
  region: { select: { code: true, fullName: true } },
  needs: {
    where: { status: { not: "CANCELLED" } },
    orderBy: { sortOrder: "asc" },
    select: { id: true, kind: true, title: true, category: true, unit: true, target: true, committed: true, delivered: true, status: true },
  },
} as const satisfies Prisma.CaseSelect;

/** Statuses whose public face may be shown. */
export const PUBLIC_STATUSES = ["PUBLISHED", "FULFILLED", "CLOSED"] as const;

export type PublicCase = Prisma.CaseGetPayload<{ select: typeof PUBLIC_CASE_SELECT }>;
