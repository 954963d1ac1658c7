import { resourceTransition, type ResourceIntent } from "~/domain/resources/resource-status.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { findOwnVolunteerOffer } from "./own-volunteer-offer.server.ts";
import { enqueueIndexUpdate } from "./owned-resource-checks.server.ts";
import { ResourceChangedError, ResourceStepRefusedError } from "./owner-resource-errors.server.ts";

/** Publishes, pauses, resumes or closes a volunteer's own offer by compare-and-set on its status. */
export function changeOwnVolunteerOfferStatus(input: { offerId: string; userId: string; intent: ResourceIntent }) {
  return prisma.$transaction(async (tx) => {
    const offer = await findOwnVolunteerOffer(tx, input.offerId, input.userId);
    const step = resourceTransition(offer.status, input.intent);
    if (!step.ok) throw new ResourceStepRefusedError(step.error);

    const updated = await tx.volunteerOffer.updateMany({ where: { id: offer.id, userId: input.userId, status: offer.status }, data: { status: step.to } });
    if (updated.count !== 1) throw new ResourceChangedError();
    await recordAudit(tx, { actorId: input.userId, action: `volunteerOffer.${input.intent}`, entityType: "VolunteerOffer", entityId: offer.id, fromState: offer.status, toState: step.to });
    await enqueueIndexUpdate(tx, "volunteerOffer", offer.id);
    return { from: offer.status, to: step.to };
  });
}
