import { prisma } from "~/utils/db.server.ts";

/** A supply offer as its organisation's members edit it; null when it is not this organisation's. */
export function getOwnedSupplyOffer(organizationId: string, supplyOfferId: string) {
  return prisma.supplyOffer.findFirst({
    where: { id: supplyOfferId, organizationId },
    select: {
      id: true,
      itemName: true,
      itemCategory: true,
      unit: true,
      quantity: true,
      quantityReserved: true,
      regionCodes: true,
      description: true,
      expiresOn: true,
      status: true,
      updatedAt: true,
    },
  });
}
