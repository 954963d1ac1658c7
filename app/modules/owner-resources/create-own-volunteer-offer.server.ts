import { initialResourceStatus } from "~/domain/resources/resource-status.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { assertNotBeforeToday, assertRegionCodesKnown, dateColumn, enqueueIndexUpdate } from "./owned-resource-checks.server.ts";
import type { VolunteerOfferForm } from "./owner-resource-schemas.ts";

export function volunteerOfferColumns(form: VolunteerOfferForm) {
  return {
    title: form.title,
    description: form.description,
    skills: form.skills,
    regionCodes: form.regionCodes,
    availability: form.availability,
    hoursOffered: form.hoursOffered,
    availableUntil: dateColumn(form.availableUntil),
  };
}

/** A volunteer offers time: skills, area, availability and hours, with its search outbox row. */
export function createOwnVolunteerOffer(input: { userId: string; form: VolunteerOfferForm }, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    await assertRegionCodesKnown(tx, input.form.regionCodes);
    assertNotBeforeToday({ availableUntil: input.form.availableUntil }, shanghaiDate(now));

    const status = initialResourceStatus(input.form.saveAs === "ACTIVE");
    const offer = await tx.volunteerOffer.create({ data: { userId: input.userId, status, ...volunteerOfferColumns(input.form) }, select: { id: true } });
    await recordAudit(tx, { actorId: input.userId, action: "volunteerOffer.create", entityType: "VolunteerOffer", entityId: offer.id, toState: status });
    await enqueueIndexUpdate(tx, "volunteerOffer", offer.id);
    return { id: offer.id, status };
  });
}
