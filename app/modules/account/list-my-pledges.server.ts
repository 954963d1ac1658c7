import { prisma } from "~/utils/db.server.ts";
import { COMMITMENT_HISTORY_SELECT, toCommitmentHistoryRow } from "./commitment-history-row.server.ts";
import { MY_HISTORY_LIMIT } from "./list-my-donations.server.ts";

/**
 * Goods and hours a person pledged themselves (认领). Cash gifts are listed as donations, pledges
 * made for one of the person's organisations under that organisation, and hours reserved on the
 * person's own volunteer offers under their offers, so nothing shows twice.
 */
export async function listMyPledges(userId: string) {
  const rows = await prisma.commitment.findMany({
    where: {
      pledgerId: userId,
      source: { not: "DONATION" },
      NOT: [{ volunteerOffer: { is: { userId } } }, { organization: { is: { members: { some: { userId } } } } }],
    },
    orderBy: [{ pledgedAt: "desc" }, { id: "desc" }],
    take: MY_HISTORY_LIMIT,
    select: COMMITMENT_HISTORY_SELECT,
  });
  return rows.map(toCommitmentHistoryRow);
}
