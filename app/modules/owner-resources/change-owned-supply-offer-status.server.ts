import { resourceTransition, type ResourceIntent } from "~/domain/resources/resource-status.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { assertOrganizationVetted, enqueueIndexUpdate } from "./owned-resource-checks.server.ts";
import { OwnedResourceNotFoundError, ResourceChangedError, ResourceStepRefusedError } from "./owner-resource-errors.server.ts";

/** Publishes, pauses, resumes or closes a supply offer by compare-and-set on its status. */
export function changeOwnedSupplyOfferStatus(input: { organizationId: string; supplyOfferId: string; actorId: string; intent: ResourceIntent }) {
  return prisma.$transaction(async (tx) => {
    await assertOrganizationVetted(tx, input.organizationId);
    const offer = await tx.supplyOffer.findFirst({ where: { id: input.supplyOfferId, organizationId: input.organizationId }, select: { id: true, status: true } });
    if (!offer) throw new OwnedResourceNotFoundError();
    const step = resourceTransition(offer.status, input.intent);
    if (!step.ok) throw new ResourceStepRefusedError(step.error);

    const updated = await tx.supplyOffer.updateMany({ where: { id: offer.id, status: offer.status }, data: { status: step.to } });
    if (updated.count !== 1) throw new ResourceChangedError();
    await recordAudit(tx, { actorId: input.actorId, action: `supplyOffer.${input.intent}`, entityType: "SupplyOffer", entityId: offer.id, fromState: offer.status, toState: step.to });
    await enqueueIndexUpdate(tx, "organization", input.organizationId);
    return { from: offer.status, to: step.to };
  });
}
