import { prisma } from "~/utils/db.server.ts";

const RECENT = 50;

/** A signed-in person's own gifts, pledges and volunteer offers. */
export async function getAccountOverview(userId: string) {
  const [user, donations, commitments, volunteerOffers] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { displayName: true, email: true, roles: true } }),
    prisma.donation.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: RECENT,
      select: { id: true, receiptNo: true, amountFen: true, status: true, createdAt: true, case: { select: { caseNo: true } } },
    }),
    prisma.commitment.findMany({
      where: { pledgerId: userId },
      orderBy: { pledgedAt: "desc" },
      take: RECENT,
      select: { id: true, amount: true, status: true, pledgedAt: true, case: { select: { caseNo: true } }, need: { select: { title: true, kind: true, unit: true } } },
    }),
    prisma.volunteerOffer.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true, status: true, hoursOffered: true, hoursReserved: true },
    }),
  ]);
  return { user, donations, commitments, volunteerOffers };
}
