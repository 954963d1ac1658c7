import { verificationDueDateAfterAdvance } from "~/domain/working-days.ts";
import { prisma } from "~/utils/db.server.ts";
import { isoDateOf, shanghaiDate } from "~/utils/dates.ts";
import { getCalendarOverrides } from "../regions/get-calendar-overrides.server.ts";
import { findAdvanceFund } from "./find-advance-fund.server.ts";
import { listCaseAdvances } from "./list-case-advances.server.ts";

/**
 * The advance tab: the fund an advance would come from (balance, cap, what is left of the cap for
 * this case), the case's earlier advances and the verification due date an advance today would
 * set. No personal data is read.
 */
export async function getAdvanceOverview(caseId: string, now = new Date()) {
  const found = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { caseNo: true, status: true, version: true, regionCode: true, category: true, verificationDueOn: true, ledgerAccount: { select: { balanceFen: true } } },
  });
  const [fund, advances, overrides] = await Promise.all([
    findAdvanceFund(prisma, found),
    listCaseAdvances(prisma, caseId),
    getCalendarOverrides(prisma, found.regionCode),
  ]);
  const requesterIds = [...new Set(advances.rows.map((r) => r.requestedById))];
  const requesters = await prisma.user.findMany({ where: { id: { in: requesterIds } }, select: { id: true, displayName: true } });
  const names = new Map(requesters.map((u) => [u.id, u.displayName]));
  const existingDue = found.verificationDueOn && isoDateOf(found.verificationDueOn);
  const nextDue = verificationDueDateAfterAdvance(shanghaiDate(now), overrides);
  return {
    caseNo: found.caseNo,
    status: found.status,
    version: found.version,
    caseBalanceFen: found.ledgerAccount?.balanceFen ?? 0,
    verificationDueOn: existingDue,
    isVerificationOverdue: !!existingDue && existingDue < shanghaiDate(now),
    dueOnIfAdvancedToday: existingDue && existingDue < nextDue ? existingDue : nextDue,
    fund: fund && { ...fund, leftFen: Math.max(0, fund.advanceCapFen - advances.usedFen) },
    usedFen: advances.usedFen,
    advances: advances.rows.map((r) => ({
      id: r.id,
      amountFen: r.amountFen,
      purpose: r.purpose,
      status: r.status,
      requestedAt: r.requestedAt,
      fundName: r.fund.name,
      requestedBy: names.get(r.requestedById) ?? null,
    })),
  };
}
