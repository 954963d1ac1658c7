// The resource half of a plan pick (DESIGN §5): a project's budget and per-case cap, a supply
// offer's stock or a volunteer's hours are reserved by ONE compare-and-set UPDATE each, in the
// pick's transaction, so two staff picking the last 10 quilts or the last ¥2,000 cannot both win.
import type { Tx } from "~/utils/db.server.ts";

/** The plan sources whose owners accept or decline (a fund pick is a grant: funds module). */
export const OWNER_SOURCES = ["PROJECT", "SUPPLY_OFFER", "VOLUNTEER_OFFER"] as const;
export type OwnerSource = (typeof OWNER_SOURCES)[number];

/** The resource has less left than asked (or is no longer active): `remaining` is what it has. */
export class ResourceCapacityError extends Error {
  constructor(readonly remaining: number) {
    super(`resource has ${remaining} left`);
    this.name = "ResourceCapacityError";
  }
}

/** Statuses whose amounts a project's budget, an offer's stock or hours hold (Need.committed counts the same). */
const ACTIVE = ["PLEDGED", "CONFIRMED", "DELIVERED"];

/**
 * Reserves `amount` of the resource for a commitment of case `caseId`, or throws
 * ResourceCapacityError and changes nothing.
 *
 * A project's per-case cap sums this project's active commitments on the case, a row of another
 * table: an UPDATE that waited for a concurrent pick's row lock would re-check its own row but read
 * that table with its old snapshot. So the project row is locked first (SELECT … FOR UPDATE), and
 * the compare-and-set that follows, a new statement, sees every pick committed before it.
 */
export async function reservePlanResource(tx: Tx, input: { source: OwnerSource; resourceId: string; caseId: string; amount: number; today: string }): Promise<void> {
  const { resourceId, caseId, amount } = input;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`amount must be a positive integer, got ${amount}`);
  let changed: number;
  if (input.source === "PROJECT") {
    await tx.$queryRaw`SELECT "id" FROM "Project" WHERE "id" = ${resourceId} FOR UPDATE`;
    changed = await tx.$executeRaw`
      UPDATE "Project" p SET "reservedFen" = p."reservedFen" + ${amount}
       WHERE p."id" = ${resourceId} AND p."status" = 'ACTIVE' AND p."reservedFen" + ${amount} <= p."budgetFen"
         AND (SELECT COALESCE(SUM(c."amount"), 0) FROM "Commitment" c
               WHERE c."projectId" = p."id" AND c."caseId" = ${caseId} AND c."status"::text = ANY(${ACTIVE})) + ${amount} <= p."perCaseCapFen"`;
  } else if (input.source === "SUPPLY_OFFER") {
    changed = await tx.$executeRaw`
      UPDATE "SupplyOffer" SET "quantityReserved" = "quantityReserved" + ${amount}
       WHERE "id" = ${resourceId} AND "status" = 'ACTIVE' AND "quantityReserved" + ${amount} <= "quantity"
         AND ("expiresOn" IS NULL OR "expiresOn" >= ${input.today}::date)`;
  } else {
    changed = await tx.$executeRaw`
      UPDATE "VolunteerOffer" SET "hoursReserved" = "hoursReserved" + ${amount}
       WHERE "id" = ${resourceId} AND "status" = 'ACTIVE' AND "hoursReserved" + ${amount} <= "hoursOffered"
         AND ("availableUntil" IS NULL OR "availableUntil" >= ${input.today}::date)`;
  }
  if (changed !== 1) throw new ResourceCapacityError(await remainingCapacity(tx, input));
}

/** What the resource can still give this case (0 when it is not active or unknown). */
export async function remainingCapacity(tx: Tx, input: { source: OwnerSource; resourceId: string; caseId: string }): Promise<number> {
  if (input.source === "PROJECT") {
    const project = await tx.project.findUnique({ where: { id: input.resourceId }, select: { status: true, budgetFen: true, reservedFen: true, perCaseCapFen: true } });
    if (!project || project.status !== "ACTIVE") return 0;
    const onCase = await tx.commitment.aggregate({
      where: { projectId: input.resourceId, caseId: input.caseId, status: { in: ["PLEDGED", "CONFIRMED", "DELIVERED"] } },
      _sum: { amount: true },
    });
    return Math.max(0, Math.min(project.budgetFen - project.reservedFen, project.perCaseCapFen - (onCase._sum.amount ?? 0)));
  }
  if (input.source === "SUPPLY_OFFER") {
    const offer = await tx.supplyOffer.findUnique({ where: { id: input.resourceId }, select: { status: true, quantity: true, quantityReserved: true } });
    return offer && offer.status === "ACTIVE" ? Math.max(0, offer.quantity - offer.quantityReserved) : 0;
  }
  const offer = await tx.volunteerOffer.findUnique({ where: { id: input.resourceId }, select: { status: true, hoursOffered: true, hoursReserved: true } });
  return offer && offer.status === "ACTIVE" ? Math.max(0, offer.hoursOffered - offer.hoursReserved) : 0;
}
