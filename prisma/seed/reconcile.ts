// Resources' reserved and delivered figures, summed from the commitments in the database (so they
// stay right on a re-run and after the app has added its own commitments to the demo resources).
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { PROJECTS, SUPPLY_OFFERS, VOLUNTEER_OFFERS } from "./resources.ts";

const ACTIVE = ["PLEDGED", "CONFIRMED", "DELIVERED"] as const;

export async function reconcileResources(prisma: PrismaClient) {
  const sums = async (where: { projectId?: string; volunteerOfferId?: string; supplyOfferId?: string }) => {
    const [active, delivered] = await Promise.all([
      prisma.commitment.aggregate({ where: { ...where, status: { in: [...ACTIVE] } }, _sum: { amount: true } }),
      prisma.commitment.aggregate({ where: { ...where, status: "DELIVERED" }, _sum: { amount: true } }),
    ]);
    return { reserved: active._sum.amount ?? 0, delivered: delivered._sum.amount ?? 0 };
  };

  for (const p of Object.values(PROJECTS)) {
    const { reserved } = await sums({ projectId: p.id });
    if (reserved > p.budgetFen) throw new Error(`${p.title}: ${reserved} reserved exceeds the budget`);
    await prisma.project.updateMany({ where: { id: p.id, reservedFen: { not: reserved } }, data: { reservedFen: reserved } });
  }
  for (const v of Object.values(VOLUNTEER_OFFERS)) {
    const { reserved, delivered } = await sums({ volunteerOfferId: v.id });
    if (reserved > v.hoursOffered) throw new Error(`${v.title}: ${reserved} hours reserved exceeds the offer`);
    await prisma.volunteerOffer.updateMany({
      where: { id: v.id, OR: [{ hoursReserved: { not: reserved } }, { hoursDelivered: { not: delivered } }] },
      data: { hoursReserved: reserved, hoursDelivered: delivered },
    });
  }
  for (const s of Object.values(SUPPLY_OFFERS)) {
    const { reserved } = await sums({ supplyOfferId: s.id });
    if (reserved > s.quantity) throw new Error(`${s.itemName}: ${reserved} reserved exceeds the stock`);
    await prisma.supplyOffer.updateMany({ where: { id: s.id, quantityReserved: { not: reserved } }, data: { quantityReserved: reserved } });
  }
}
