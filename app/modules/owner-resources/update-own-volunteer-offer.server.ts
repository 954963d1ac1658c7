import { isResourceEditable } from "~/domain/resources/resource-status.ts";
import { prisma } from "~/utils/db.server.ts";
import { msg } from "~/utils/validation.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { volunteerOfferColumns } from "./create-own-volunteer-offer.server.ts";
import { findOwnVolunteerOffer } from "./own-volunteer-offer.server.ts";
import { assertRegionCodesKnown, enqueueIndexUpdate } from "./owned-resource-checks.server.ts";
import { ResourceChangedError, ResourceFieldsRefusedError, ResourceStepRefusedError } from "./owner-resource-errors.server.ts";
import type { VolunteerOfferForm } from "./owner-resource-schemas.ts";

/** Saves a volunteer's offer; the hours never go below those already reserved (compare-and-set). */
export function updateOwnVolunteerOffer(input: { offerId: string; userId: string; form: VolunteerOfferForm }) {
  return prisma.$transaction(async (tx) => {
    const offer = await findOwnVolunteerOffer(tx, input.offerId, input.userId);
    if (!isResourceEditable(offer.status)) throw new ResourceStepRefusedError("closed");
    await assertRegionCodesKnown(tx, input.form.regionCodes);

    const updated = await tx.volunteerOffer.updateMany({
      where: { id: offer.id, userId: input.userId, status: offer.status, hoursReserved: { lte: input.form.hoursOffered } },
      data: volunteerOfferColumns(input.form),
    });
    if (updated.count !== 1) {
      const now = await tx.volunteerOffer.findUniqueOrThrow({ where: { id: offer.id }, select: { hoursReserved: true } });
      if (now.hoursReserved > input.form.hoursOffered) {
        throw new ResourceFieldsRefusedError({ hoursOffered: [msg("ownerResources.errors.hoursBelowReserved", { reserved: now.hoursReserved })] });
      }
      throw new ResourceChangedError();
    }
    await recordAudit(tx, { actorId: input.userId, action: "volunteerOffer.update", entityType: "VolunteerOffer", entityId: offer.id });
    await enqueueIndexUpdate(tx, "volunteerOffer", offer.id);
    return { id: offer.id };
  });
}
