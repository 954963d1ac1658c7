import { remainingOnLine } from "~/domain/pledges/pledge-rules.ts";
import { prisma } from "~/utils/db.server.ts";
import { listCaseFunds } from "./list-case-funds.server.ts";

/**
 * The case file's money tab: the case account's balance (and the sum of its entries beside it),
 * its cash lines with what each still needs, the funds that may grant to it, its grants (advances
 * included) and what it has paid out. No beneficiary data is read.
 */
export async function getCaseMoney(caseId: string) {
  const found = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { id: true, caseNo: true, status: true, regionCode: true, category: true, ledgerAccount: { select: { id: true, balanceFen: true } } },
  });
  const accountId = found.ledgerAccount?.id;
  const [funds, lines, grants, disbursements, entrySum] = await Promise.all([
    listCaseFunds(prisma, found),
    prisma.need.findMany({
      where: { caseId, kind: "CASH", status: { not: "CANCELLED" } },
      orderBy: { sortOrder: "asc" },
      select: { id: true, title: true, status: true, target: true, committed: true, delivered: true },
    }),
    prisma.fundGrant.findMany({
      where: { caseId },
      orderBy: { requestedAt: "desc" },
      select: { id: true, amountFen: true, purpose: true, status: true, isAdvance: true, requestedAt: true, reviewedAt: true, requestedById: true, reviewedById: true, reviewNote: true, fund: { select: { name: true } } },
    }),
    prisma.disbursement.findMany({ where: { caseId }, orderBy: { at: "desc" }, select: { id: true, amountFen: true, payeeKind: true, payeeName: true, purpose: true, at: true } }),
    accountId ? prisma.ledgerEntry.aggregate({ where: { accountId }, _sum: { amountFen: true } }) : null,
  ]);
  const userIds = [...new Set(grants.flatMap((g) => [g.requestedById, g.reviewedById]).filter((id): id is string => !!id))];
  const users = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return {
    caseNo: found.caseNo,
    status: found.status,
    balanceFen: found.ledgerAccount?.balanceFen ?? 0,
    entrySumFen: entrySum?._sum.amountFen ?? 0,
    funds,
    lines: lines.map((line) => ({ ...line, remaining: remainingOnLine(line) })),
    grants: grants.map(({ requestedById, reviewedById, ...g }) => ({ ...g, requestedBy: names.get(requestedById) ?? null, reviewedBy: reviewedById ? (names.get(reviewedById) ?? null) : null })),
    disbursements,
  };
}
