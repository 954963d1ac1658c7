import crypto from "node:crypto";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "~/domain/id-number.ts";
import { INELIGIBLE_KEYS, REASON_KEYS } from "~/domain/matching/match-keys.ts";
import { AGE_BANDS, FUND_STATUSES, MATCH_SOURCES, NEED_KINDS, NEED_STATUSES, ORGANIZATION_STATUSES, RESOURCE_STATUSES } from "~/domain/matching/match-types.ts";
import { AgeBand, CommitmentSource, FundStatus, NeedKind, NeedStatus, OrganizationStatus, ResourceStatus } from "~/generated/prisma/enums.ts";
import { i18nConfig } from "~/i18n.ts";
import { en_matching } from "~/locales/en.matching.ts";
import { zhCN_matching } from "~/locales/zh-CN.matching.ts";
import { explainCaseCandidate } from "~/modules/matching/explain-case-candidate.server.ts";
import { getCaseMatches } from "~/modules/matching/get-case-matches.server.ts";
import { loadMatchCandidates } from "~/modules/matching/load-match-candidates.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { createCase, createCounty, createUser } from "../factories/index.ts";

const unique = () => crypto.randomBytes(4).toString("hex");
/** 2026-11-24 noon in Asia/Shanghai: the engine's "today". */
const NOW = new Date("2026-11-24T04:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function organization(status: "VETTED" | "PENDING", regionCode: string) {
  return prisma.organization.create({
    data: {
      name: `测试慈善会${unique()}`,
      kind: "CHARITY",
      creditCode: `TEST${unique()}${unique()}`.slice(0, 18),
      status,
      regionCode,
      description: "测试机构",
      contactName: "机构联系人",
      contactPhone: "0557-0000000",
    },
  });
}

function project(organizationId: string, data: Partial<Parameters<typeof prisma.project.create>[0]["data"]> = {}) {
  return prisma.project.create({
    data: {
      organizationId,
      title: `大病救助项目${unique()}`,
      summary: "测试项目",
      description: "测试项目",
      categories: ["MAJOR_ILLNESS"],
      regionCodes: [],
      conditionTags: [],
      perCaseCapFen: 1_000_000,
      budgetFen: 5_000_000,
      startsOn: day("2026-01-01"),
      endsOn: day("2027-12-31"),
      ...data,
    } as Parameters<typeof prisma.project.create>[0]["data"],
  });
}

/** A born-1980-06-15 ID number of the county (valid check digit), so the exact age is 46 on NOW. */
const idNumberBornIn1980 = (county: string) => {
  const first17 = `${county}19800615123`;
  return `${first17}${idNumberCheckChar(first17)}`;
};

/**
 * A 萧县-like county (made-up code) with one township; a published case in it for a 46-year-old
 * with a serious illness; a cash, a goods, a service and a covered line; and resources around it.
 */
async function scenario() {
  const county = await createCounty();
  const township = `${county.code}100`;
  await prisma.region.create({ data: { code: township, name: "测试镇", level: "TOWNSHIP", parentCode: county.code, fullName: `${county.name} 测试镇` } });
  const other = await createCounty();
  const row = await createCase(county, { status: "PUBLISHED", regionCode: township, category: "MAJOR_ILLNESS", urgency: "HIGH", ageBand: "ADULT" });
  await prisma.beneficiary.update({
    where: { caseId: row.id },
    data: { birthYear: 1980, idNumberEncrypted: piiCrypto().encrypt(idNumberBornIn1980(county.code)), vulnerableMembers: ["SERIOUS_ILLNESS"], housing: "OWNED_SAFE" },
  });
  // Categories unique to this test, so offers written by other tests in this database stay out of the way.
  const itemCategory = `TEST_ITEM_${unique()}`;
  const skill = `TEST_SKILL_${unique()}`;
  const [cash, quilts, care, covered] = await Promise.all([
    prisma.need.create({ data: { caseId: row.id, kind: "CASH", title: "手术费用", target: 2_000_000, committed: 500_000, sortOrder: 0 } }),
    prisma.need.create({ data: { caseId: row.id, kind: "ITEM", title: "棉被", category: itemCategory, unit: "床", target: 3, sortOrder: 1 } }),
    prisma.need.create({ data: { caseId: row.id, kind: "SERVICE", title: "住院陪护", category: skill, unit: "小时", target: 12, sortOrder: 2 } }),
    prisma.need.create({ data: { caseId: row.id, kind: "CASH", title: "已落实", target: 100, committed: 100, status: "COVERED", sortOrder: 3 } }),
  ]);

  const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });
  const fund = await prisma.reliefFund.create({
    data: { name: `${county.name}救急难公益基金`, regionCode: county.code, description: "测试基金", scopeCategories: [], perCaseCapFen: 500_000, reviewThresholdFen: 300_000, advanceCapFen: 200_000 },
  });
  await prisma.ledgerAccount.create({ data: { kind: "FUND", code: `fund:${fund.id}`, name: fund.name, fundId: fund.id, balanceFen: 10_000_000 } });
  // A grant waiting for review elsewhere (reserved in the fund) and a posted advance to this case (against its cap).
  const elsewhere = await createCase(county, { status: "PUBLISHED" });
  await prisma.fundGrant.create({ data: { fundId: fund.id, caseId: elsewhere.id, amountFen: 1_000_000, purpose: "测试", status: "REQUESTED", requestedById: staff.id } });
  await prisma.fundGrant.create({ data: { fundId: fund.id, caseId: row.id, amountFen: 200_000, purpose: "先行救助", isAdvance: true, status: "POSTED", requestedById: staff.id } });
  const otherFund = await prisma.reliefFund.create({
    data: { name: "外县基金", regionCode: other.code, description: "测试基金", scopeCategories: [], perCaseCapFen: 500_000, reviewThresholdFen: 300_000, advanceCapFen: 200_000 },
  });

  const vetted = await organization("VETTED", county.code);
  const pending = await organization("PENDING", county.code);
  const [warmHeart, paused, elsewhereProject, pendingOrgProject, tooYoung, exactAge] = await Promise.all([
    project(vetted.id, { regionCodes: [county.code.slice(0, 4)], conditionTags: ["SERIOUS_ILLNESS"], reservedFen: 1_000_000 }),
    project(vetted.id, { regionCodes: [county.code], status: "PAUSED" }),
    project(vetted.id, { regionCodes: [other.code] }),
    project(pending.id, { regionCodes: [county.code] }),
    project(vetted.id, { regionCodes: [county.code], maxAge: 45 }),
    project(vetted.id, { regionCodes: [county.code], minAge: 46, maxAge: 46 }),
  ]);
  // This case already has ¥3,000 pledged from 暖心: ¥7,000 of its ¥10,000 cap is left.
  await prisma.commitment.create({ data: { caseId: row.id, needId: cash.id, source: "PROJECT", projectId: warmHeart.id, organizationId: vetted.id, amount: 300_000, status: "PLEDGED" } });
  await prisma.need.update({ where: { id: cash.id }, data: { committed: { increment: 300_000 } } });

  const volunteer = await createUser({ roles: ["VOLUNTEER"] });
  const [careOffer, farCareOffer] = await Promise.all([
    prisma.volunteerOffer.create({
      data: { userId: volunteer.id, title: "住院陪护", description: "测试", skills: [skill], regionCodes: [township], availability: "周末全天", hoursOffered: 20, hoursReserved: 5 },
    }),
    prisma.volunteerOffer.create({
      data: { userId: volunteer.id, title: "外县陪护", description: "测试", skills: [skill], regionCodes: [other.code], availability: "周末全天", hoursOffered: 20 },
    }),
  ]);
  const [quiltOffer, expiredQuilts] = await Promise.all([
    prisma.supplyOffer.create({
      data: { organizationId: vetted.id, itemName: "棉被", itemCategory, unit: "床", quantity: 10, quantityReserved: 8, regionCodes: [county.code], description: "测试", expiresOn: day("2026-12-10") },
    }),
    prisma.supplyOffer.create({
      data: { organizationId: vetted.id, itemName: "棉被", itemCategory, unit: "床", quantity: 10, regionCodes: [county.code], description: "测试", expiresOn: day("2026-11-23") },
    }),
  ]);
  return {
    row,
    needs: { cash, quilts, care, covered },
    fund,
    otherFund,
    projects: { warmHeart, paused, elsewhereProject, pendingOrgProject, tooYoung, exactAge },
    offers: { careOffer, farCareOffer, quiltOffer, expiredQuilts },
    vetted,
  };
}

describe("getCaseMatches on real rows", () => {
  it("ranks each open line from the database with amounts within caps, reserved stock and the line's need", async () => {
    const s = await scenario();
    const view = (await getCaseMatches(s.row.id, { now: NOW }))!;
    expect(view.today).toBe("2026-11-24");
    expect(view.matches.lines.map((l) => [l.needId, l.remaining])).toEqual([
      [s.needs.cash.id, 1_200_000],
      [s.needs.quilts.id, 3],
      [s.needs.care.id, 12],
    ]);
    const [cash, quilts, care] = view.matches.lines;

    const byId = new Map(cash!.suggestions.map((x) => [x.id, x]));
    // 暖心: cap ¥10,000 − ¥3,000 already pledged to this case.
    expect(byId.get(s.projects.warmHeart.id)?.amount).toBe(700_000);
    // The fund: cap ¥5,000 − the ¥2,000 advance already granted to this case.
    expect(byId.get(s.fund.id)?.amount).toBe(300_000);
    expect(byId.get(s.projects.exactAge.id)?.reasons.find((r) => r.key === "matching.reasons.ageWithinBounds")?.params).toEqual({ age: 46 });
    for (const gone of [s.otherFund.id, s.projects.paused.id, s.projects.elsewhereProject.id, s.projects.pendingOrgProject.id, s.projects.tooYoung.id]) expect(byId.has(gone)).toBe(false);

    expect(quilts!.suggestions.map((x) => [x.id, x.amount])).toEqual([[s.offers.quiltOffer.id, 2]]);
    expect(care!.suggestions.map((x) => [x.id, x.amount])).toEqual([[s.offers.careOffer.id, 12]]);
    expect(care!.suggestions[0]!.reasons.map((r) => r.key)).toContain("matching.reasons.regionTownship");

    expect(view.labels[`PROJECT:${s.projects.warmHeart.id}`]).toEqual({ source: "PROJECT", id: s.projects.warmHeart.id, title: s.projects.warmHeart.title, organizationName: s.vetted.name, unit: null });
    expect(view.labels[`SUPPLY_OFFER:${s.offers.quiltOffer.id}`]?.unit).toBe("床");

    // Staff-only, but still nothing personal beyond the age: no name, phone, ID number or intake note.
    const json = JSON.stringify(view);
    for (const secret of ["测试受助人", "13800000000", "测试村 1 号", "测试受理记录", "19800615"]) expect(json).not.toContain(secret);
  });

  it("lists the loaded candidates that cannot serve a line, with their reasons, on request", async () => {
    const s = await scenario();
    const view = (await getCaseMatches(s.row.id, { now: NOW, includeIneligible: true }))!;
    const [cash, quilts, care] = view.matches.lines;
    const why = (line: typeof cash, id: string) => line!.ineligible!.find((x) => x.id === id)?.reasons;
    expect(why(cash, s.projects.pendingOrgProject.id)).toEqual([{ key: "matching.ineligible.orgNotVetted", params: { status: "PENDING" } }]);
    expect(why(cash, s.projects.tooYoung.id)).toEqual([{ key: "matching.ineligible.ageAboveMax", params: { age: 46, max: 45 } }]);
    expect(why(quilts, s.offers.expiredQuilts.id)).toEqual([{ key: "matching.ineligible.expired", params: { date: "2026-11-23" } }]);
    expect(why(care, s.offers.farCareOffer.id)).toEqual([{ key: "matching.ineligible.regionOutOfScope", params: {} }]);
    // Only active resources of the case's area are loaded at all: a paused project is not listed.
    expect(why(cash, s.projects.paused.id)).toBeUndefined();
  });

  it("answers “why not?” for any resource, even one the loader leaves out", async () => {
    const s = await scenario();
    expect(await explainCaseCandidate(s.row.id, s.needs.cash.id, { source: "PROJECT", id: s.projects.paused.id }, NOW)).toEqual({
      eligible: false,
      reasons: [{ key: "matching.ineligible.statusPaused", params: {} }],
    });
    expect(await explainCaseCandidate(s.row.id, s.needs.cash.id, { source: "PROJECT", id: s.projects.elsewhereProject.id }, NOW)).toEqual({
      eligible: false,
      reasons: [{ key: "matching.ineligible.regionOutOfScope", params: {} }],
    });
    expect(await explainCaseCandidate(s.row.id, s.needs.quilts.id, { source: "FUND", id: s.fund.id }, NOW)).toEqual({
      eligible: false,
      reasons: [{ key: "matching.ineligible.fundCashOnly", params: {} }],
    });
    expect(await explainCaseCandidate(s.row.id, s.needs.covered.id, { source: "FUND", id: s.fund.id }, NOW)).toEqual({
      eligible: false,
      reasons: [{ key: "matching.ineligible.lineNotOpen", params: {} }],
    });
    const ok = await explainCaseCandidate(s.row.id, s.needs.cash.id, { source: "PROJECT", id: s.projects.warmHeart.id }, NOW);
    expect(ok).toMatchObject({ eligible: true, suggestion: { amount: 700_000 } });
    expect(await explainCaseCandidate(s.row.id, s.needs.cash.id, { source: "PROJECT", id: "no-such-project" }, NOW)).toBeNull();
    expect(await explainCaseCandidate("no-such-case", s.needs.cash.id, { source: "FUND", id: s.fund.id }, NOW)).toBeNull();
  });

  it("maps the rows one to one onto the engine's inputs", async () => {
    const s = await scenario();
    const loaded = (await loadMatchCandidates(prisma, s.row.id, NOW))!;
    expect(loaded.input.case).toEqual({
      regionCode: s.row.regionCode,
      category: "MAJOR_ILLNESS",
      urgency: "HIGH",
      age: 46,
      ageBand: "ADULT",
      conditionTags: ["SERIOUS_ILLNESS"],
    });
    expect(loaded.input.candidates.funds.find((f) => f.id === s.fund.id)).toEqual({
      id: s.fund.id,
      name: s.fund.name,
      regionCode: s.fund.regionCode,
      scopeCategories: [],
      perCaseCapFen: 500_000,
      reviewThresholdFen: 300_000,
      status: "ACTIVE",
      balanceFen: 10_000_000,
      reservedFen: 1_000_000,
      committedToCaseFen: 200_000,
    });
    expect(loaded.input.candidates.projects.find((p) => p.id === s.projects.warmHeart.id)).toMatchObject({
      organizationStatus: "VETTED",
      budgetFen: 5_000_000,
      reservedFen: 1_000_000,
      committedToCaseFen: 300_000,
      startsOn: "2026-01-01",
      endsOn: "2027-12-31",
    });
    expect(loaded.input.candidates.supplyOffers.find((o) => o.id === s.offers.quiltOffer.id)).toMatchObject({ quantity: 10, quantityReserved: 8, expiresOn: "2026-12-10", organizationStatus: "VETTED" });
    expect(loaded.input.candidates.volunteerOffers.find((o) => o.id === s.offers.careOffer.id)).toMatchObject({ hoursOffered: 20, hoursReserved: 5, organizationStatus: null, availableUntil: null });
    expect(loaded.input.needs.map((n) => n.id)).not.toContain(s.needs.covered.id);
  });

  it("falls back to the birth year without an ID number, and gives null for an unknown case", async () => {
    const county = await createCounty();
    const row = await createCase(county, { status: "PUBLISHED" });
    await prisma.beneficiary.update({ where: { caseId: row.id }, data: { birthYear: 2010, housing: "DESTROYED", vulnerableMembers: ["CHILD"] } });
    const loaded = (await loadMatchCandidates(prisma, row.id, NOW))!;
    expect(loaded.input.case.age).toBe(16);
    expect(loaded.input.case.conditionTags).toEqual(["CHILD", "HOUSING_DAMAGED"]);
    expect(loaded.input.needs).toEqual([]);
    expect(await getCaseMatches("no-such-case", { now: NOW })).toBeNull();
  });
});

describe("the engine's enum lists match the Prisma schema", () => {
  it.each([
    ["NeedKind", NEED_KINDS, NeedKind],
    ["NeedStatus", NEED_STATUSES, NeedStatus],
    ["ResourceStatus", RESOURCE_STATUSES, ResourceStatus],
    ["FundStatus", FUND_STATUSES, FundStatus],
    ["OrganizationStatus", ORGANIZATION_STATUSES, OrganizationStatus],
    ["AgeBand", AGE_BANDS, AgeBand],
  ] as const)("%s", (_name, domainList, schemaEnum) => {
    expect([...domainList].sort()).toEqual(Object.values(schemaEnum).sort());
  });

  it("names its sources as CommitmentSource does", () => {
    for (const source of MATCH_SOURCES) expect(Object.values(CommitmentSource)).toContain(source);
  });
});

describe("matching locales", () => {
  it("translate exactly the keys the engine produces, in both languages", () => {
    expect(Object.keys(zhCN_matching.matching.reasons).sort()).toEqual([...REASON_KEYS].sort());
    expect(Object.keys(zhCN_matching.matching.ineligible).sort()).toEqual([...INELIGIBLE_KEYS].sort());
    expect(Object.keys(en_matching.matching.reasons).sort()).toEqual([...REASON_KEYS].sort());
    expect(Object.keys(en_matching.matching.ineligible).sort()).toEqual([...INELIGIBLE_KEYS].sort());
  });

  const params = {
    category: "MAJOR_ILLNESS",
    itemCategory: "BEDDING",
    skill: "CARE",
    itemName: "棉被",
    amount: "¥5,000.00",
    percent: 25,
    unit: "床",
    remaining: "¥10,000.00",
    urgency: "CRITICAL",
    date: "2026-12-01",
    days: 7,
    tag: "SERIOUS_ILLNESS",
    age: 46,
    band: "ADULT",
    cap: "¥10,000.00",
    left: "¥7,000.00",
    threshold: "¥3,000.00",
    lineUnit: "床",
    offerUnit: "条",
    availability: "周末全天",
    min: 16,
    max: 22,
    count: 2,
    title: "棉被",
    status: "PENDING",
  };

  it.each(["zh-CN", "en"] as const)("render every text in %s with its params and nested terms resolved", async (lng) => {
    const i18n = i18next.createInstance();
    await i18n.init({ ...i18nConfig, lng });
    const texts = [
      ...REASON_KEYS.map((k) => i18n.t(`matching.reasons.${k}`, params)),
      ...INELIGIBLE_KEYS.map((k) => i18n.t(`matching.ineligible.${k}`, params)),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/\{\{|\$t\(|matching\.|case\.|resourceTypes\.|org\.status/);
      expect(text.length).toBeGreaterThan(1);
    }
    expect(i18n.t("matching.reasons.categoryListed", params)).toBe(lng === "zh-CN" ? "救助范围包括“重大疾病”" : "Covers the category “Serious illness”");
    expect(i18n.t("matching.ineligible.orgNotVetted", params)).toBe(lng === "zh-CN" ? "所属机构未通过审核（待审核）" : "Its organisation is not vetted (Awaiting vetting)");
  });
});
