import { prisma } from "~/utils/db.server.ts";

/** /org/:orgId: the organisation's projects and supply offers, open ones first. */
export async function getOrganizationDesk(organizationId: string) {
  const [projects, supplyOffers] = await Promise.all([
    prisma.project.findMany({
      where: { organizationId },
      orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
      select: { id: true, title: true, status: true, budgetFen: true, reservedFen: true, endsOn: true, updatedAt: true },
    }),
    prisma.supplyOffer.findMany({
      where: { organizationId },
      orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
      select: { id: true, itemName: true, unit: true, status: true, quantity: true, quantityReserved: true, expiresOn: true, updatedAt: true },
    }),
  ]);
  return { projects, supplyOffers };
}
