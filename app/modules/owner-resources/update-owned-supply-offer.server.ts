import { isResourceEditable } from "~/domain/resources/resource-status.ts";
import { prisma } from "~/utils/db.server.ts";
import { msg } from "~/utils/validation.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { supplyOfferColumns } from "./create-owned-supply-offer.server.ts";
import { assertOrganizationVetted, assertRegionCodesKnown, enqueueIndexUpdate } from "./owned-resource-checks.server.ts";
import { OwnedResourceNotFoundError, ResourceChangedError, ResourceFieldsRefusedError, ResourceStepRefusedError } from "./owner-resource-errors.server.ts";
import type { SupplyOfferForm } from "./owner-resource-schemas.ts";

/** Saves a supply offer's details; the stock never goes below what is reserved (compare-and-set). */
export function updateOwnedSupplyOffer(input: { organizationId: string; supplyOfferId: string; actorId: string; form: SupplyOfferForm }) {
  return prisma.$transaction(async (tx) => {
    await assertOrganizationVetted(tx, input.organizationId);
    const offer = await tx.supplyOffer.findFirst({ where: { id: input.supplyOfferId, organizationId: input.organizationId }, select: { id: true, status: true } });
    if (!offer) throw new OwnedResourceNotFoundError();
    if (!isResourceEditable(offer.status)) throw new ResourceStepRefusedError("closed");
    await assertRegionCodesKnown(tx, input.form.regionCodes);

    const updated = await tx.supplyOffer.updateMany({
      where: { id: offer.id, status: offer.status, quantityReserved: { lte: input.form.quantity } },
      data: supplyOfferColumns(input.form),
    });
    if (updated.count !== 1) {
      const now = await tx.supplyOffer.findUniqueOrThrow({ where: { id: offer.id }, select: { quantityReserved: true, unit: true } });
      if (now.quantityReserved > input.form.quantity) {
        throw new ResourceFieldsRefusedError({ quantity: [msg("ownerResources.errors.quantityBelowReserved", { reserved: now.quantityReserved, unit: now.unit })] });
      }
      throw new ResourceChangedError();
    }
    await recordAudit(tx, { actorId: input.actorId, action: "supplyOffer.update", entityType: "SupplyOffer", entityId: offer.id });
    await enqueueIndexUpdate(tx, "organization", input.organizationId);
    return { id: offer.id };
  });
}
