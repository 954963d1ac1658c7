import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { exportDisclosuresCsv } from "~/modules/resources/export-disclosures-csv.server.ts";
import { listDisclosures } from "~/modules/resources/list-disclosures.server.ts";
import { action as closeAction, loader as closeLoader } from "~/routes/staff+/cases.$caseNo.close.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createCase, createCounty, createUser, responseOf, signedInRequest } from "../factories/index.ts";

const unique = () => crypto.randomBytes(4).toString("hex");
const BENEFICIARY = "周建军";

type Answer = { formError?: string; fieldErrors: Record<string, string[]>; preview: { totalInFen: number; totalOutFen: number; content: unknown } | null };

/**
 * A published case with everything a disclosure draws from: a posted fund grant (and one still
 * requested), a delivered project commitment, a named and an anonymous PAID donation (and a
 * pending one), delivered goods and hours, and payments to a hospital and to the beneficiary.
 */
async function setUp(status: "PUBLISHED" | "FULFILLED" | "VERIFIED" = "PUBLISHED") {
  const county = await createCounty("萧县");
  const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });
  const record = await createCase(county, { status, version: 4 });
  await prisma.beneficiary.update({ where: { caseId: record.id }, data: { name: BENEFICIARY, phone: "13705574455", address: "安徽省宿州市萧县凤城街道东关社区老粮站宿舍 2 排 5 号" } });
  const caseId = record.id;

  const [cash, quilts, care] = await Promise.all([
    prisma.need.create({ data: { caseId, kind: "CASH", title: "心脏支架手术费用", target: 2_000_000, sortOrder: 0 } }),
    prisma.need.create({ data: { caseId, kind: "ITEM", title: "棉被", category: "BEDDING", unit: "床", target: 2, sortOrder: 1 } }),
    prisma.need.create({ data: { caseId, kind: "SERVICE", title: "术后陪护", category: "CARE", unit: "小时", target: 12, sortOrder: 2 } }),
  ]);

  const fund = await prisma.reliefFund.create({
    data: { name: "萧县救急难公益基金", regionCode: county.code, description: "测试基金", perCaseCapFen: 2_000_000, reviewThresholdFen: 500_000, advanceCapFen: 300_000 },
  });
  await prisma.fundGrant.createMany({
    data: [
      { fundId: fund.id, caseId, amountFen: 300_000, purpose: "先行救助", isAdvance: true, status: "POSTED", requestedById: staff.id },
      { fundId: fund.id, caseId, amountFen: 700_000, purpose: "补充救助", status: "POSTED", requestedById: staff.id },
      { fundId: fund.id, caseId, amountFen: 999_999, purpose: "待审核", status: "REQUESTED", requestedById: staff.id },
    ],
  });

  const org = await prisma.organization.create({
    data: { name: "宿州市慈善协会", kind: "CHARITY", creditCode: `T${unique()}${unique()}`.slice(0, 18), status: "VETTED", regionCode: county.code, description: "测试", contactName: "联系人", contactPhone: "0557-0000000" },
  });
  const project = await prisma.project.create({
    data: { organizationId: org.id, title: "大病救助“暖心”项目", summary: "测试", description: "测试", perCaseCapFen: 1_000_000, budgetFen: 10_000_000 },
  });
  await prisma.commitment.createMany({
    data: [
      { caseId, needId: cash.id, source: "PROJECT", projectId: project.id, organizationId: org.id, amount: 800_000, status: "DELIVERED" },
      { caseId, needId: cash.id, source: "PROJECT", projectId: project.id, organizationId: org.id, amount: 50_000, status: "CONFIRMED" },
      { caseId, needId: quilts.id, source: "SUPPLY_OFFER", organizationId: org.id, amount: 2, status: "DELIVERED" },
      { caseId, needId: care.id, source: "VOLUNTEER_OFFER", pledgerName: "陈晓燕", amount: 8, status: "DELIVERED" },
      { caseId, needId: care.id, source: "VOLUNTEER_OFFER", pledgerName: "陈晓燕", amount: 4, status: "DELIVERED" },
    ],
  });

  const donation = (data: { donorName: string | null; isAnonymous: boolean; amountFen: number; status: "PAID" | "PENDING" }) =>
    prisma.donation.create({ data: { ...data, caseId, needId: cash.id, receiptNo: `R-${unique()}`, method: "TRANSFER" } });
  await donation({ donorName: "李明", isAnonymous: false, amountFen: 150_000, status: "PAID" });
  await donation({ donorName: "王芳", isAnonymous: true, amountFen: 50_000, status: "PAID" });
  await donation({ donorName: "赵磊", isAnonymous: false, amountFen: 88_800, status: "PENDING" });

  const disburse = async (payeeKind: "HOSPITAL" | "BENEFICIARY", payeeName: string, amountFen: number) => {
    const transaction = await prisma.ledgerTransaction.create({ data: { kind: "DISBURSEMENT", memo: "测试支付" } });
    await prisma.disbursement.create({ data: { caseId, amountFen, payeeKind, payeeName, purpose: "测试", createdById: staff.id, transactionId: transaction.id } });
  };
  await disburse("HOSPITAL", "萧县人民医院", 300_000);
  await disburse("HOSPITAL", "萧县人民医院", 1_500_000);
  // Recorded with the real name by mistake: the disclosure must still say 受助人.
  await disburse("BENEFICIARY", BENEFICIARY, 200_000);

  return { county, staff, record };
}

const EXPECTED_CONTENT = {
  sources: [
    { kind: "FUND", name: "萧县救急难公益基金", amountFen: 1_000_000 },
    { kind: "PROJECT", name: "大病救助“暖心”项目（宿州市慈善协会）", amountFen: 800_000 },
    { kind: "DONORS", name: "李明", amountFen: 150_000 },
    { kind: "DONORS", name: "爱心人士", amountFen: 50_000 },
  ],
  goods: [{ name: "棉被", quantity: 2, unit: "床" }],
  hours: [{ service: "术后陪护", hours: 12 }],
  payments: [
    { payeeKind: "HOSPITAL", payeeName: "萧县人民医院", amountFen: 1_800_000 },
    { payeeKind: "BENEFICIARY", payeeName: "受助人", amountFen: 200_000 },
  ],
};

const close = async (userId: string, caseNo: string, fields: Record<string, string>) => {
  const request = await signedInRequest(userId, `/staff/cases/${caseNo}/close`, { method: "POST", body: new URLSearchParams(fields) });
  return responseOf(() => closeAction({ request, params: { caseNo }, context: {} }));
};

const OUTCOME = "患者术后康复出院，转入门诊随访；救助资金已全部结算。";

async function expectNothingWritten(caseId: string, caseNo: string, status: string) {
  expect(await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, version: true, outcome: true, closedAt: true } }))
    .toEqual({ status, version: 4, outcome: null, closedAt: null });
  expect(await prisma.disclosure.count({ where: { caseId } })).toBe(0);
  expect(await prisma.caseUpdate.count({ where: { caseId } })).toBe(0);
  expect(await prisma.outboxEvent.count({ where: { payload: { path: ["caseNo"], equals: caseNo } } })).toBe(0);
  expect(await prisma.auditEvent.count({ where: { caseId, action: "case.close" } })).toBe(0);
}

describe("closing a case with its disclosure (公示)", () => {
  it("closes a published case: the disclosure's totals and content come from the records, anonymised", async () => {
    const { staff, record } = await setUp();
    const result = await close(staff.id, record.caseNo, { intent: "close", version: "4", outcome: OUTCOME, reason: "医院已结算，剩余缺口由医疗救助解决" });
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe(`/staff/cases/${record.caseNo}/close`);

    const after = await prisma.case.findUniqueOrThrow({ where: { id: record.id } });
    expect(after).toMatchObject({ status: "CLOSED", version: 5, outcome: OUTCOME, statusReason: "医院已结算，剩余缺口由医疗救助解决" });
    expect(after.closedAt).not.toBeNull();

    const disclosure = await prisma.disclosure.findUniqueOrThrow({ where: { caseId: record.id } });
    expect(disclosure).toMatchObject({ outcome: OUTCOME, totalInFen: 2_000_000, totalOutFen: 2_000_000 });
    expect(disclosure.content).toEqual(EXPECTED_CONTENT);
    const json = JSON.stringify(disclosure);
    for (const secret of [BENEFICIARY, "王芳", "13705574455", "老粮站"]) expect(json).not.toContain(secret);

    const updates = await prisma.caseUpdate.findMany({ where: { caseId: record.id } });
    expect(updates.map((u) => [u.kind, u.isPublic])).toEqual([["CLOSED", true]]);
    expect(updates[0]!.text).toContain("已结案");
    const outbox = await prisma.outboxEvent.findMany({ where: { payload: { path: ["caseNo"], equals: record.caseNo } } });
    expect(outbox.map((o) => [o.topic, o.kind])).toEqual([["SEARCH", "case.upsert"]]);
    const audit = await prisma.auditEvent.findMany({ where: { caseId: record.id, action: "case.close" } });
    expect(audit.map((a) => [a.fromState, a.toState, a.actorId])).toEqual([["PUBLISHED", "CLOSED", staff.id]]);

    // Public at /disclosures and in /disclosures.csv.
    const page = await listDisclosures({ page: 1 });
    const row = page.disclosures.find((d) => d.caseNo === record.caseNo);
    expect(row).toMatchObject({ outcome: OUTCOME, totalInFen: 2_000_000, totalOutFen: 2_000_000 });
    expect(row!.sources.map((s) => s.name)).toEqual(["萧县救急难公益基金", "大病救助“暖心”项目（宿州市慈善协会）", "李明", "爱心人士"]);
    const csv = await exportDisclosuresCsv((key) => key);
    const line = csv.split("\r\n").find((l) => l.startsWith(record.caseNo));
    expect(line).toContain("20000.00");
    expect(line).toContain("爱心人士 500.00");
    expect(csv).not.toContain(BENEFICIARY);
  });

  it("closes a fulfilled case without a reason", async () => {
    const { staff, record } = await setUp("FULFILLED");
    const result = await close(staff.id, record.caseNo, { intent: "close", version: "4", outcome: OUTCOME });
    expect(result.status).toBe(303);
    expect(await prisma.disclosure.count({ where: { caseId: record.id } })).toBe(1);
  });

  it("needs a reason to close a case that is still published (400) and writes nothing", async () => {
    const { staff, record } = await setUp();
    const result = await close(staff.id, record.caseNo, { intent: "close", version: "4", outcome: OUTCOME, reason: " " });
    expect(result.status).toBe(400);
    expect((result.data as Answer).fieldErrors).toEqual({ reason: ["validation.required"] });
    await expectNothingWritten(record.id, record.caseNo, "PUBLISHED");
  });

  it("needs an outcome (400), refuses one that names the beneficiary (422), and writes nothing", async () => {
    const { staff, record } = await setUp();
    const missing = await close(staff.id, record.caseNo, { intent: "close", version: "4", outcome: "", reason: "测试" });
    expect(missing.status).toBe(400);
    expect((missing.data as Answer).fieldErrors.outcome).toEqual(["validation.required"]);
    const leaky = await close(staff.id, record.caseNo, { intent: "close", version: "4", outcome: `${BENEFICIARY}已出院`, reason: "测试" });
    expect(leaky.status).toBe(422);
    expect((leaky.data as Answer).fieldErrors.outcome).toEqual([`publication.pii.found|${JSON.stringify({ field: "outcome", kind: "name" })}`]);
    await expectNothingWritten(record.id, record.caseNo, "PUBLISHED");
  });

  it("refuses to close a case that is only verified (422) and writes nothing", async () => {
    const { staff, record } = await setUp("VERIFIED");
    const result = await close(staff.id, record.caseNo, { intent: "close", version: "4", outcome: OUTCOME, reason: "测试" });
    expect(result.status).toBe(422);
    expect((result.data as Answer).formError).toBe("caseActions.transitionError.notAllowedFromStatus");
    await expectNothingWritten(record.id, record.caseNo, "VERIFIED");
  });

  it("previews the disclosure without writing anything, and shows the draft on the tab", async () => {
    const { staff, record } = await setUp();
    const preview = await close(staff.id, record.caseNo, { intent: "preview", version: "4", outcome: OUTCOME });
    expect(preview.status).toBe(200);
    const answer = preview.data as Answer;
    expect(answer.preview).toMatchObject({ totalInFen: 2_000_000, totalOutFen: 2_000_000, content: EXPECTED_CONTENT });
    // Still published: the reason will be required, and the preview says so up front.
    expect(answer.fieldErrors).toEqual({ reason: ["validation.required"] });
    await expectNothingWritten(record.id, record.caseNo, "PUBLISHED");

    const request = await signedInRequest(staff.id, `/staff/cases/${record.caseNo}/close`);
    const tab = await responseOf(() => closeLoader({ request, params: { caseNo: record.caseNo }, context: {} }));
    expect(tab.data).toMatchObject({ form: { isClosable: true, isReasonRequired: true, isDraft: true, disclosure: { totalInFen: 2_000_000, content: EXPECTED_CONTENT } } });
    expect(JSON.stringify(tab.data)).not.toContain(BENEFICIARY);
  });

  it("answers a stale version with 409 and another county's staff with 403", async () => {
    const { staff, record } = await setUp("FULFILLED");
    expect((await close(staff.id, record.caseNo, { intent: "close", version: "3", outcome: OUTCOME })).status).toBe(409);
    const outsider = await createUser({ roles: ["STAFF"], scopeRegionCode: (await createCounty("张店区")).code });
    expect((await close(outsider.id, record.caseNo, { intent: "close", version: "4", outcome: OUTCOME })).status).toBe(403);
    await expectNothingWritten(record.id, record.caseNo, "FULFILLED");
  });
});
