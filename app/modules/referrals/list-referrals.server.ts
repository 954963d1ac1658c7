import { isFinalStatus } from "~/domain/case-lifecycle/case-transitions.ts";
import { allowedReferralIntents, isReferralOverdue } from "~/domain/referral-status.ts";
import { addWorkingDays } from "~/domain/working-days.ts";
import { isoDateOf } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { getCalendarOverrides } from "../regions/get-calendar-overrides.server.ts";

/** A new referral is due this many working days after today unless staff choose otherwise. */
export const DEFAULT_REFERRAL_WORKING_DAYS = 5;

/**
 * The referrals tab: every referral of the case (oldest first) with its overdue flag and the answers
 * it can still take, and the default due date for a new one from the region's working-day calendar.
 */
export async function getReferralsTab(caseId: string, today: string) {
  const record = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      status: true,
      regionCode: true,
      referrals: {
        orderBy: [{ sentAt: "asc" }, { id: "asc" }],
        select: { id: true, department: true, request: true, status: true, version: true, dueOn: true, result: true, sentAt: true, answeredAt: true, doneAt: true },
      },
    },
  });
  const overrides = await getCalendarOverrides(prisma, record.regionCode, { from: today });
  const isFinal = isFinalStatus(record.status);
  return {
    caseStatus: record.status,
    isFinal,
    defaultDueOn: addWorkingDays(today, DEFAULT_REFERRAL_WORKING_DAYS, overrides),
    referrals: record.referrals.map((r) => {
      const dueOn = isoDateOf(r.dueOn);
      return {
        ...r,
        dueOn,
        isOverdue: isReferralOverdue({ status: r.status, dueOn }, today),
        intents: isFinal ? [] : allowedReferralIntents(r.status),
      };
    }),
  };
}

export type ReferralRow = Awaited<ReturnType<typeof getReferralsTab>>["referrals"][number];
