import { can } from "~/domain/permissions.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";

/** A staff member's view of a fund: may they record its money, may they review its grants. */
export function fundRights(user: CurrentUser, fund: { regionCode: string }) {
  return { canRecord: can(user, "fund.record", { regionCode: fund.regionCode }), canReview: can(user, "grant.review", { regionCode: fund.regionCode }) };
}

/**
 * The relief funds a staff member works with (record money or review grants, by the fund's region
 * inside their scope), with balance and how many grants wait for review.
 */
export async function listStaffFunds(user: CurrentUser) {
  const funds = await prisma.reliefFund.findMany({
    where: user.scopeRegionCode ? { regionCode: { startsWith: user.scopeRegionCode } } : {},
    orderBy: [{ regionCode: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      regionCode: true,
      status: true,
      perCaseCapFen: true,
      reviewThresholdFen: true,
      region: { select: { fullName: true } },
      ledgerAccount: { select: { balanceFen: true } },
      _count: { select: { grants: { where: { status: "REQUESTED" } } } },
    },
  });
  return funds
    .map((fund) => ({ ...fund, ...fundRights(user, fund), balanceFen: fund.ledgerAccount?.balanceFen ?? 0, pendingReviews: fund._count.grants }))
    .filter((fund) => fund.canRecord || fund.canReview)
    .map(({ ledgerAccount: _a, _count: _c, ...fund }) => fund);
}
