import { prisma } from "~/utils/db.server.ts";
import { COMMITMENT_HISTORY_SELECT, toCommitmentHistoryRow } from "./commitment-history-row.server.ts";
import { MY_HISTORY_LIMIT } from "./list-my-donations.server.ts";

/** A volunteer's offers with hours offered, reserved and delivered, and the assignments on them. */
export async function listMyVolunteerHours(userId: string) {
  const [offers, assignments] = await Promise.all([
    prisma.volunteerOffer.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, title: true, status: true, hoursOffered: true, hoursReserved: true, hoursDelivered: true },
    }),
    prisma.commitment.findMany({
      where: { volunteerOffer: { is: { userId } } },
      orderBy: [{ pledgedAt: "desc" }, { id: "desc" }],
      take: MY_HISTORY_LIMIT,
      select: COMMITMENT_HISTORY_SELECT,
    }),
  ]);
  const totals = offers.reduce(
    (sum, o) => ({ offered: sum.offered + o.hoursOffered, reserved: sum.reserved + o.hoursReserved, delivered: sum.delivered + o.hoursDelivered }),
    { offered: 0, reserved: 0, delivered: 0 },
  );
  return { offers, totals, assignments: assignments.map(toCommitmentHistoryRow) };
}
