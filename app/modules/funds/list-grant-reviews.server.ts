import { can } from "~/domain/permissions.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * The 一事一议 queue: grants waiting for review from funds whose region the reviewer covers,
 * oldest first, with the fund's balance now and who asked. The reviewer's own requests are listed
 * but marked, since four-eyes forbids deciding them.
 */
export async function listGrantReviews(user: CurrentUser) {
  const rows = await prisma.fundGrant.findMany({
    where: { status: "REQUESTED", ...(user.scopeRegionCode && { fund: { regionCode: { startsWith: user.scopeRegionCode } } }) },
    orderBy: { requestedAt: "asc" },
    select: {
      id: true,
      amountFen: true,
      purpose: true,
      requestedAt: true,
      requestedById: true,
      fund: { select: { id: true, name: true, regionCode: true, reviewThresholdFen: true, ledgerAccount: { select: { balanceFen: true } } } },
      case: { select: { caseNo: true, status: true, category: true } },
    },
  });
  const mine = rows.filter((r) => can(user, "grant.review", { regionCode: r.fund.regionCode }));
  const requesters = await prisma.user.findMany({ where: { id: { in: [...new Set(mine.map((r) => r.requestedById))] } }, select: { id: true, displayName: true } });
  const names = new Map(requesters.map((u) => [u.id, u.displayName]));
  return mine.map(({ fund: { ledgerAccount, ...fund }, ...row }) => ({
    ...row,
    fund: { ...fund, balanceFen: ledgerAccount?.balanceFen ?? 0 },
    requestedBy: names.get(row.requestedById) ?? null,
    isOwnRequest: row.requestedById === user.id,
  }));
}
