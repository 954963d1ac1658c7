import { describe, expect, it } from "vitest";
import { RESOURCE_STATUSES } from "~/domain/resources/resource-status.ts";
import { ResourceStatus } from "~/generated/prisma/enums.ts";
import { action as newProjectAction, loader as newProjectLoader } from "~/routes/org+/$orgId.projects.new.tsx";
import { action as projectAction, loader as projectLoader } from "~/routes/org+/$orgId.projects.$id.tsx";
import { loader as deskLoader } from "~/routes/org+/$orgId._index.tsx";
import { loader as orgIndexLoader } from "~/routes/org+/_index.tsx";
import { action as registerAction, loader as registerLoader } from "~/routes/org+/register.tsx";
import { action as vetAction } from "~/routes/staff+/organizations.$id.tsx";
import { prisma } from "~/utils/db.server.ts";
import { loadProjectDocument } from "../../search/public-documents.server.ts";
import { createCounty, createUser, responseOf } from "../factories/index.ts";
import { createOrganizationWithOwner, createProjectRow, getAs, makeCreditCode, postAs, searchRowsFor } from "../factories/owner-resources.ts";

const searchRowCount = () => prisma.outboxEvent.count({ where: { topic: "SEARCH" } });
const auditCount = () => prisma.auditEvent.count();

function signupFields(regionCode: string, creditCode: string, extra: Record<string, string> = {}) {
  return {
    name: "萧县爱心帮扶协会",
    kind: "SOCIAL_WORK",
    creditCode,
    regionCode,
    description: "为县域困难家庭提供个案社会工作服务和物资帮扶。",
    contactName: "王主任",
    contactPhone: "0557-5012345",
    website: "https://example.org",
    ...extra,
  };
}

function projectFields(regionCode: string, extra: Record<string, string | string[]> = {}) {
  return {
    title: "困境儿童助学",
    summary: "资助因灾因病致困家庭的在读学生。",
    description: "每学期资助学杂费和生活费。",
    categories: ["EDUCATION", "DISASTER"],
    regionCodes: [regionCode],
    minAge: "6",
    maxAge: "18",
    conditionTags: ["STUDENT"],
    perCaseCap: "3000",
    budget: "200000.50",
    startsOn: "2026-01-01",
    ...extra,
  };
}

describe("the domain's resource statuses", () => {
  it("match the Prisma enum", () => {
    expect([...RESOURCE_STATUSES].sort()).toEqual(Object.values(ResourceStatus).sort());
  });
});

describe("organisation sign-up", () => {
  it("creates a PENDING organisation with the applicant as OWNER, the ORG_MEMBER role, an audit event and an outbox row", async () => {
    const county = await createCounty();
    const applicant = await createUser({ roles: ["DONOR"] });
    const code = makeCreditCode(county.code);

    // Anyone signed in may open the form and the desk (empty state with the link to it).
    expect((await getAs(applicant.id, registerLoader, "/org/register")).status).toBe(200);
    const emptyDesk = await getAs(applicant.id, orgIndexLoader, "/org");
    expect(emptyDesk).toMatchObject({ status: 200, data: { memberships: [] } });

    // Typed in lower case: stored as printed on the licence.
    const result = await postAs(applicant.id, registerAction, "/org/register", signupFields(county.code, code.toLowerCase()));
    expect(result.status).toBe(303);
    const organization = await prisma.organization.findUniqueOrThrow({ where: { creditCode: code }, include: { members: true } });
    expect(result.headers.get("Location")).toBe(`/org/${organization.id}`);
    expect(organization).toMatchObject({ status: "PENDING", kind: "SOCIAL_WORK", regionCode: county.code, contactPhone: "0557-5012345", website: "https://example.org", vettedAt: null });
    expect(organization.members).toEqual([expect.objectContaining({ userId: applicant.id, role: "OWNER" })]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: applicant.id } })).roles.sort()).toEqual(["DONOR", "ORG_MEMBER"]);

    const audit = await prisma.auditEvent.findMany({ where: { entityType: "Organization", entityId: organization.id } });
    expect(audit).toEqual([expect.objectContaining({ action: "organization.register", actorId: applicant.id, toState: "PENDING" })]);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain("王主任");
    expect(await searchRowsFor("organization.upsert", organization.id)).toHaveLength(1);

    // The desk now lists it, and its page says it waits for vetting.
    const desk = await getAs(applicant.id, orgIndexLoader, "/org");
    expect((desk.data as { memberships: unknown[] }).memberships).toHaveLength(1);
    const page = await getAs(applicant.id, deskLoader, `/org/${organization.id}`, { orgId: organization.id });
    expect(page).toMatchObject({ status: 200, data: { organization: { status: "PENDING", isVetted: false }, memberRole: "OWNER" } });

    // Staff vet it at the existing page.
    const staff = await createUser({ roles: ["STAFF"] });
    const vet = await postAs(staff.id, vetAction, `/staff/organizations/${organization.id}`, { intent: "vet", expectedStatus: "PENDING" }, { id: organization.id });
    expect(vet.status).toBe(303);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).status).toBe("VETTED");
  });

  it("answers a wrong check character or a malformed code with 400 and a field message, writing nothing", async () => {
    const county = await createCounty();
    const applicant = await createUser({ roles: ["VOLUNTEER"] });
    const [rows, audits] = [await searchRowCount(), await auditCount()];

    const badCheck = makeCreditCode(county.code, false);
    const checksum = await postAs(applicant.id, registerAction, "/org/register", signupFields(county.code, badCheck));
    expect(checksum.status).toBe(400);
    expect(checksum.data).toMatchObject({ fieldErrors: { creditCode: ["orgSignup.errors.creditCode.checksum"] }, values: { creditCode: badCheck } });

    const format = await postAs(applicant.id, registerAction, "/org/register", signupFields(county.code, "12345"));
    expect(format.data).toMatchObject({ fieldErrors: { creditCode: ["orgSignup.errors.creditCode.format"] } });

    const others = await postAs(applicant.id, registerAction, "/org/register", { ...signupFields(county.code, makeCreditCode(county.code)), kind: "CLUB", contactPhone: "abc", website: "ftp://x", name: "" });
    expect(others.status).toBe(400);
    expect(Object.keys((others.data as { fieldErrors: object }).fieldErrors).sort()).toEqual(["contactPhone", "kind", "name", "website"]);

    // A region that is not a stored county: 400 from the write, still nothing written.
    const region = await postAs(applicant.id, registerAction, "/org/register", signupFields("999999", makeCreditCode(county.code)));
    expect(region).toMatchObject({ status: 400, data: { fieldErrors: { regionCode: ["ownerResources.errors.regionUnknown"] } } });

    expect(await prisma.organization.count({ where: { regionCode: county.code } })).toBe(0);
    expect(await prisma.organizationMember.count({ where: { userId: applicant.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: applicant.id } })).roles).toEqual(["VOLUNTEER"]);
    expect([await searchRowCount(), await auditCount()]).toEqual([rows, audits]);
  });

  it("refuses a credit code already registered with 409 and a field message", async () => {
    const county = await createCounty();
    const [first, second] = [await createUser({ roles: ["DONOR"] }), await createUser({ roles: ["DONOR"] })];
    const code = makeCreditCode(county.code);
    expect((await postAs(first.id, registerAction, "/org/register", signupFields(county.code, code))).status).toBe(303);
    const rows = await searchRowCount();

    const again = await postAs(second.id, registerAction, "/org/register", signupFields(county.code, code));
    expect(again).toMatchObject({ status: 409, data: { fieldErrors: { creditCode: ["orgSignup.errors.creditCodeTaken"] } } });
    expect(await prisma.organization.count({ where: { creditCode: code } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: second.id } })).roles).toEqual(["DONOR"]);
    expect(await searchRowCount()).toBe(rows);

    // Two applications racing for one code: exactly one organisation.
    const county2 = await createCounty();
    const code2 = makeCreditCode(county2.code);
    const results = await Promise.all([first, second].map((u) => postAs(u.id, registerAction, "/org/register", signupFields(county2.code, code2))));
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    expect(await prisma.organization.count({ where: { creditCode: code2 } })).toBe(1);
  });

  it("sends an anonymous visitor to log in", async () => {
    const result = await responseOf(() => registerLoader({ request: new Request("http://localhost/org/register"), params: {}, context: {} }));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/login?redirectTo=%2Forg%2Fregister");
  });
});

describe("projects kept by an organisation's members", () => {
  it("refuses non-members (403), unknown organisations (404) and people without the role (403), writing nothing", async () => {
    const { organization, county } = await createOrganizationWithOwner();
    const { owner: stranger } = await createOrganizationWithOwner();
    const donor = await createUser({ roles: ["DONOR"] });
    const project = await createProjectRow(organization.id, county.code);
    const params = { orgId: organization.id };
    const rows = await searchRowCount();

    expect((await getAs(stranger.id, deskLoader, `/org/${organization.id}`, params)).status).toBe(403);
    expect((await getAs(stranger.id, newProjectLoader, `/org/${organization.id}/projects/new`, params)).status).toBe(403);
    expect((await postAs(stranger.id, newProjectAction, `/org/${organization.id}/projects/new`, projectFields(county.code), params)).status).toBe(403);
    expect((await getAs(stranger.id, projectLoader, "/p", { ...params, id: project.id })).status).toBe(403);
    expect((await postAs(stranger.id, projectAction, "/p", { intent: "pause" }, { ...params, id: project.id })).status).toBe(403);
    expect((await getAs(donor.id, deskLoader, `/org/${organization.id}`, params)).status).toBe(403);
    expect((await getAs(stranger.id, deskLoader, "/org/nope", { orgId: "nope" })).status).toBe(404);

    expect(await prisma.project.count({ where: { organizationId: organization.id } })).toBe(1);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe("ACTIVE");
    expect(await searchRowCount()).toBe(rows);
  });

  it.each(["PENDING", "REJECTED", "SUSPENDED"] as const)("a member of a %s organisation sees the page with its status but cannot create or change", async (status) => {
    const { organization, owner, county } = await createOrganizationWithOwner({ status });
    const project = await createProjectRow(organization.id, county.code);
    const params = { orgId: organization.id };
    const rows = await searchRowCount();

    const page = await getAs(owner.id, deskLoader, `/org/${organization.id}`, params);
    expect(page).toMatchObject({ status: 200, data: { organization: { status, isVetted: false } } });
    expect((await getAs(owner.id, newProjectLoader, `/org/${organization.id}/projects/new`, params)).status).toBe(403);
    expect((await postAs(owner.id, newProjectAction, `/org/${organization.id}/projects/new`, projectFields(county.code), params)).status).toBe(403);
    // Its existing project can be looked at, not changed.
    expect((await getAs(owner.id, projectLoader, "/p", { ...params, id: project.id })).status).toBe(200);
    expect((await postAs(owner.id, projectAction, "/p", { intent: "close" }, { ...params, id: project.id })).status).toBe(403);
    expect((await postAs(owner.id, projectAction, "/p", { intent: "save", ...projectFields(county.code) }, { ...params, id: project.id })).status).toBe(403);

    expect(await prisma.project.count({ where: { organizationId: organization.id } })).toBe(1);
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ status: "ACTIVE", title: "大病医疗救助" });
    expect(await searchRowCount()).toBe(rows);
  });

  it("creates a project with amounts entered in 元 stored as 分, its ledger account, audit event and outbox row", async () => {
    const { organization, owner, county } = await createOrganizationWithOwner();
    const params = { orgId: organization.id };
    expect((await getAs(owner.id, newProjectLoader, `/org/${organization.id}/projects/new`, params)).status).toBe(200);

    const result = await postAs(owner.id, newProjectAction, `/org/${organization.id}/projects/new`, projectFields(county.code), params);
    expect(result.status).toBe(303);
    const project = await prisma.project.findFirstOrThrow({ where: { organizationId: organization.id } });
    expect(result.headers.get("Location")).toBe(`/org/${organization.id}/projects/${project.id}`);
    expect(project).toMatchObject({
      status: "ACTIVE",
      budgetFen: 20_000_050,
      perCaseCapFen: 300_000,
      reservedFen: 0,
      categories: ["EDUCATION", "DISASTER"],
      regionCodes: [county.code],
      minAge: 6,
      maxAge: 18,
      conditionTags: ["STUDENT"],
      endsOn: null,
    });
    expect(project.startsOn?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(await prisma.ledgerAccount.findUnique({ where: { code: `project:${project.id}` } })).toMatchObject({ kind: "PROJECT", projectId: project.id, balanceFen: 0 });
    expect(await prisma.auditEvent.findMany({ where: { entityType: "Project", entityId: project.id } })).toEqual([expect.objectContaining({ action: "project.create", actorId: owner.id, toState: "ACTIVE" })]);
    expect(await searchRowsFor("project.upsert", project.id)).toHaveLength(1);
    expect(await loadProjectDocument(project.id)).toMatchObject({ id: `project:${project.id}`, title: "困境儿童助学" });

    // A draft is kept out of the index until published.
    await postAs(owner.id, newProjectAction, `/org/${organization.id}/projects/new`, projectFields(county.code, { title: "草稿项目", saveAs: "DRAFT" }), params);
    const draft = await prisma.project.findFirstOrThrow({ where: { organizationId: organization.id, title: "草稿项目" } });
    expect(draft.status).toBe("DRAFT");
    expect(await searchRowsFor("project.upsert", draft.id)).toHaveLength(1);
    expect(await loadProjectDocument(draft.id)).toBeNull();
    expect((await postAs(owner.id, projectAction, "/p", { intent: "publish" }, { ...params, id: draft.id })).status).toBe(303);
    expect(await loadProjectDocument(draft.id)).not.toBeNull();
  });

  it("answers bad input with 400 and field messages, writing nothing", async () => {
    const { organization, owner, county } = await createOrganizationWithOwner();
    const params = { orgId: organization.id };
    const [rows, audits] = [await searchRowCount(), await auditCount()];

    const bad = await postAs(owner.id, newProjectAction, `/org/${organization.id}/projects/new`,
      projectFields(county.code, { budget: "12.345", perCaseCap: "-5", categories: [], minAge: "20", maxAge: "10", conditionTags: ["ALIENS"], startsOn: "2026-02-30", title: "" }), params);
    expect(bad.status).toBe(400);
    expect((bad.data as { fieldErrors: Record<string, string[]> }).fieldErrors).toMatchObject({
      title: ["validation.required"],
      budget: ["validation.amountFormat"],
      perCaseCap: ["validation.amountPositive"],
      categories: ["ownerResources.errors.chooseOne"],
      conditionTags: ["validation.invalid"],
      startsOn: ["ownerResources.errors.date"],
    });
    // The submitted values come back so the form keeps them (checkbox groups joined).
    expect((bad.data as { values: Record<string, string> }).values).toMatchObject({ conditionTags: "ALIENS", budget: "12.345" });

    const rules = await postAs(owner.id, newProjectAction, `/org/${organization.id}/projects/new`,
      projectFields(county.code, { perCaseCap: "300000", budget: "1000", minAge: "20", maxAge: "10", startsOn: "2026-05-01", endsOn: "2026-04-01" }), params);
    expect((rules.data as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      perCaseCap: ["ownerResources.errors.capAboveBudget"],
      maxAge: ["ownerResources.errors.ageRange"],
      endsOn: ["ownerResources.errors.dateRange"],
    });

    const regions = await postAs(owner.id, newProjectAction, `/org/${organization.id}/projects/new`, projectFields(county.code, { regionCodes: ["990000"] }), params);
    expect(regions).toMatchObject({ status: 400, data: { fieldErrors: { regionCodes: ["ownerResources.errors.regionUnknown"] } } });
    const past = await postAs(owner.id, newProjectAction, `/org/${organization.id}/projects/new`, projectFields(county.code, { startsOn: "2020-01-01", endsOn: "2020-12-31" }), params);
    expect(past).toMatchObject({ status: 400, data: { fieldErrors: { endsOn: ["ownerResources.errors.dateInPast"] } } });

    expect(await prisma.project.count({ where: { organizationId: organization.id } })).toBe(0);
    expect([await searchRowCount(), await auditCount()]).toEqual([rows, audits]);
  });

  it("edits, pauses, resumes and closes a project, each with its outbox row; paused and closed ones leave the index", async () => {
    const { organization, owner, county } = await createOrganizationWithOwner();
    const project = await createProjectRow(organization.id, county.code, { reservedFen: 300_000 });
    const params = { orgId: organization.id, id: project.id };
    const url = `/org/${organization.id}/projects/${project.id}`;

    const page = await getAs(owner.id, projectLoader, url, params);
    expect(page).toMatchObject({ status: 200, data: { project: { id: project.id, reservedFen: 300_000 } } });

    const saved = await postAs(owner.id, projectAction, url, { intent: "save", ...projectFields(county.code, { title: "大病医疗救助（2026）", budget: "3000" }) }, params);
    expect(saved).toMatchObject({ status: 303 });
    expect(saved.headers.get("Location")).toBe(url);
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ title: "大病医疗救助（2026）", budgetFen: 300_000, status: "ACTIVE" });

    const steps: [string, string][] = [["pause", "PAUSED"], ["resume", "ACTIVE"], ["pause", "PAUSED"], ["close", "CLOSED"]];
    for (const [intent, status] of steps) {
      expect((await postAs(owner.id, projectAction, url, { intent }, params)).status).toBe(303);
      expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe(status);
      // The worker reloads the row: only an ACTIVE project of a vetted organisation is a document.
      if (status === "ACTIVE") expect(await loadProjectDocument(project.id)).not.toBeNull();
      else expect(await loadProjectDocument(project.id)).toBeNull();
    }
    expect(await searchRowsFor("project.upsert", project.id)).toHaveLength(1 + steps.length);
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "Project", entityId: project.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ["project.update", null, null],
      ["project.pause", "ACTIVE", "PAUSED"],
      ["project.resume", "PAUSED", "ACTIVE"],
      ["project.pause", "ACTIVE", "PAUSED"],
      ["project.close", "PAUSED", "CLOSED"],
    ]);

    // Closed is final: no step, no edit, nothing written.
    const rows = await searchRowCount();
    expect(await postAs(owner.id, projectAction, url, { intent: "resume" }, params)).toMatchObject({ status: 422, data: { formError: "ownerResources.errors.notAllowedFromStatus" } });
    expect(await postAs(owner.id, projectAction, url, { intent: "save", ...projectFields(county.code) }, params)).toMatchObject({ status: 422, data: { formError: "ownerResources.errors.closed" } });
    expect(await postAs(owner.id, projectAction, url, { intent: "explode" }, params)).toMatchObject({ status: 400 });
    expect(await searchRowCount()).toBe(rows);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).title).toBe("大病医疗救助（2026）");
  });

  it("refuses to lower the budget below what is reserved, with a field message and nothing written", async () => {
    const { organization, owner, county } = await createOrganizationWithOwner();
    const project = await createProjectRow(organization.id, county.code, { reservedFen: 300_000, budgetFen: 1_000_000 });
    const params = { orgId: organization.id, id: project.id };
    const [rows, audits] = [await searchRowCount(), await auditCount()];

    const result = await postAs(owner.id, projectAction, "/p", { intent: "save", ...projectFields(county.code, { budget: "2999.99", perCaseCap: "1000" }) }, params);
    expect(result.status).toBe(422);
    expect((result.data as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      budget: ['ownerResources.errors.budgetBelowReserved|{"reserved":"¥3,000.00"}'],
    });
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ budgetFen: 1_000_000, title: "大病医疗救助" });
    expect([await searchRowCount(), await auditCount()]).toEqual([rows, audits]);
  });

  it("never leaves a budget below its reservations when an edit and a reservation race", async () => {
    const { organization, owner, county } = await createOrganizationWithOwner();
    for (let round = 0; round < 8; round++) {
      const project = await createProjectRow(organization.id, county.code, { budgetFen: 1_000_000 });
      const [edit] = await Promise.all([
        postAs(owner.id, projectAction, "/p", { intent: "save", ...projectFields(county.code, { budget: "3000", perCaseCap: "1000" }) }, { orgId: organization.id, id: project.id }),
        // A reservation as the matching engine makes it: compare-and-set against the budget.
        prisma.$executeRaw`UPDATE "Project" SET "reservedFen" = "reservedFen" + 500000 WHERE id = ${project.id} AND "reservedFen" + 500000 <= "budgetFen"`,
      ]);
      const after = await prisma.project.findUniqueOrThrow({ where: { id: project.id } });
      expect(after.reservedFen).toBeLessThanOrEqual(after.budgetFen);
      // Either the edit won (budget 3000 元, no reservation) or the reservation did (edit refused with 422).
      expect([edit.status, after.budgetFen, after.reservedFen]).toEqual(edit.status === 303 ? [303, 300_000, 0] : [422, 1_000_000, 500_000]);
    }
  });

  it("two members pausing at once: one succeeds, the other is told the status changed", async () => {
    const { organization, owner, county } = await createOrganizationWithOwner();
    const second = await createUser({ roles: ["ORG_MEMBER"] });
    await prisma.organizationMember.create({ data: { organizationId: organization.id, userId: second.id } });
    const project = await createProjectRow(organization.id, county.code);
    const params = { orgId: organization.id, id: project.id };
    const results = await Promise.all([owner, second].map((u) => postAs(u.id, projectAction, "/p", { intent: "pause" }, params)));
    expect(results.map((r) => r.status).sort()).toEqual([303, expect.toSatisfy((s: number) => s === 409 || s === 422)]);
    expect(await prisma.auditEvent.count({ where: { entityType: "Project", entityId: project.id, action: "project.pause" } })).toBe(1);
    expect(await searchRowsFor("project.upsert", project.id)).toHaveLength(1);
  });

  it("answers another organisation's project at this organisation's address with 404", async () => {
    const { organization, owner } = await createOrganizationWithOwner();
    const other = await createOrganizationWithOwner();
    const theirs = await createProjectRow(other.organization.id, other.county.code);
    const params = { orgId: organization.id, id: theirs.id };
    expect((await getAs(owner.id, projectLoader, "/p", params)).status).toBe(404);
    expect((await postAs(owner.id, projectAction, "/p", { intent: "pause" }, params)).status).toBe(404);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("ACTIVE");
  });
});
