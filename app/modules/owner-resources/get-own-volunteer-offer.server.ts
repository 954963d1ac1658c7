import { prisma } from "~/utils/db.server.ts";

/** A volunteer offer as its owner edits it, with who owns it (the page answers 403 for anyone else). */
export function getOwnVolunteerOffer(offerId: string) {
  return prisma.volunteerOffer.findUnique({
    where: { id: offerId },
    select: {
      id: true,
      userId: true,
      title: true,
      description: true,
      skills: true,
      regionCodes: true,
      availability: true,
      hoursOffered: true,
      hoursReserved: true,
      hoursDelivered: true,
      status: true,
      availableUntil: true,
      updatedAt: true,
    },
  });
}
