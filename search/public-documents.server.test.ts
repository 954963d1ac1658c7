import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { createCase, createCounty, createUser } from "../tests/factories/index.ts";
import {
  loadNeedDocument,
  loadOrganizationDocument,
  loadProjectDocument,
  loadVolunteerOfferDocument,
  publicDocumentSources,
} from "./public-documents.server.ts";
import { reindexSearch, type ReindexProgress } from "./reindex.server.ts";
import type { SearchDocument, SearchEngine } from "./search-engine.ts";

const unique = () => crypto.randomBytes(4).toString("hex");

// Distinct personal data written onto the beneficiary: none of it may reach a document.
const PERSON = { name: "隐私测试张三丰", phone: "13912345678", address: "隐私村幸福路 88 号", idNumber: "110101199003078515" };
const INTAKE_NOTE_SECRET = "受理记录含隐私内容";

async function publishedCase(status: "PUBLISHED" | "FULFILLED" | "CLOSED" | "VERIFIED" = "PUBLISHED") {
  const county = await createCounty();
  const row = await createCase(county, {
    status,
    intakeNote: INTAKE_NOTE_SECRET,
    alias: "王阿姨",
    publicTitle: "王阿姨一家急需透析费用",
    publicStory: "王阿姨患尿毒症，每周透析三次，家中积蓄已用尽。",
    needIndex: 82,
    publishedAt: status === "VERIFIED" ? null : new Date("2026-11-20T02:00:00Z"),
  });
  await prisma.beneficiary.update({
    where: { caseId: row.id },
    data: { name: PERSON.name, phone: PERSON.phone, address: PERSON.address, idNumberEncrypted: PERSON.idNumber, idNumberHash: `hash-${PERSON.idNumber}` },
  });
  await prisma.need.create({ data: { caseId: row.id, kind: "ITEM", title: "轮椅", unit: "台", target: 1, sortOrder: 1, category: "MEDICAL_SUPPLIES" } });
  return { county, row };
}

async function createOrganization(status: "VETTED" | "PENDING", regionCode: string) {
  return prisma.organization.create({
    data: {
      name: `测试慈善会${unique()}`,
      kind: "CHARITY",
      creditCode: `TEST${unique()}${unique()}`.slice(0, 18),
      status,
      regionCode,
      description: "测试机构简介",
      contactName: "机构联系人李四",
      contactPhone: "0557-7654321",
      vettedAt: status === "VETTED" ? new Date() : null,
    },
  });
}

describe("need documents", () => {
  it("carry the public title, alias and story and none of the beneficiary's personal data", async () => {
    const { county, row } = await publishedCase();
    const doc = await loadNeedDocument(row.caseNo);
    expect(doc).toMatchObject({
      id: `need:${row.caseNo}`,
      type: "need",
      title: "王阿姨一家急需透析费用",
      body: "王阿姨患尿毒症，每周透析三次，家中积蓄已用尽。",
      category: "MAJOR_ILLNESS",
      urgency: "HIGH",
      status: "PUBLISHED",
      needIndex: 82,
      publishedAt: Date.parse("2026-11-20T02:00:00Z"),
      url: `/needs/${row.caseNo}`,
    });
    expect(doc!.keywords).toEqual(expect.arrayContaining(["王阿姨", "轮椅", row.caseNo]));
    // The category's names in both languages, so an English-speaking giver finds it too.
    expect(doc!.keywords).toEqual(expect.arrayContaining(["重大疾病", "Serious illness"]));
    expect(doc!.regionCodes).toEqual([county.code.slice(0, 2), county.code.slice(0, 4), county.code]);

    const json = JSON.stringify(doc);
    for (const secret of [PERSON.name, PERSON.phone, PERSON.address, PERSON.idNumber, INTAKE_NOTE_SECRET]) expect(json).not.toContain(secret);
  });

  it.each(["FULFILLED", "CLOSED"] as const)("exist for %s cases", async (status) => {
    const { row } = await publishedCase(status);
    expect((await loadNeedDocument(row.caseNo))?.status).toBe(status);
  });

  it("do not exist for cases that are not published", async () => {
    const { row } = await publishedCase("VERIFIED");
    expect(await loadNeedDocument(row.caseNo)).toBeNull();
    const county = await createCounty();
    const reported = await createCase(county);
    expect(await loadNeedDocument(reported.caseNo)).toBeNull();
  });
});

describe("organisation, project and volunteer offer documents", () => {
  it("exist for a vetted organisation and its active project, without contact details", async () => {
    const county = await createCounty();
    const org = await createOrganization("VETTED", county.code);
    const project = await prisma.project.create({
      data: { organizationId: org.id, title: "大病救助项目", summary: "为重大疾病家庭提供医疗费用资助。", description: "详情", categories: ["MAJOR_ILLNESS"], regionCodes: [county.code], perCaseCapFen: 500000, budgetFen: 5000000 },
    });
    const orgDoc = await loadOrganizationDocument(org.id);
    expect(orgDoc).toMatchObject({ id: `organization:${org.id}`, type: "organization", title: org.name, status: "VETTED", url: `/organizations/${org.id}` });
    const projectDoc = await loadProjectDocument(project.id);
    expect(projectDoc).toMatchObject({ id: `project:${project.id}`, title: "大病救助项目", category: "MAJOR_ILLNESS", regionName: county.name, url: `/projects/${project.id}` });
    expect(projectDoc!.keywords).toContain(org.name);
    const json = JSON.stringify([orgDoc, projectDoc]);
    for (const secret of ["机构联系人李四", "0557-7654321", org.creditCode]) expect(json).not.toContain(secret);
  });

  it("do not exist for a pending organisation or its projects, nor for paused projects", async () => {
    const county = await createCounty();
    const pending = await createOrganization("PENDING", county.code);
    const project = await prisma.project.create({
      data: { organizationId: pending.id, title: "待审机构项目", summary: "s", description: "d", categories: [], regionCodes: [county.code], perCaseCapFen: 1, budgetFen: 1 },
    });
    expect(await loadOrganizationDocument(pending.id)).toBeNull();
    expect(await loadProjectDocument(project.id)).toBeNull();

    const vetted = await createOrganization("VETTED", county.code);
    const paused = await prisma.project.create({
      data: { organizationId: vetted.id, title: "暂停项目", summary: "s", description: "d", categories: [], regionCodes: [county.code], perCaseCapFen: 1, budgetFen: 1, status: "PAUSED" },
    });
    expect(await loadProjectDocument(paused.id)).toBeNull();
  });

  it("exist for active volunteer offers that have not run out, without the volunteer's own details", async () => {
    const county = await createCounty();
    const volunteer = await createUser({ roles: ["VOLUNTEER"] });
    const offer = await prisma.volunteerOffer.create({
      data: { userId: volunteer.id, title: "周末陪护", description: "可提供住院陪护", skills: ["CARE"], regionCodes: [county.code], availability: "周末全天", hoursOffered: 20 },
    });
    const doc = await loadVolunteerOfferDocument(offer.id);
    expect(doc).toMatchObject({ id: `volunteerOffer:${offer.id}`, type: "volunteerOffer", title: "周末陪护", url: "/volunteer" });
    expect(doc!.keywords).toEqual(expect.arrayContaining(["生活照料", "Daily care", "周末全天"]));
    const json = JSON.stringify(doc);
    expect(json).not.toContain(volunteer.email);
    expect(json).not.toContain(volunteer.displayName);

    const expired = await prisma.volunteerOffer.create({
      data: { userId: volunteer.id, title: "过期", description: "d", skills: [], regionCodes: [county.code], availability: "a", hoursOffered: 1, availableUntil: new Date("2020-01-01") },
    });
    const closed = await prisma.volunteerOffer.create({
      data: { userId: volunteer.id, title: "关闭", description: "d", skills: [], regionCodes: [county.code], availability: "a", hoursOffered: 1, status: "CLOSED" },
    });
    expect(await loadVolunteerOfferDocument(expired.id)).toBeNull();
    expect(await loadVolunteerOfferDocument(closed.id)).toBeNull();
  });
});

describe("publicDocumentSources", () => {
  it("pages through every public document once and never includes personal data", async () => {
    const { row } = await publishedCase();
    const seen: string[] = [];
    const docs: unknown[] = [];
    for (const source of publicDocumentSources()) {
      let after: string | null = null;
      for (;;) {
        const page: Awaited<ReturnType<typeof source.page>> = await source.page(after, 2);
        seen.push(...page.documents.map((d) => d.id));
        docs.push(...page.documents);
        if (page.read < 2 || page.last === null) break;
        after = page.last;
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(`need:${row.caseNo}`);
    const json = JSON.stringify(docs);
    for (const secret of [PERSON.name, PERSON.phone, PERSON.address, PERSON.idNumber, INTAKE_NOTE_SECRET]) expect(json).not.toContain(secret);
  });
});

describe("reindexSearch", () => {
  it("clears the engine, writes every public document in batches and reports progress", async () => {
    const { row } = await publishedCase();
    const batches: SearchDocument[][] = [];
    let cleared = 0;
    const engine: SearchEngine = {
      name: "embedded",
      upsert: async (documents) => void batches.push(documents),
      remove: async () => {},
      clear: async () => void (cleared += 1),
      search: async () => ({ total: 0, hits: [], facets: {} }),
      health: async () => ({ ok: true, documents: 0 }),
    };
    const progress: ReindexProgress[] = [];
    const result = await reindexSearch(engine, { batchSize: 3, onProgress: (p) => progress.push(p) });

    expect(cleared).toBe(1);
    expect(batches.every((b) => b.length <= 3)).toBe(true);
    const ids = batches.flat().map((d) => d.id);
    expect(ids).toContain(`need:${row.caseNo}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.total).toBe(ids.length);
    const last = progress.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(JSON.stringify(batches)).not.toContain(PERSON.name);
  });
});
