import { describe, expect, it } from "vitest";
import { action as offerAction, loader as offerLoader } from "~/routes/account+/offers.$id.tsx";
import { loader as offersLoader } from "~/routes/account+/offers._index.tsx";
import { action as newOfferAction, loader as newOfferLoader } from "~/routes/account+/offers.new.tsx";
import { action as supplyAction, loader as supplyLoader } from "~/routes/org+/$orgId.supplies.$id.tsx";
import { action as newSupplyAction, loader as newSupplyLoader } from "~/routes/org+/$orgId.supplies.new.tsx";
import { prisma } from "~/utils/db.server.ts";
import { loadVolunteerOfferDocument } from "../../search/public-documents.server.ts";
import { createCounty, createUser } from "../factories/index.ts";
import { createOrganizationWithOwner, createSupplyOfferRow, createVolunteerOfferRow, getAs, postAs, searchRowsFor } from "../factories/owner-resources.ts";

const searchRowCount = () => prisma.outboxEvent.count({ where: { topic: "SEARCH" } });
const auditCount = () => prisma.auditEvent.count();

function supplyFields(regionCode: string, extra: Record<string, string | string[]> = {}) {
  return { itemName: "大米（10 公斤装）", itemCategory: "FOOD", unit: "袋", quantity: "100", regionCodes: [regionCode], description: "当季新米，送货上门。", expiresOn: "2099-06-30", ...extra };
}

function offerFields(regionCode: string, extra: Record<string, string | string[]> = {}) {
  return { title: "就医接送", description: "自有七座车，可接送往返县医院。", skills: ["TRANSPORT", "MEDICAL_ESCORT"], regionCodes: [regionCode], availability: "工作日晚上及周末", hoursOffered: "40", ...extra };
}

describe("supply offers kept by an organisation's members", () => {
  it("creates, edits, pauses and closes a supply offer, each writing organization.upsert for its organisation", async () => {
    const { organization, owner, county } = await createOrganizationWithOwner();
    const params = { orgId: organization.id };
    expect((await getAs(owner.id, newSupplyLoader, `/org/${organization.id}/supplies/new`, params)).status).toBe(200);

    const created = await postAs(owner.id, newSupplyAction, `/org/${organization.id}/supplies/new`, supplyFields(county.code), params);
    expect(created.status).toBe(303);
    const offer = await prisma.supplyOffer.findFirstOrThrow({ where: { organizationId: organization.id } });
    expect(created.headers.get("Location")).toBe(`/org/${organization.id}/supplies/${offer.id}`);
    expect(offer).toMatchObject({ itemName: "大米（10 公斤装）", itemCategory: "FOOD", unit: "袋", quantity: 100, status: "ACTIVE", regionCodes: [county.code] });
    expect(offer.expiresOn?.toISOString()).toBe("2099-06-30T00:00:00.000Z");

    const url = `/org/${organization.id}/supplies/${offer.id}`;
    const one = { ...params, id: offer.id };
    expect((await getAs(owner.id, supplyLoader, url, one)).status).toBe(200);
    expect((await postAs(owner.id, supplyAction, url, { intent: "save", ...supplyFields(county.code, { quantity: "80", expiresOn: "" }) }, one)).status).toBe(303);
    expect(await prisma.supplyOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ quantity: 80, expiresOn: null });
    for (const [intent, status] of [["pause", "PAUSED"], ["resume", "ACTIVE"], ["close", "CLOSED"]] as const) {
      expect((await postAs(owner.id, supplyAction, url, { intent }, one)).status).toBe(303);
      expect((await prisma.supplyOffer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe(status);
    }
    // Supply offers are not search documents: every change re-indexes the organisation that lists them.
    expect(await searchRowsFor("organization.upsert", organization.id)).toHaveLength(5);
    expect((await prisma.auditEvent.findMany({ where: { entityType: "SupplyOffer", entityId: offer.id }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual([
      "supplyOffer.create",
      "supplyOffer.update",
      "supplyOffer.pause",
      "supplyOffer.resume",
      "supplyOffer.close",
    ]);
  });

  it("refuses a quantity below what is reserved, bad input, and a draft started in the past, writing nothing", async () => {
    const { organization, owner, county } = await createOrganizationWithOwner();
    const offer = await createSupplyOfferRow(organization.id, county.code, { quantity: 50, quantityReserved: 30 });
    const one = { orgId: organization.id, id: offer.id };
    const [rows, audits] = [await searchRowCount(), await auditCount()];

    const below = await postAs(owner.id, supplyAction, "/s", { intent: "save", ...supplyFields(county.code, { quantity: "29" }) }, one);
    expect(below.status).toBe(422);
    expect((below.data as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({ quantity: ['ownerResources.errors.quantityBelowReserved|{"reserved":30,"unit":"床"}'] });

    const bad = await postAs(owner.id, newSupplyAction, "/s", supplyFields(county.code, { itemCategory: "GOLD", quantity: "0", unit: "", regionCodes: [] }), { orgId: organization.id });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.data as { fieldErrors: object }).fieldErrors).sort()).toEqual(["itemCategory", "quantity", "regionCodes", "unit"]);
    const past = await postAs(owner.id, newSupplyAction, "/s", supplyFields(county.code, { expiresOn: "2001-01-01" }), { orgId: organization.id });
    expect(past).toMatchObject({ status: 400, data: { fieldErrors: { expiresOn: ["ownerResources.errors.dateInPast"] } } });

    expect(await prisma.supplyOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ quantity: 50, itemName: "棉被" });
    expect(await prisma.supplyOffer.count({ where: { organizationId: organization.id } })).toBe(1);
    expect([await searchRowCount(), await auditCount()]).toEqual([rows, audits]);
  });

  it("keeps non-members and members of unvetted organisations out", async () => {
    const { organization, county } = await createOrganizationWithOwner();
    const offer = await createSupplyOfferRow(organization.id, county.code);
    const { owner: stranger } = await createOrganizationWithOwner();
    const pending = await createOrganizationWithOwner({ status: "PENDING" });
    const rows = await searchRowCount();

    expect((await getAs(stranger.id, supplyLoader, "/s", { orgId: organization.id, id: offer.id })).status).toBe(403);
    expect((await postAs(stranger.id, supplyAction, "/s", { intent: "close" }, { orgId: organization.id, id: offer.id })).status).toBe(403);
    expect((await postAs(stranger.id, newSupplyAction, "/s", supplyFields(county.code), { orgId: organization.id })).status).toBe(403);
    expect((await getAs(pending.owner.id, newSupplyLoader, "/s", { orgId: pending.organization.id })).status).toBe(403);
    expect((await postAs(pending.owner.id, newSupplyAction, "/s", supplyFields(pending.county.code), { orgId: pending.organization.id })).status).toBe(403);
    // Someone else's offer through one's own organisation's address: unknown here.
    expect((await getAs(pending.owner.id, supplyLoader, "/s", { orgId: pending.organization.id, id: offer.id })).status).toBe(404);

    expect((await prisma.supplyOffer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("ACTIVE");
    expect(await prisma.supplyOffer.count({ where: { organizationId: pending.organization.id } })).toBe(0);
    expect(await searchRowCount()).toBe(rows);
  });
});

describe("volunteer offers kept by their volunteer", () => {
  it("creates, edits, pauses, resumes and closes an offer, each with its volunteerOffer.upsert row", async () => {
    const county = await createCounty();
    const volunteer = await createUser({ roles: ["VOLUNTEER", "DONOR"] });
    expect(await getAs(volunteer.id, offersLoader, "/account/offers")).toMatchObject({ status: 200, data: { offers: [] } });
    expect((await getAs(volunteer.id, newOfferLoader, "/account/offers/new")).status).toBe(200);

    const created = await postAs(volunteer.id, newOfferAction, "/account/offers/new", offerFields(county.code, { availableUntil: "2099-12-31" }));
    expect(created.status).toBe(303);
    const offer = await prisma.volunteerOffer.findFirstOrThrow({ where: { userId: volunteer.id } });
    expect(created.headers.get("Location")).toBe(`/account/offers/${offer.id}`);
    expect(offer).toMatchObject({ skills: ["TRANSPORT", "MEDICAL_ESCORT"], regionCodes: [county.code], hoursOffered: 40, hoursReserved: 0, status: "ACTIVE", organizationId: null });
    expect(await loadVolunteerOfferDocument(offer.id)).toMatchObject({ id: `volunteerOffer:${offer.id}`, title: "就医接送" });

    const url = `/account/offers/${offer.id}`;
    const params = { id: offer.id };
    const page = await getAs(volunteer.id, offerLoader, url, params);
    expect(page).toMatchObject({ status: 200, data: { offer: { id: offer.id, hoursOffered: 40 } } });
    expect(JSON.stringify(page.data)).not.toContain(volunteer.id);

    expect((await postAs(volunteer.id, offerAction, url, { intent: "save", ...offerFields(county.code, { hoursOffered: "60", skills: "CARE" }) }, params)).status).toBe(303);
    expect(await prisma.volunteerOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ hoursOffered: 60, skills: ["CARE"], availableUntil: null });
    for (const [intent, status] of [["pause", "PAUSED"], ["resume", "ACTIVE"], ["close", "CLOSED"]] as const) {
      expect((await postAs(volunteer.id, offerAction, url, { intent }, params)).status).toBe(303);
      expect((await prisma.volunteerOffer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe(status);
      if (status === "ACTIVE") expect(await loadVolunteerOfferDocument(offer.id)).not.toBeNull();
      else expect(await loadVolunteerOfferDocument(offer.id)).toBeNull();
    }
    expect(await searchRowsFor("volunteerOffer.upsert", offer.id)).toHaveLength(5);
    expect((await prisma.auditEvent.findMany({ where: { entityType: "VolunteerOffer", entityId: offer.id }, orderBy: { id: "asc" } })).map((e) => [e.action, e.actorId])).toEqual([
      ["volunteerOffer.create", volunteer.id],
      ["volunteerOffer.update", volunteer.id],
      ["volunteerOffer.pause", volunteer.id],
      ["volunteerOffer.resume", volunteer.id],
      ["volunteerOffer.close", volunteer.id],
    ]);
    expect(await postAs(volunteer.id, offerAction, url, { intent: "pause" }, params)).toMatchObject({ status: 422 });
  });

  it("lets only the offer's owner see or change it, and only volunteers use the pages", async () => {
    const county = await createCounty();
    const [owner, other] = [await createUser({ roles: ["VOLUNTEER"] }), await createUser({ roles: ["VOLUNTEER"] })];
    const donor = await createUser({ roles: ["DONOR"] });
    const offer = await createVolunteerOfferRow(owner.id, county.code);
    const params = { id: offer.id };
    const rows = await searchRowCount();

    expect((await getAs(other.id, offerLoader, "/o", params)).status).toBe(403);
    expect((await postAs(other.id, offerAction, "/o", { intent: "close" }, params)).status).toBe(403);
    expect((await postAs(other.id, offerAction, "/o", { intent: "save", ...offerFields(county.code) }, params)).status).toBe(403);
    expect((await getAs(other.id, offersLoader, "/account/offers")).data).toMatchObject({ offers: [] });
    expect((await getAs(donor.id, offersLoader, "/account/offers")).status).toBe(403);
    expect((await postAs(donor.id, newOfferAction, "/account/offers/new", offerFields(county.code))).status).toBe(403);
    expect((await getAs(owner.id, offerLoader, "/o", { id: "nope" })).status).toBe(404);
    expect((await postAs(owner.id, offerAction, "/o", { intent: "pause" }, { id: "nope" })).status).toBe(404);

    expect(await prisma.volunteerOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ status: "ACTIVE", title: "住院陪护" });
    expect(await prisma.volunteerOffer.count({ where: { userId: { in: [other.id, donor.id] } } })).toBe(0);
    expect(await searchRowCount()).toBe(rows);
  });

  it("refuses hours below those reserved and bad input, writing nothing", async () => {
    const county = await createCounty();
    const volunteer = await createUser({ roles: ["VOLUNTEER"] });
    const offer = await createVolunteerOfferRow(volunteer.id, county.code, { hoursOffered: 40, hoursReserved: 12 });
    const [rows, audits] = [await searchRowCount(), await auditCount()];

    const below = await postAs(volunteer.id, offerAction, "/o", { intent: "save", ...offerFields(county.code, { hoursOffered: "11" }) }, { id: offer.id });
    expect(below).toMatchObject({ status: 422, data: { fieldErrors: { hoursOffered: ['ownerResources.errors.hoursBelowReserved|{"reserved":12}'] } } });

    const bad = await postAs(volunteer.id, newOfferAction, "/account/offers/new", offerFields(county.code, { skills: [], hoursOffered: "0", availability: "", regionCodes: ["abc"] }));
    expect(bad.status).toBe(400);
    expect((bad.data as { fieldErrors: Record<string, string[]> }).fieldErrors).toMatchObject({
      skills: ["ownerResources.errors.chooseOne"],
      hoursOffered: ['ownerResources.errors.wholeNumber|{"min":1,"max":100000}'],
      availability: ["validation.required"],
      regionCodes: ["ownerResources.errors.regionUnknown"],
    });
    const past = await postAs(volunteer.id, newOfferAction, "/account/offers/new", offerFields(county.code, { availableUntil: "2001-01-01" }));
    expect(past).toMatchObject({ status: 400, data: { fieldErrors: { availableUntil: ["ownerResources.errors.dateInPast"] } } });

    expect(await prisma.volunteerOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ hoursOffered: 40 });
    expect(await prisma.volunteerOffer.count({ where: { userId: volunteer.id } })).toBe(1);
    expect([await searchRowCount(), await auditCount()]).toEqual([rows, audits]);
  });
});
