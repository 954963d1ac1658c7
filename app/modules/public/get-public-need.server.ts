import { cashProgress, RECEIVED_TRANSACTION_KINDS } from "~/domain/donations/cash-progress.ts";
import { publicGiverName } from "~/domain/donations/public-giver.ts";
import { prisma } from "~/utils/db.server.ts";
import { caseAccount } from "../ledger/post-ledger-transaction.server.ts";
import { PUBLIC_CASE_SELECT, PUBLIC_STATUSES } from "./public-case-select.server.ts";

/** The givers list shows the latest ones; the disclosure at closing has them all. */
export const PUBLIC_GIVERS_SHOWN = 50;

/**
 * A published (or fulfilled/closed) case's public face and timeline; null when not public.
 * Cash progress reads the case's ledger account (gifts and grants in, refunds out) against the cash
 * lines' targets; goods and services progress comes from the lines themselves. Givers are the
 * confirmed or delivered commitments, by public name only (anonymous → null, shown as 爱心人士).
 */
export async function getPublicNeed(caseNo: string) {
  const [found, received] = await Promise.all([
    prisma.case.findFirst({
      where: { caseNo, status: { in: [...PUBLIC_STATUSES] } },
      select: {
        ...PUBLIC_CASE_SELECT,
        updates: { where: { isPublic: true }, orderBy: { at: "desc" }, select: { id: true, at: true, text: true } },
        commitments: {
          where: { status: { in: ["CONFIRMED", "DELIVERED"] } },
          orderBy: { pledgedAt: "desc" },
          take: PUBLIC_GIVERS_SHOWN,
          select: {
            id: true,
            source: true,
            amount: true,
            pledgedAt: true,
            isAnonymous: true,
            pledgerName: true,
            need: { select: { kind: true, unit: true } },
            fund: { select: { name: true } },
            project: { select: { title: true } },
            organization: { select: { name: true } },
          },
        },
      },
    }),
    prisma.ledgerEntry.aggregate({
      _sum: { amountFen: true },
      where: { account: { code: caseAccount(caseNo) }, transaction: { kind: { in: [...RECEIVED_TRANSACTION_KINDS] } } },
    }),
  ]);
  if (!found) return null;
  const { commitments, ...publicCase } = found;
  return {
    ...publicCase,
    cash: cashProgress(found.needs.filter((n) => n.kind === "CASH"), received._sum.amountFen ?? 0),
    givers: commitments.map((c) => ({
      id: c.id,
      source: c.source,
      name: publicGiverName({
        isAnonymous: c.isAnonymous,
        pledgerName: c.pledgerName,
        fundName: c.fund?.name,
        projectTitle: c.project?.title,
        organizationName: c.organization?.name,
      }),
      kind: c.need.kind,
      unit: c.need.unit,
      amount: c.amount,
      at: c.pledgedAt,
    })),
  };
}

export type PublicNeed = NonNullable<Awaited<ReturnType<typeof getPublicNeed>>>;
