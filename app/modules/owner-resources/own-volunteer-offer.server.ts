import type { Tx } from "~/utils/db.server.ts";
import { NotResourceOwnerError, OwnedResourceNotFoundError } from "./owner-resource-errors.server.ts";

/** Reads a volunteer offer for a write by its owner: 404 when unknown, 403 when someone else's. */
export async function findOwnVolunteerOffer(tx: Tx, offerId: string, userId: string) {
  const offer = await tx.volunteerOffer.findUnique({ where: { id: offerId }, select: { id: true, userId: true, status: true } });
  if (!offer) throw new OwnedResourceNotFoundError();
  if (offer.userId !== userId) throw new NotResourceOwnerError();
  return offer;
}
