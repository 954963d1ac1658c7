import { initialResourceStatus } from "~/domain/resources/resource-status.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { assertNotBeforeToday, assertOrganizationVetted, assertRegionCodesKnown, dateColumn, enqueueIndexUpdate } from "./owned-resource-checks.server.ts";
import type { SupplyOfferForm } from "./owner-resource-schemas.ts";

export function supplyOfferColumns(form: SupplyOfferForm) {
  return {
    itemName: form.itemName,
    itemCategory: form.itemCategory,
    unit: form.unit,
    quantity: form.quantity,
    regionCodes: form.regionCodes,
    description: form.description,
    expiresOn: dateColumn(form.expiresOn),
  };
}

/**
 * A vetted organisation's standing offer of goods. Supply offers are not search documents, but
 * the organisation's public page lists them, so its `organization.upsert` row is written.
 */
export function createOwnedSupplyOffer(input: { organizationId: string; actorId: string; form: SupplyOfferForm }, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    await assertOrganizationVetted(tx, input.organizationId);
    await assertRegionCodesKnown(tx, input.form.regionCodes);
    assertNotBeforeToday({ expiresOn: input.form.expiresOn }, shanghaiDate(now));

    const status = initialResourceStatus(input.form.saveAs === "ACTIVE");
    const offer = await tx.supplyOffer.create({
      data: { organizationId: input.organizationId, status, ...supplyOfferColumns(input.form) },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: input.actorId, action: "supplyOffer.create", entityType: "SupplyOffer", entityId: offer.id, toState: status });
    await enqueueIndexUpdate(tx, "organization", input.organizationId);
    return { id: offer.id, status };
  });
}
