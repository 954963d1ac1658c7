import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { commitmentIdForGrant } from "~/domain/pledges/pledge-rules.ts";
import { caseAccount, DONORS_ACCOUNT, fundAccount, PAID_OUT_ACCOUNT } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { action as moneyAction, loader as moneyLoader } from "~/routes/staff+/cases.$caseNo.money.tsx";
import { action as fundAction, loader as fundLoader } from "~/routes/staff+/funds.$id.tsx";
import { loader as fundsLoader } from "~/routes/staff+/funds._index.tsx";
import { action as reviewAction, loader as reviewLoader } from "~/routes/staff+/funds.reviews.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createCounty, createUser } from "../factories/index.ts";
import { balanceOf, createFund, createPublishedCase, expectLedgerConsistent, getPage, postForm } from "../factories/pledges.ts";

type Row = { id: string; caseNo: string; needs: Array<{ id: string }> };

async function setup(options: { balanceFen?: number; target?: number; reviewThresholdFen?: number; perCaseCapFen?: number; status?: "PUBLISHED" | "VERIFIED" | "ACCEPTED" | "CLOSED" } = {}) {
  const county = await createCounty();
  const fund = await createFund(county.code, options.balanceFen ?? 10_000_000, { reviewThresholdFen: options.reviewThresholdFen, perCaseCapFen: options.perCaseCapFen });
  const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });
  const reviewer = await createUser({ roles: ["STAFF", "REVIEWER"], scopeRegionCode: county.code, officeId: county.officeId });
  const c = await createPublishedCase(county, [{ kind: "CASH", target: options.target ?? 2_000_000 }, { kind: "ITEM", target: 2 }], { status: options.status });
  return { county, fund, staff, reviewer, c };
}

const money = (userId: string, c: Row, fields: Record<string, string>) => postForm(moneyAction, `/staff/cases/${c.caseNo}/money`, { caseNo: c.caseNo }, fields, { userId });
const grant = (userId: string, c: Row, fundId: string, amount: string, extra: Record<string, string> = {}) =>
  money(userId, c, { intent: "grant", requestKey: randomUUID(), fundId, amount, purpose: "医疗费用补充救助", ...extra });
const review = (userId: string, fields: Record<string, string>) => postForm(reviewAction, "/staff/funds/reviews", {}, fields, { userId });
const contribute = (userId: string, fundId: string, fields: Record<string, string>) => postForm(fundAction, `/staff/funds/${fundId}`, { id: fundId }, fields, { userId });
const needOf = (id: string) => prisma.need.findUniqueOrThrow({ where: { id } });

async function expectLedgerClean(...codes: string[]) {
  expect(await expectLedgerConsistent([DONORS_ACCOUNT, PAID_OUT_ACCOUNT, ...codes])).toEqual({ unbalanced: [], drifted: [], negative: [] });
}

describe("资金注入 (fund contributions)", () => {
  it("records a contribution donors → fund once per form, with its source, counterparty and audit", async () => {
    const { fund, staff } = await setup({ balanceFen: 0 });
    const requestKey = randomUUID();
    const fields = { requestKey, source: "WELFARE_LOTTERY", counterparty: "测试县民政局（福彩公益金）", amount: "150000", memo: "福彩公益金划拨" };
    const first = await contribute(staff.id, fund.id, fields);
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toBe(`/staff/funds/${fund.id}`);
    expect((await contribute(staff.id, fund.id, fields)).status).toBe(303); // the same form again
    expect(await balanceOf(fundAccount(fund.id))).toBe(15_000_000);
    const postings = await prisma.ledgerTransaction.findMany({ where: { idempotencyKey: `contribution:${requestKey}` }, include: { entries: { include: { account: true } } } });
    expect(postings).toHaveLength(1);
    expect(postings[0]).toMatchObject({ kind: "FUND_CONTRIBUTION", contributionSource: "WELFARE_LOTTERY", counterparty: "测试县民政局（福彩公益金）", createdById: staff.id });
    expect(postings[0]!.entries.map((e) => [e.account.code, e.amountFen]).sort()).toEqual([[DONORS_ACCOUNT, -15_000_000], [fundAccount(fund.id), 15_000_000]].sort());
    expect(await prisma.auditEvent.count({ where: { entityId: fund.id, action: "fund.contribution" } })).toBe(1);

    const page = await getPage(fundLoader, `/staff/funds/${fund.id}`, { id: fund.id }, { userId: staff.id });
    expect(page.data).toMatchObject({ canRecord: true, fund: { balanceFen: 15_000_000, entrySumFen: 15_000_000, contributions: [expect.objectContaining({ amountFen: 15_000_000, contributionSource: "WELFARE_LOTTERY" })] } });
    await expectLedgerClean(fundAccount(fund.id));
  });

  it.each([
    ["no amount", { amount: "" }],
    ["a zero amount", { amount: "0" }],
    ["an unknown source", { source: "LOTTERY" }],
    ["no counterparty", { counterparty: "" }],
    ["no request key", { requestKey: "" }],
  ])("answers %s with 400 and writes nothing", async (_label, overrides) => {
    const { fund, staff } = await setup({ balanceFen: 0 });
    const result = await contribute(staff.id, fund.id, { requestKey: randomUUID(), source: "PUBLIC_FINANCE", counterparty: "测试县财政局", amount: "1000", ...overrides });
    expect(result.status).toBe(400);
    expect(await balanceOf(fundAccount(fund.id))).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityId: fund.id } })).toBe(0);
  });

  it("forbids staff of another region and reviewers without fund.record, and 404s an unknown fund", async () => {
    const { fund, reviewer } = await setup({ balanceFen: 0 });
    const elsewhere = await createCounty();
    const outsider = await createUser({ roles: ["STAFF"], scopeRegionCode: elsewhere.code });
    const reviewerOnly = await createUser({ roles: ["REVIEWER"], scopeRegionCode: fund.regionCode });
    const fields = { requestKey: randomUUID(), source: "PUBLIC_FINANCE", counterparty: "测试县财政局", amount: "1000" };
    expect((await contribute(outsider.id, fund.id, fields)).status).toBe(403);
    expect((await getPage(fundLoader, `/staff/funds/${fund.id}`, { id: fund.id }, { userId: outsider.id })).status).toBe(403);
    expect((await contribute(reviewerOnly.id, fund.id, fields)).status).toBe(403);
    expect((await getPage(fundLoader, `/staff/funds/${fund.id}`, { id: fund.id }, { userId: reviewerOnly.id })).status).toBe(200);
    expect((await getPage(fundLoader, "/staff/funds/nope", { id: "nope" }, { userId: reviewer.id })).status).toBe(404);
    expect(await balanceOf(fundAccount(fund.id))).toBe(0);

    const list = await getPage(fundsLoader, "/staff/funds", {}, { userId: outsider.id });
    expect((list.data as { funds: Array<{ id: string }> }).funds.map((f) => f.id)).not.toContain(fund.id);
    const own = await getPage(fundsLoader, "/staff/funds", {}, { userId: reviewer.id });
    expect(own.data).toMatchObject({ isReviewer: true, funds: [expect.objectContaining({ id: fund.id, canRecord: true, canReview: true })] });
  });
});

describe("grants from a fund to a case", () => {
  it("at or below the review threshold: posted at once, the cash line reserved and delivered", async () => {
    const { fund, staff, c } = await setup();
    const page = await getPage(moneyLoader, `/staff/cases/${c.caseNo}/money`, { caseNo: c.caseNo }, { userId: staff.id });
    expect(page.data).toMatchObject({ canGrant: true, canDisburse: true, recordableFunds: [expect.objectContaining({ id: fund.id, balanceFen: 10_000_000, capLeftFen: 2_000_000 })] });

    expect((await grant(staff.id, c, fund.id, "5000")).status).toBe(303);
    const row = await prisma.fundGrant.findFirstOrThrow({ where: { caseId: c.id } });
    expect(row).toMatchObject({ status: "POSTED", amountFen: 500_000, requestedById: staff.id, reviewedById: staff.id, transactionId: expect.any(String), isAdvance: false });
    expect(await balanceOf(fundAccount(fund.id))).toBe(9_500_000);
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(500_000);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitmentIdForGrant(row.id) } })).toMatchObject({ source: "FUND", fundId: fund.id, status: "DELIVERED", amount: 500_000 });
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 500_000, delivered: 500_000 });
    expect(await prisma.ledgerTransaction.findUniqueOrThrow({ where: { id: row.transactionId! } })).toMatchObject({ kind: "GRANT", idempotencyKey: `grant:${row.id}` });
    await expectLedgerClean(fundAccount(fund.id), caseAccount(c.caseNo));
  });

  it("above the threshold: waits REQUESTED with the line reserved; the requester may not approve (403); another reviewer approves and it is paid", async () => {
    const { fund, staff, reviewer, c } = await setup();
    expect((await grant(reviewer.id, c, fund.id, "8000")).status).toBe(303);
    const row = await prisma.fundGrant.findFirstOrThrow({ where: { caseId: c.id } });
    expect(row).toMatchObject({ status: "REQUESTED", reviewedById: null, transactionId: null, requestedById: reviewer.id });
    expect(await balanceOf(fundAccount(fund.id))).toBe(10_000_000);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitmentIdForGrant(row.id) } })).toMatchObject({ status: "PLEDGED" });
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 800_000, delivered: 0 });

    // Four-eyes: the reviewer who asked cannot decide it.
    const queue = await getPage(reviewLoader, "/staff/funds/reviews", {}, { userId: reviewer.id });
    expect(queue.data).toMatchObject({ rows: [expect.objectContaining({ id: row.id, isOwnRequest: true })] });
    expect((await review(reviewer.id, { grantId: row.id, intent: "approve" })).status).toBe(403);
    expect(await prisma.fundGrant.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "REQUESTED" });
    expect(await balanceOf(fundAccount(fund.id))).toBe(10_000_000);

    // A staff member without the review right: 403 on the queue and on deciding.
    expect((await getPage(reviewLoader, "/staff/funds/reviews", {}, { userId: staff.id })).status).toBe(403);
    expect((await review(staff.id, { grantId: row.id, intent: "approve" })).status).toBe(403);

    const second = await createUser({ roles: ["REVIEWER"], scopeRegionCode: fund.regionCode });
    const approved = await review(second.id, { grantId: row.id, intent: "approve", note: "同意，一事一议。" });
    expect(approved.status).toBe(303);
    expect(await prisma.fundGrant.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "POSTED", reviewedById: second.id, reviewNote: "同意，一事一议。", transactionId: expect.any(String) });
    expect(await balanceOf(fundAccount(fund.id))).toBe(9_200_000);
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(800_000);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitmentIdForGrant(row.id) } })).toMatchObject({ status: "DELIVERED", deliveredById: second.id });
    expect(await prisma.auditEvent.findMany({ where: { entityId: row.id }, orderBy: { id: "asc" } })).toEqual([
      expect.objectContaining({ action: "grant.request", actorId: reviewer.id }),
      expect.objectContaining({ action: "grant.approve", actorId: second.id, fromState: "REQUESTED", toState: "POSTED" }),
    ]);
    // Decided once: a second decision is a conflict and pays nothing more.
    const third = await createUser({ roles: ["REVIEWER"], scopeRegionCode: fund.regionCode });
    expect((await review(third.id, { grantId: row.id, intent: "approve" })).status).toBe(409);
    expect(await balanceOf(fundAccount(fund.id))).toBe(9_200_000);
    await expectLedgerClean(fundAccount(fund.id), caseAccount(c.caseNo));
  });

  it("rejected with a note (400 without): REJECTED, the line's reservation released, nothing paid", async () => {
    const { fund, staff, reviewer, c } = await setup();
    expect((await grant(staff.id, c, fund.id, "6000")).status).toBe(303);
    const row = await prisma.fundGrant.findFirstOrThrow({ where: { caseId: c.id } });
    const noNote = await review(reviewer.id, { grantId: row.id, intent: "reject" });
    expect(noNote.status).toBe(400);
    expect(noNote.data).toMatchObject({ fieldErrors: { note: ["validation.required"] } });
    expect((await review(reviewer.id, { grantId: row.id, intent: "reject", note: "已获其他救助，不予重复拨付。" })).status).toBe(303);
    expect(await prisma.fundGrant.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "REJECTED", reviewedById: reviewer.id, transactionId: null });
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitmentIdForGrant(row.id) } })).toMatchObject({ status: "CANCELLED", cancelReason: "已获其他救助，不予重复拨付。" });
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 0 });
    expect(await balanceOf(fundAccount(fund.id))).toBe(10_000_000);
  });

  it("never takes a fund below zero: refused at request (422) and at approval after the fund ran low, nothing written", async () => {
    const { county, fund, staff, reviewer, c } = await setup({ balanceFen: 1_000_000 });
    const tooMuch = await grant(staff.id, c, fund.id, "10000.01");
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.data).toMatchObject({ fieldErrors: { amount: ['fundDesk.errors.fundBalanceIs|{"balance":"¥10,000.00"}'] } });
    expect(await prisma.fundGrant.count({ where: { caseId: c.id } })).toBe(0);
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 0 });

    // Asked for while the fund held enough, approved after another grant drained it.
    expect((await grant(staff.id, c, fund.id, "9000")).status).toBe(303);
    const waiting = await prisma.fundGrant.findFirstOrThrow({ where: { caseId: c.id, status: "REQUESTED" } });
    const other = await createPublishedCase(county, [{ kind: "CASH", target: 500_000 }]);
    expect((await grant(staff.id, other, fund.id, "5000")).status).toBe(303);
    expect(await balanceOf(fundAccount(fund.id))).toBe(500_000);

    const refused = await review(reviewer.id, { grantId: waiting.id, intent: "approve" });
    expect(refused.status).toBe(422);
    expect(refused.data).toMatchObject({ formError: "fundDesk.errors.fundBalance" });
    expect(await prisma.fundGrant.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "REQUESTED", reviewedById: null, transactionId: null });
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitmentIdForGrant(waiting.id) } })).toMatchObject({ status: "PLEDGED" });
    expect(await balanceOf(fundAccount(fund.id))).toBe(500_000);
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityId: waiting.id, action: "grant.approve" } })).toBe(0);
    await expectLedgerClean(fundAccount(fund.id), caseAccount(c.caseNo));
  });

  it("keeps the fund at or above zero when many grants race for its last money", async () => {
    const { fund, staff, c } = await setup({ balanceFen: 1_000_000, target: 5_000_000, perCaseCapFen: 5_000_000 });
    const results = await Promise.all(Array.from({ length: 6 }, () => grant(staff.id, c, fund.id, "3000")));
    expect(results.filter((r) => r.status === 303)).toHaveLength(3);
    expect(results.filter((r) => r.status === 422)).toHaveLength(3);
    expect(await balanceOf(fundAccount(fund.id))).toBe(100_000);
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(900_000);
    await expectLedgerClean(fundAccount(fund.id), caseAccount(c.caseNo));
  });

  it("refuses more than the fund's per-case cap, more than the line needs, a fund of another region, and a case not yet verified", async () => {
    const { county, fund, staff, c } = await setup({ perCaseCapFen: 600_000, target: 2_000_000 });
    expect((await grant(staff.id, c, fund.id, "4000")).status).toBe(303);
    const cap = await grant(staff.id, c, fund.id, "2000.01");
    expect(cap.status).toBe(422);
    expect(cap.data).toMatchObject({ fieldErrors: { amount: ['fundDesk.errors.overPerCaseCap|{"left":"¥2,000.00"}'] } });

    const small = await createPublishedCase(county, [{ kind: "CASH", target: 100_000 }]);
    const overLine = await grant(staff.id, small, fund.id, "1000.01");
    expect(overLine.status).toBe(409);
    expect(await prisma.fundGrant.count({ where: { caseId: small.id } })).toBe(0);

    const elsewhere = await createCounty();
    const foreignFund = await createFund(elsewhere.code, 1_000_000);
    const foreign = await grant(staff.id, c, foreignFund.id, "100");
    expect(foreign.status).toBe(400);
    expect(foreign.data).toMatchObject({ fieldErrors: { fundId: ["fundDesk.errors.fundNotForCase"] } });

    const accepted = await createPublishedCase(county, [], { status: "ACCEPTED" });
    const early = await grant(staff.id, accepted, fund.id, "100");
    expect(early.status).toBe(422);
    expect(await prisma.fundGrant.count({ where: { caseId: { in: [accepted.id, c.id] } } })).toBe(1);
  });

  it.each([
    ["no amount", { amount: "" }],
    ["a negative amount", { amount: "-10" }],
    ["no purpose", { purpose: "" }],
    ["no fund", { fundId: "" }],
    ["an unknown intent", { intent: "steal" }],
  ])("answers %s with 400 and writes nothing", async (_label, overrides) => {
    const { fund, staff, c } = await setup();
    const result = await grant(staff.id, c, fund.id, "100", overrides);
    expect(result.status).toBe(400);
    expect(await prisma.fundGrant.count({ where: { caseId: c.id } })).toBe(0);
    expect(await prisma.commitment.count({ where: { caseId: c.id } })).toBe(0);
    expect(await balanceOf(fundAccount(fund.id))).toBe(10_000_000);
  });

  it("forbids staff outside the case's region (403) on the tab and its actions", async () => {
    const { fund, c } = await setup();
    const elsewhere = await createCounty();
    const outsider = await createUser({ roles: ["STAFF"], scopeRegionCode: elsewhere.code });
    expect((await getPage(moneyLoader, `/staff/cases/${c.caseNo}/money`, { caseNo: c.caseNo }, { userId: outsider.id })).status).toBe(403);
    expect((await grant(outsider.id, c, fund.id, "100")).status).toBe(403);
    expect(await prisma.fundGrant.count({ where: { caseId: c.id } })).toBe(0);
  });
});

describe("disbursements and surplus", () => {
  async function funded() {
    const ctx = await setup();
    expect((await grant(ctx.staff.id, ctx.c, ctx.fund.id, "3000")).status).toBe(303);
    return ctx;
  }
  const disburse = (userId: string, c: Row, fields: Record<string, string>) =>
    money(userId, c, { intent: "disburse", requestKey: randomUUID(), payeeKind: "HOSPITAL", payeeName: "测试县人民医院", amount: "1000", purpose: "住院费用（与医院直接结算）", ...fields });

  it("pays a hospital out of the case: case → paid-out, a Disbursement row, once per form", async () => {
    const { fund, staff, c } = await funded();
    const requestKey = randomUUID();
    expect((await disburse(staff.id, c, { requestKey, amount: "1200.50" })).status).toBe(303);
    expect((await disburse(staff.id, c, { requestKey, amount: "1200.50" })).status).toBe(303);
    const rows = await prisma.disbursement.findMany({ where: { caseId: c.id }, include: { transaction: { include: { entries: { include: { account: true } } } } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amountFen: 120_050, payeeKind: "HOSPITAL", payeeName: "测试县人民医院", createdById: staff.id });
    expect(rows[0]!.transaction.entries.map((e) => [e.account.code, e.amountFen]).sort()).toEqual([[caseAccount(c.caseNo), -120_050], [PAID_OUT_ACCOUNT, 120_050]].sort());
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(300_000 - 120_050);
    await expectLedgerClean(fundAccount(fund.id), caseAccount(c.caseNo));
  });

  it("names the beneficiary 受助人 and refuses a payee name that gives them away", async () => {
    const { staff, c } = await funded();
    expect((await disburse(staff.id, c, { payeeKind: "BENEFICIARY", payeeName: "" })).status).toBe(303);
    expect(await prisma.disbursement.findFirstOrThrow({ where: { caseId: c.id } })).toMatchObject({ payeeKind: "BENEFICIARY", payeeName: "受助人" });
    const leaked = await disburse(staff.id, c, { payeeKind: "OTHER", payeeName: "测试受助人家属" });
    expect(leaked.status).toBe(422);
    expect(leaked.data).toMatchObject({ fieldErrors: { payeeName: ["fundDesk.errors.payeePii"] } });
    expect(await prisma.disbursement.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("never pays out more than the case holds (422, nothing written)", async () => {
    const { fund, staff, c } = await funded();
    const result = await disburse(staff.id, c, { amount: "3000.01" });
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ formError: "fundDesk.errors.caseBalance" });
    expect(await prisma.disbursement.count({ where: { caseId: c.id } })).toBe(0);
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(300_000);
    expect(await prisma.auditEvent.count({ where: { caseId: c.id, action: "case.disbursement" } })).toBe(0);
    expect((await disburse(staff.id, c, { payeeName: "" })).status).toBe(400); // a hospital must be named
    await expectLedgerClean(fundAccount(fund.id), caseAccount(c.caseNo));
  });

  it("moves a surplus back to the fund (case → fund), never more than the case holds", async () => {
    const { fund, staff, c } = await funded();
    const fields = { intent: "surplus", fundId: fund.id };
    expect((await money(staff.id, c, { ...fields, requestKey: randomUUID(), amount: "3000.01" })).status).toBe(422);
    expect((await money(staff.id, c, { ...fields, requestKey: randomUUID(), amount: "500" })).status).toBe(303);
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(250_000);
    expect(await balanceOf(fundAccount(fund.id))).toBe(10_000_000 - 300_000 + 50_000);
    expect(await prisma.ledgerTransaction.count({ where: { kind: "SURPLUS_TRANSFER", entries: { some: { account: { code: caseAccount(c.caseNo) } } } } })).toBe(1);
    await expectLedgerClean(fundAccount(fund.id), caseAccount(c.caseNo));
  });
});
