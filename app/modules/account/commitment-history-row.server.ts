import type { Prisma } from "~/generated/prisma/client.ts";
import { PUBLIC_STATUSES } from "~/modules/public/public-case-select.server.ts";

/** What a history line shows of a commitment: its line, amount, status and dates, and the case's number. */
export const COMMITMENT_HISTORY_SELECT = {
  id: true,
  source: true,
  version: true,
  amount: true,
  status: true,
  pledgedAt: true,
  confirmedAt: true,
  deliveredAt: true,
  need: { select: { title: true, kind: true, unit: true } },
  case: { select: { caseNo: true, status: true } },
  organization: { select: { id: true, name: true } },
  volunteerOffer: { select: { id: true, title: true } },
} as const satisfies Prisma.CommitmentSelect;

type Row = Prisma.CommitmentGetPayload<{ select: typeof COMMITMENT_HISTORY_SELECT }>;

export function toCommitmentHistoryRow({ case: caseRow, ...row }: Row) {
  return { ...row, case: { caseNo: caseRow.caseNo, isPublic: (PUBLIC_STATUSES as readonly string[]).includes(caseRow.status) } };
}

export type CommitmentHistoryRow = ReturnType<typeof toCommitmentHistoryRow>;
