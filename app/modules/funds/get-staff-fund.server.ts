import { prisma } from "~/utils/db.server.ts";
import { fundAccount } from "../ledger/post-ledger-transaction.server.ts";

/** How many of the latest contributions and grants the fund page lists. */
export const FUND_PAGE_ROWS = 30;

/**
 * One fund for its staff page: rules, balance (the cached ledger balance, kept with every posting)
 * and the sum of its entries next to it, the latest contributions and grants. Null when unknown.
 */
export async function getStaffFund(fundId: string) {
  const fund = await prisma.reliefFund.findUnique({
    where: { id: fundId },
    select: {
      id: true,
      name: true,
      regionCode: true,
      status: true,
      description: true,
      perCaseCapFen: true,
      reviewThresholdFen: true,
      advanceCapFen: true,
      region: { select: { fullName: true } },
      ledgerAccount: { select: { id: true, balanceFen: true } },
    },
  });
  if (!fund) return null;
  const accountId = fund.ledgerAccount?.id;
  const [entrySum, contributions, grants] = await Promise.all([
    accountId ? prisma.ledgerEntry.aggregate({ where: { accountId }, _sum: { amountFen: true } }) : null,
    accountId
      ? prisma.ledgerEntry.findMany({
          where: { accountId, amountFen: { gt: 0 }, transaction: { kind: { in: ["FUND_CONTRIBUTION", "DONATION", "SURPLUS_TRANSFER"] } } },
          orderBy: [{ transaction: { occurredAt: "desc" } }, { id: "desc" }],
          take: FUND_PAGE_ROWS,
          select: { id: true, amountFen: true, transaction: { select: { kind: true, contributionSource: true, counterparty: true, memo: true, occurredAt: true } } },
        })
      : [],
    prisma.fundGrant.findMany({
      where: { fundId },
      orderBy: { requestedAt: "desc" },
      take: FUND_PAGE_ROWS,
      select: { id: true, amountFen: true, status: true, isAdvance: true, purpose: true, requestedAt: true, reviewedAt: true, case: { select: { caseNo: true } } },
    }),
  ]);
  const { ledgerAccount, ...rest } = fund;
  return {
    ...rest,
    accountCode: fundAccount(fund.id),
    balanceFen: ledgerAccount?.balanceFen ?? 0,
    entrySumFen: entrySum?._sum.amountFen ?? 0,
    contributions: contributions.map((c) => ({ id: c.id, amountFen: c.amountFen, ...c.transaction })),
    grants,
  };
}
