import { forbidden } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { foundOr404 } from "./owned-resource-actions.server.ts";

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

/** The volunteer's own offer for its page: 404 when unknown, 403 when someone else's; the owner id is not sent. */
export async function requireOwnVolunteerOffer(offerId: string, userId: string) {
  const offer = foundOr404(await getOwnVolunteerOffer(offerId));
  if (offer.userId !== userId) forbidden();
  const { userId: _userId, ...rest } = offer;
  return rest;
}
