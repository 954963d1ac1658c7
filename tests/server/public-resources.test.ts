import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ContributionSource, LedgerTransactionKind } from "~/generated/prisma/client.ts";
import { loader as disclosuresCsvLoader } from "~/routes/_public+/disclosures[.csv].ts";
import { loader as disclosuresLoader } from "~/routes/_public+/disclosures._index.tsx";
import { loader as fundLoader } from "~/routes/_public+/fund.tsx";
import { loader as organizationLoader } from "~/routes/_public+/organizations.$id.tsx";
import { loader as projectLoader } from "~/routes/_public+/projects.$id.tsx";
import { loader as projectsLoader } from "~/routes/_public+/projects._index.tsx";
import { loader as volunteerLoader } from "~/routes/_public+/volunteer.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createCase, createCounty, createUser, responseOf } from "../factories/index.ts";

// The beneficiary the factory writes for every case: none of it may reach a public loader.
const BENEFICIARY_NAME = "测试受助人";
const BENEFICIARY_PHONE = "13800000000";
const INTAKE_NOTE = "测试受理记录";

const unique = () => crypto.randomBytes(4).toString("hex");
const args = (url: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) => ({
  request: new Request(`http://localhost${url}`, { headers }),
  params,
  context: {},
});

function expectNoPersonalData(payload: unknown) {
  const json = JSON.stringify(payload);
  expect(json).not.toContain(BENEFICIARY_NAME);
  expect(json).not.toContain(BENEFICIARY_PHONE);
  expect(json).not.toContain(INTAKE_NOTE);
}

async function account(kind: "EXTERNAL_DONORS" | "FUND" | "CASE", link: { fundId?: string; caseId?: string } = {}) {
  return prisma.ledgerAccount.create({ data: { kind, code: `${kind.toLowerCase()}:${unique()}`, name: kind, ...link } });
}

/** One balanced transaction moving `amountFen` from one account to another, with the cached balances updated. */
async function post(kind: LedgerTransactionKind, from: string, to: string, amountFen: number, source: ContributionSource | null = null, occurredAt = new Date()) {
  return prisma.$transaction(async (tx) => {
    const transaction = await tx.ledgerTransaction.create({
      data: {
        kind,
        contributionSource: source,
        memo: `test ${kind}`,
        occurredAt,
        entries: { create: [{ accountId: from, amountFen: -amountFen }, { accountId: to, amountFen }] },
      },
    });
    await tx.ledgerAccount.update({ where: { id: from }, data: { balanceFen: { decrement: amountFen } } });
    await tx.ledgerAccount.update({ where: { id: to }, data: { balanceFen: { increment: amountFen } } });
    return transaction;
  });
}

async function createOrganization(status: "VETTED" | "PENDING" | "REJECTED", regionCode: string) {
  return prisma.organization.create({
    data: {
      name: `测试慈善会${unique()}`,
      kind: "CHARITY",
      creditCode: `TEST${unique()}${unique()}`.slice(0, 18),
      status,
      regionCode,
      description: "测试机构简介",
      contactName: "机构联系人甲",
      contactPhone: "0557-0000000",
      website: "https://example.org",
      vettedAt: status === "VETTED" ? new Date() : null,
    },
  });
}

async function createProject(organizationId: string, regionCode: string, status: "ACTIVE" | "DRAFT" = "ACTIVE") {
  return prisma.project.create({
    data: {
      organizationId,
      title: `大病救助项目${unique()}`,
      summary: "为重大疾病家庭提供医疗费用资助。",
      description: "项目详细介绍。",
      categories: ["MAJOR_ILLNESS"],
      regionCodes: [regionCode],
      perCaseCapFen: 2_000_000,
      budgetFen: 50_000_000,
      reservedFen: 12_000_000,
      status,
    },
  });
}

describe("the public fund page", () => {
  it("shows the ledger balance, money in by source and money out to cases without any personal data", async () => {
    const county = await createCounty();
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code });
    const fund = await prisma.reliefFund.create({
      data: {
        name: `测试救急难公益基金${unique()}`,
        regionCode: county.code,
        description: "测试基金",
        scopeCategories: ["MAJOR_ILLNESS", "DISASTER"],
        perCaseCapFen: 3_000_000,
        reviewThresholdFen: 1_000_000,
        advanceCapFen: 500_000,
      },
    });
    const donors = await account("EXTERNAL_DONORS");
    const fundAccount = await account("FUND", { fundId: fund.id });
    const publicCase = await createCase(county, { status: "PUBLISHED", alias: "李女士", publicTitle: "测试公开个案" });
    const privateCase = await createCase(county, { status: "ACCEPTED" });
    const publicCaseAccount = await account("CASE", { caseId: publicCase.id });
    const privateCaseAccount = await account("CASE", { caseId: privateCase.id });

    await post("FUND_CONTRIBUTION", donors.id, fundAccount.id, 500_000, "PUBLIC_FINANCE");
    await post("FUND_CONTRIBUTION", donors.id, fundAccount.id, 200_000, "WELFARE_LOTTERY");
    await post("FUND_CONTRIBUTION", donors.id, fundAccount.id, 100_000, "WELFARE_LOTTERY");
    await post("DONATION", donors.id, fundAccount.id, 12_345);
    const publicGrant = await post("GRANT", fundAccount.id, publicCaseAccount.id, 300_000, null, new Date("2026-04-01T02:00:00Z"));
    const advance = await post("GRANT", fundAccount.id, privateCaseAccount.id, 50_000, null, new Date("2026-04-02T02:00:00Z"));
    await prisma.fundGrant.createMany({
      data: [
        { fundId: fund.id, caseId: publicCase.id, amountFen: 300_000, purpose: "住院费用", status: "POSTED", requestedById: staff.id, transactionId: publicGrant.id },
        { fundId: fund.id, caseId: privateCase.id, amountFen: 50_000, purpose: "先行救助", isAdvance: true, status: "POSTED", requestedById: staff.id, transactionId: advance.id },
      ],
    });

    const result = await responseOf(() => fundLoader(args("/fund")));
    expect(result.status).toBe(200);
    const { funds } = result.data as Awaited<ReturnType<typeof fundLoader>>;
    const shown = funds.find((f) => f.id === fund.id);
    expect(shown).toBeDefined();
    expect(shown?.balanceFen).toBe(812_345 - 350_000);
    expect(shown?.region.fullName).toBe(county.name);
    expect(shown?.perCaseCapFen).toBe(3_000_000);
    expect(shown?.ledger.totalInFen).toBe(812_345);
    expect(shown?.ledger.totalOutFen).toBe(350_000);
    expect(shown?.ledger.moneyIn).toEqual([
      { key: "PUBLIC_FINANCE", amountFen: 500_000 },
      { key: "WELFARE_LOTTERY", amountFen: 300_000 },
      { key: "DONATION", amountFen: 12_345 },
    ]);
    expect(shown?.ledger.moneyOut).toEqual([{ key: "GRANT", amountFen: 350_000 }]);
    // Newest first: the advance to the not-yet-public case is listed but not linked.
    expect(shown?.ledger.grants.map((g) => ({ caseNo: g.caseNo, isPublic: g.isPublic, amountFen: g.amountFen, isAdvance: g.isAdvance }))).toEqual([
      { caseNo: privateCase.caseNo, isPublic: false, amountFen: 50_000, isAdvance: true },
      { caseNo: publicCase.caseNo, isPublic: true, amountFen: 300_000, isAdvance: false },
    ]);
    expect((result.data as { meta: { title: string } }).meta.title).toBe("救急难公益基金");
    expectNoPersonalData(result.data);
  });
});

describe("projects, organisations and volunteer offers", () => {
  it("lists an active project of a vetted organisation, shows its page and answers 404 for unknown or draft ones", async () => {
    const county = await createCounty();
    const org = await createOrganization("VETTED", county.code);
    const project = await createProject(org.id, county.code);
    const draft = await createProject(org.id, county.code, "DRAFT");
    const helped = await createCase(county, { status: "PUBLISHED" });
    const need = await prisma.need.create({ data: { caseId: helped.id, kind: "CASH", title: "医疗费用", target: 3_000_000 } });
    await prisma.commitment.create({ data: { caseId: helped.id, needId: need.id, source: "PROJECT", projectId: project.id, amount: 1_000_000, status: "DELIVERED" } });

    const list = await responseOf(() => projectsLoader(args("/projects")));
    expect(list.status).toBe(200);
    const { projects, total } = list.data as Awaited<ReturnType<typeof projectsLoader>>;
    expect(total).toBeGreaterThanOrEqual(1);
    const listed = projects.find((p) => p.id === project.id);
    expect(listed?.organization.name).toBe(org.name);
    expect(listed?.regions).toEqual([{ code: county.code, fullName: county.name }]);
    expect(projects.some((p) => p.id === draft.id)).toBe(false);

    const detail = await responseOf(() => projectLoader(args(`/projects/${project.id}`, { id: project.id })));
    expect(detail.status).toBe(200);
    const { project: shown } = detail.data as Awaited<ReturnType<typeof projectLoader>>;
    expect(shown.casesHelped).toBe(1);
    expect(shown.deliveredFen).toBe(1_000_000);
    expect(shown.budgetFen - shown.reservedFen).toBe(38_000_000);
    expectNoPersonalData(detail.data);

    expect((await responseOf(() => projectLoader(args("/projects/nope", { id: "nope" })))).status).toBe(404);
    expect((await responseOf(() => projectLoader(args(`/projects/${draft.id}`, { id: draft.id })))).status).toBe(404);
  });

  it("hides a pending or rejected organisation and its projects, and shows a vetted one with what it gave", async () => {
    const county = await createCounty();
    const pending = await createOrganization("PENDING", county.code);
    const rejected = await createOrganization("REJECTED", county.code);
    const pendingProject = await createProject(pending.id, county.code);
    expect((await responseOf(() => organizationLoader(args(`/organizations/${pending.id}`, { id: pending.id })))).status).toBe(404);
    expect((await responseOf(() => organizationLoader(args(`/organizations/${rejected.id}`, { id: rejected.id })))).status).toBe(404);
    expect((await responseOf(() => organizationLoader(args("/organizations/unknown", { id: "unknown" })))).status).toBe(404);
    expect((await responseOf(() => projectLoader(args(`/projects/${pendingProject.id}`, { id: pendingProject.id })))).status).toBe(404);

    const vetted = await createOrganization("VETTED", county.code);
    const project = await createProject(vetted.id, county.code);
    const supply = await prisma.supplyOffer.create({
      data: { organizationId: vetted.id, itemName: "棉被", itemCategory: "BEDDING", unit: "床", quantity: 50, quantityReserved: 8, regionCodes: [county.code], description: "冬季棉被" },
    });
    const caseA = await createCase(county, { status: "PUBLISHED" });
    const caseB = await createCase(county, { status: "CLOSED" });
    const cashA = await prisma.need.create({ data: { caseId: caseA.id, kind: "CASH", title: "医疗费用", target: 2_000_000 } });
    const quiltsB = await prisma.need.create({ data: { caseId: caseB.id, kind: "ITEM", title: "棉被", unit: "床", category: "BEDDING", target: 4 } });
    await prisma.commitment.createMany({
      data: [
        { caseId: caseA.id, needId: cashA.id, source: "PROJECT", projectId: project.id, amount: 800_000, status: "DELIVERED" },
        { caseId: caseA.id, needId: cashA.id, source: "PROJECT", projectId: project.id, amount: 200_000, status: "CONFIRMED" },
        { caseId: caseA.id, needId: cashA.id, source: "PROJECT", projectId: project.id, amount: 999_999, status: "PLEDGED" },
        { caseId: caseB.id, needId: quiltsB.id, source: "SUPPLY_OFFER", supplyOfferId: supply.id, amount: 4, status: "DELIVERED" },
      ],
    });

    const result = await responseOf(() => organizationLoader(args(`/organizations/${vetted.id}`, { id: vetted.id })));
    expect(result.status).toBe(200);
    const { organization } = result.data as Awaited<ReturnType<typeof organizationLoader>>;
    expect(organization.name).toBe(vetted.name);
    expect(organization.casesHelped).toBe(2);
    expect(organization.given).toEqual([
      { kind: "CASH", unit: null, confirmed: 200_000, delivered: 800_000 },
      { kind: "ITEM", unit: "床", confirmed: 0, delivered: 4 },
    ]);
    expect(organization.projects.map((p) => p.id)).toEqual([project.id]);
    expect(organization.supplyOffers[0]?.available).toBe(42);
    // Organisational contact people and phones stay off the public page.
    const json = JSON.stringify(result.data);
    expect(json).not.toContain("机构联系人甲");
    expect(json).not.toContain("0557-0000000");
    expect(json).not.toContain(vetted.creditCode);
    expectNoPersonalData(result.data);
  });

  it("lists active volunteer offers with the volunteer's display name only", async () => {
    const county = await createCounty();
    const volunteer = await createUser({ roles: ["VOLUNTEER"] });
    await prisma.user.update({ where: { id: volunteer.id }, data: { phone: "13900001111" } });
    const offer = await prisma.volunteerOffer.create({
      data: { userId: volunteer.id, title: `周末陪诊${unique()}`, description: "可陪同就医", skills: ["MEDICAL_ESCORT", "COMPANIONSHIP"], regionCodes: [county.code], availability: "周末全天", hoursOffered: 40, hoursReserved: 12 },
    });
    const paused = await prisma.volunteerOffer.create({
      data: { userId: volunteer.id, title: "暂停的服务", description: "", skills: ["CARE"], regionCodes: [], availability: "工作日晚上", hoursOffered: 10, status: "PAUSED" },
    });
    const expired = await prisma.volunteerOffer.create({
      data: { userId: volunteer.id, title: "过期的服务", description: "", skills: ["CARE"], regionCodes: [], availability: "工作日晚上", hoursOffered: 10, availableUntil: new Date("2020-01-01") },
    });

    // Offers are listed newest first; the test's offers are the newest in this worker's database.
    const result = await responseOf(() => volunteerLoader(args("/volunteer")));
    expect(result.status).toBe(200);
    const { offers } = result.data as Awaited<ReturnType<typeof volunteerLoader>>;
    const shown = offers.find((o) => o.id === offer.id);
    expect(shown?.offeredBy).toEqual({ name: volunteer.displayName, organizationId: null });
    expect(shown?.hoursRemaining).toBe(28);
    expect(shown?.regions).toEqual([{ code: county.code, fullName: county.name }]);
    expect(offers.some((o) => o.id === paused.id || o.id === expired.id)).toBe(false);
    const json = JSON.stringify(result.data);
    expect(json).not.toContain(volunteer.email);
    expect(json).not.toContain("13900001111");
  });
});

describe("disclosures", () => {
  async function createDisclosure(outcome: string, closedAt: Date) {
    const county = await createCounty("安徽省 宿州市 萧县");
    const closed = await createCase(county, { status: "CLOSED", category: "DISASTER", closedAt, alias: "王先生" });
    await prisma.disclosure.create({
      data: {
        caseId: closed.id,
        publishedAt: closedAt,
        outcome,
        totalInFen: 1_234_567,
        totalOutFen: 1_200_000,
        content: {
          sources: [
            { kind: "FUND", name: "萧县救急难公益基金", amountFen: 1_000_000 },
            { kind: "DONATION", name: "爱心人士", amountFen: 234_567 },
          ],
          goods: [],
          hours: [],
          payments: [{ payeeKind: "HOSPITAL", payeeName: "萧县人民医院", amountFen: 1_200_000 }],
        },
      },
    });
    return closed;
  }

  it("lists disclosures newest first with case number, region, category and sources, and no personal data", async () => {
    const older = await createDisclosure("已康复出院", new Date("2026-03-01T02:00:00Z"));
    const newer = await createDisclosure("房屋已修缮", new Date("2099-12-31T02:00:00Z"));
    const result = await responseOf(() => disclosuresLoader(args("/disclosures")));
    expect(result.status).toBe(200);
    const { disclosures } = result.data as Awaited<ReturnType<typeof disclosuresLoader>>;
    const caseNos = disclosures.map((d) => d.caseNo);
    expect(caseNos[0]).toBe(newer.caseNo);
    expect(caseNos.indexOf(newer.caseNo)).toBeLessThan(caseNos.indexOf(older.caseNo));
    const row = disclosures.find((d) => d.caseNo === older.caseNo);
    expect(row?.category).toBe("DISASTER");
    expect(row?.regionName).toBe("安徽省 宿州市 萧县");
    expect(row?.sources).toEqual([
      { kind: "FUND", name: "萧县救急难公益基金", amountFen: 1_000_000 },
      { kind: "DONATION", name: "爱心人士", amountFen: 234_567 },
    ]);
    expectNoPersonalData(result.data);

    const beyond = await responseOf(() => disclosuresLoader(args("/disclosures?page=9999")));
    expect((beyond.data as { disclosures: unknown[] }).disclosures).toEqual([]);
  });

  it("exports CSV with a BOM, a header in the request's language and properly escaped fields", async () => {
    const tricky = await createDisclosure('救治完成，"已出院"\n后续随访', new Date("2026-05-31T17:30:00Z"));

    const zh = await disclosuresCsvLoader(args("/disclosures.csv"));
    expect(zh.status).toBe(200);
    expect(zh.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(zh.headers.get("Content-Disposition")).toBe('attachment; filename="disclosures.csv"');
    const bytes = new Uint8Array(await zh.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const zhText = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(zhText.startsWith("\uFEFF个案编号,地区,类别,结案日期,救助结果,收入合计（元）,支出合计（元）,资金来源（元）\r\n")).toBe(true);
    // 17:30 UTC on 31 May is 1 June in Shanghai; the outcome's comma, quotes and newline stay in one field.
    expect(zhText).toContain(
      `${tricky.caseNo},安徽省 宿州市 萧县,自然灾害/火灾,2026-06-01,"救治完成，""已出院""\n后续随访",12345.67,12000.00,"萧县救急难公益基金 10000.00; 爱心人士 2345.67"\r\n`,
    );
    expect(zhText).not.toContain(BENEFICIARY_NAME);

    const en = await disclosuresCsvLoader(args("/disclosures.csv?lng=en"));
    // Response.text() decodes as UTF-8 and drops the BOM, which the byte check above covers.
    const enText = (await en.text()).replace(/^\uFEFF/, "");
    expect(enText.split("\r\n")[0]).toBe("Case number,Region,Category,Closed on,Outcome,Total received (CNY),Total paid out (CNY),Sources of funds (CNY)");
    expect(enText).toContain(`${tricky.caseNo},安徽省 宿州市 萧县,Disaster or fire,2026-06-01,`);

    const byHeader = await disclosuresCsvLoader(args("/disclosures.csv", {}, { "Accept-Language": "en-US,en;q=0.9" }));
    expect((await byHeader.text()).split("\r\n")[0]).toContain("Case number");
  });
});
