import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { creditCodeCheckChar } from "~/domain/credit-code.ts";
import { action as vetAction, loader as organizationLoader } from "~/routes/staff+/organizations.$id.tsx";
import { loader as listLoader } from "~/routes/staff+/organizations._index.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createCounty, createUser, responseOf, signedInRequest } from "../factories/index.ts";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A fresh 统一社会信用代码 with a correct check character (or a wrong one, for the refusal). */
function creditCode(countyCode: string, isValid = true) {
  const body = Array.from({ length: 9 }, () => CHARSET[crypto.randomInt(CHARSET.length)]).join("");
  const first17 = `51${countyCode}${body}`;
  const check = creditCodeCheckChar(first17);
  return `${first17}${isValid ? check : CHARSET[(CHARSET.indexOf(check) + 1) % CHARSET.length]}`;
}

async function createOrganization(opts: { isCodeValid?: boolean; status?: "PENDING" | "VETTED" | "REJECTED" | "SUSPENDED" } = {}) {
  const county = await createCounty();
  return prisma.organization.create({
    data: {
      name: `测试社工服务中心${crypto.randomBytes(3).toString("hex")}`,
      kind: "SOCIAL_WORK",
      creditCode: creditCode(county.code, opts.isCodeValid ?? true),
      status: opts.status ?? "PENDING",
      regionCode: county.code,
      description: "为困难家庭提供个案社会工作服务。",
      contactName: "周主任",
      contactPhone: "0557-8888888",
    },
  });
}

const decide = async (userId: string, id: string, fields: Record<string, string>) =>
  responseOf(async () => vetAction(args(await signedInRequest(userId, `/staff/organizations/${id}`, { method: "POST", body: new URLSearchParams(fields) }), { id })));
const auditOf = (id: string) => prisma.auditEvent.findMany({ where: { entityType: "Organization", entityId: id }, orderBy: { id: "asc" } });

describe("organisation vetting", () => {
  it("vets a pending organisation with a valid credit code: VETTED, vettedAt/by, audited", async () => {
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: "34" });
    const organization = await createOrganization();

    const page = await responseOf(async () => organizationLoader(args(await signedInRequest(staff.id, `/staff/organizations/${organization.id}`), { id: organization.id })));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ organization: { creditCodeCheck: { ok: true }, contactName: "周主任" }, intents: ["vet", "reject"] });

    const result = await decide(staff.id, organization.id, { intent: "vet", expectedStatus: "PENDING" });
    expect(result.status).toBe(303);
    const saved = await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } });
    expect(saved).toMatchObject({ status: "VETTED", vettedById: staff.id, statusReason: null });
    expect(saved.vettedAt).toBeInstanceOf(Date);
    const audit = await auditOf(organization.id);
    expect(audit.map((e) => [e.action, e.actorId, e.fromState, e.toState])).toEqual([["organization.vet", staff.id, "PENDING", "VETTED"]]);
    // The search index learns of it through the outbox, written in the same transaction.
    const outbox = await prisma.outboxEvent.findMany({ where: { topic: "SEARCH", kind: "organization.upsert" } });
    expect(outbox.filter((e) => (e.payload as { id?: string }).id === organization.id)).toHaveLength(1);
  });

  it("answers a rejection without a reason with 400 and writes nothing; with a reason it is recorded", async () => {
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: null });
    const organization = await createOrganization();

    const noReason = await decide(staff.id, organization.id, { intent: "reject", expectedStatus: "PENDING", reason: "   " });
    expect(noReason.status).toBe(400);
    expect(noReason.data).toMatchObject({ fieldErrors: { reason: ["vetting.errors.reasonRequired"] } });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).status).toBe("PENDING");
    expect(await auditOf(organization.id)).toHaveLength(0);

    const rejected = await decide(staff.id, organization.id, { intent: "reject", expectedStatus: "PENDING", reason: "登记证书已过期" });
    expect(rejected.status).toBe(303);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({ status: "REJECTED", statusReason: "登记证书已过期", vettedAt: null });
    const audit = await auditOf(organization.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "organization.reject", fromState: "PENDING", toState: "REJECTED", detail: { reason: "登记证书已过期" } });
  });

  it("refuses to vet an organisation whose credit code fails its check, with 422 and nothing written", async () => {
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: null });
    const organization = await createOrganization({ isCodeValid: false });

    const page = await responseOf(async () => organizationLoader(args(await signedInRequest(staff.id, `/staff/organizations/${organization.id}`), { id: organization.id })));
    expect(page.data).toMatchObject({ organization: { creditCodeCheck: { ok: false, reason: "checksum" } } });

    const result = await decide(staff.id, organization.id, { intent: "vet", expectedStatus: "PENDING" });
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ formError: "vetting.errors.creditCodeInvalid" });
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({ status: "PENDING", vettedAt: null, vettedById: null });
    expect(await auditOf(organization.id)).toHaveLength(0);
    const outbox = await prisma.outboxEvent.findMany({ where: { topic: "SEARCH", kind: "organization.upsert" } });
    expect(outbox.filter((e) => (e.payload as { id?: string }).id === organization.id)).toHaveLength(0);
  });

  it("suspends with a reason and reinstates; a step the status does not allow is 422, a stale page 409", async () => {
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: null });
    const organization = await createOrganization({ status: "VETTED" });

    expect((await decide(staff.id, organization.id, { intent: "vet", expectedStatus: "VETTED" })).status).toBe(422);
    expect((await decide(staff.id, organization.id, { intent: "suspend", expectedStatus: "PENDING", reason: "x" })).status).toBe(409);
    expect((await decide(staff.id, organization.id, { intent: "suspend", expectedStatus: "VETTED" })).status).toBe(400);
    expect(await auditOf(organization.id)).toHaveLength(0);

    expect((await decide(staff.id, organization.id, { intent: "suspend", expectedStatus: "VETTED", reason: "被举报挪用物资，暂停待查" })).status).toBe(303);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({ status: "SUSPENDED", statusReason: "被举报挪用物资，暂停待查" });
    expect((await decide(staff.id, organization.id, { intent: "reinstate", expectedStatus: "SUSPENDED" })).status).toBe(303);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({ status: "VETTED", statusReason: null });
    expect((await auditOf(organization.id)).map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ["organization.suspend", "VETTED", "SUSPENDED"],
      ["organization.reinstate", "SUSPENDED", "VETTED"],
    ]);
  });

  it("two staff vetting at once: one succeeds, the other gets 409", async () => {
    const [a, b] = [await createUser({ roles: ["STAFF"] }), await createUser({ roles: ["STAFF"] })];
    const organization = await createOrganization();
    const results = await Promise.all([
      decide(a.id, organization.id, { intent: "vet", expectedStatus: "PENDING" }),
      decide(b.id, organization.id, { intent: "reject", expectedStatus: "PENDING", reason: "材料不全" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    expect(await auditOf(organization.id)).toHaveLength(1);
  });

  it("refuses the list, the page and the decision to a donor (403) and changes nothing", async () => {
    const donor = await createUser({ roles: ["DONOR"] });
    const organization = await createOrganization();
    expect((await responseOf(async () => listLoader(args(await signedInRequest(donor.id, "/staff/organizations"))))).status).toBe(403);
    expect((await responseOf(async () => organizationLoader(args(await signedInRequest(donor.id, `/staff/organizations/${organization.id}`), { id: organization.id })))).status).toBe(403);
    expect((await decide(donor.id, organization.id, { intent: "vet", expectedStatus: "PENDING" })).status).toBe(403);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).status).toBe("PENDING");
    expect(await auditOf(organization.id)).toHaveLength(0);
  });

  it("lists pending organisations first and answers an unknown id with 404", async () => {
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: "11" });
    await createOrganization({ status: "VETTED" });
    await createOrganization();
    const result = await responseOf(async () => listLoader(args(await signedInRequest(staff.id, "/staff/organizations"))));
    expect(result.status).toBe(200);
    const statuses = (result.data as { rows: { status: string }[] }).rows.map((r) => r.status);
    expect(statuses[0]).toBe("PENDING");
    expect(statuses.lastIndexOf("PENDING")).toBeLessThan(statuses.indexOf("VETTED"));

    const unknown = await responseOf(async () => organizationLoader(args(await signedInRequest(staff.id, "/staff/organizations/nope"), { id: "nope" })));
    expect(unknown.status).toBe(404);
    expect((await decide(staff.id, "nope", { intent: "vet", expectedStatus: "PENDING" })).status).toBe(404);
  });
});
