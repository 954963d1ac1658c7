import { prisma } from "~/utils/db.server.ts";

/** /account/offers: a volunteer's own offers, open ones first. */
export function listOwnVolunteerOffers(userId: string) {
  return prisma.volunteerOffer.findMany({
    where: { userId },
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
    select: { id: true, title: true, skills: true, status: true, hoursOffered: true, hoursReserved: true, hoursDelivered: true, availableUntil: true, updatedAt: true },
  });
}
