import { describe, expect, it } from "vitest";
import { commitmentIdForDonation } from "~/domain/pledges/pledge-rules.ts";
import { caseAccount, DONORS_ACCOUNT } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { expireOverduePledges } from "~/modules/pledges/expire-overdue-pledges.server.ts";
import { action as transferAction, loader as transferLoader } from "~/routes/_public+/needs.$caseNo.transfer.tsx";
import { action as deskAction, loader as deskLoader } from "~/routes/staff+/cases.$caseNo.pledges.tsx";
import { prisma } from "~/utils/db.server.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { createCounty, createUser } from "../factories/index.ts";
import { balanceOf, createPublishedCase, expectLedgerConsistent, getPage, postForm } from "../factories/pledges.ts";

type Row = { id: string; caseNo: string; needs: Array<{ id: string }> };
const DAY = 86_400_000;

async function setup(target = 1_000_000, extraLines: Array<{ kind: "ITEM" | "CASH"; target: number }> = []) {
  const county = await createCounty();
  const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });
  const c = await createPublishedCase(county, [{ kind: "CASH", target }, ...extraLines]);
  return { county, staff, c };
}

const transfer = (c: Row, fields: Record<string, string>, opts: { userId?: string; client?: string } = {}) =>
  postForm(transferAction, `/needs/${c.caseNo}/transfer`, { caseNo: c.caseNo }, fields, opts);
const step = (userId: string, c: Row, fields: Record<string, string>) =>
  postForm(deskAction, `/staff/cases/${c.caseNo}/pledges`, { caseNo: c.caseNo }, fields, { userId });
const gift = (overrides: Record<string, string> = {}) => ({ amount: "500", name: "王建国", contact: "wangjg@example.com", ...overrides });
const needOf = (id: string) => prisma.need.findUniqueOrThrow({ where: { id } });

async function expectNothingWritten(c: Row) {
  expect(await prisma.donation.count({ where: { caseId: c.id } })).toBe(0);
  expect(await prisma.commitment.count({ where: { caseId: c.id } })).toBe(0);
  expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 0 });
  expect(await prisma.auditEvent.count({ where: { caseId: c.id } })).toBe(0);
}

async function pledgedTransfer(fields: Record<string, string> = {}) {
  const ctx = await setup();
  const result = await transfer(ctx.c, gift(fields));
  expect(result.status).toBe(200);
  const donation = await prisma.donation.findFirstOrThrow({ where: { caseId: ctx.c.id } });
  return { ...ctx, donation, commitmentId: commitmentIdForDonation(donation.id) };
}

describe("线下转账认捐 (offline transfer pledge)", () => {
  it("records a pending transfer with a receipt number, reserves the cash line and mails the instructions", async () => {
    const { c } = await setup();
    const page = await getPage(transferLoader, `/needs/${c.caseNo}/transfer`, { caseNo: c.caseNo });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ page: { needs: [expect.objectContaining({ kind: "CASH", remaining: 1_000_000 })] } });

    const before = Date.now();
    const result = await transfer(c, gift({ amount: "500.50" }));
    expect(result.status).toBe(200);
    const answer = result.data as { pledge: { receiptNo: string; amountFen: number; expiresAt: string; isMailed: boolean } };
    const year = shanghaiDate(new Date()).slice(0, 4);
    expect(answer.pledge).toMatchObject({ amountFen: 50_050, isMailed: true, receiptNo: expect.stringMatching(new RegExp(`^RC-${year}-\\d{6}$`)) });

    const donation = await prisma.donation.findFirstOrThrow({ where: { caseId: c.id } });
    expect(donation).toMatchObject({ receiptNo: answer.pledge.receiptNo, method: "TRANSFER", status: "PENDING", amountFen: 50_050, donorName: "王建国", isAnonymous: false, donorEmail: "wangjg@example.com", needId: c.needs[0]!.id, paidAt: null });
    expect(donation.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 10 * DAY);
    expect(donation.expiresAt!.getTime()).toBeLessThan(Date.now() + 10 * DAY + 1000);

    const commitment = await prisma.commitment.findUniqueOrThrow({ where: { id: commitmentIdForDonation(donation.id) } });
    expect(commitment).toMatchObject({ source: "DONATION", status: "PLEDGED", amount: 50_050, pledgerName: "王建国", pledgerContact: "wangjg@example.com", needId: c.needs[0]!.id });
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 50_050, delivered: 0 });
    // Nothing in the ledger until the money is seen.
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(0);
    expect(await prisma.ledgerTransaction.count({ where: { donationId: donation.id } })).toBe(0);

    const mail = await prisma.outboxEvent.findMany({ where: { topic: "MAIL", kind: "mail.transfer-pledge-instructions" } });
    expect(mail.filter((m) => (m.payload as { refs?: { donationId?: string } } | null)?.refs?.donationId === donation.id)).toEqual([
      expect.objectContaining({ payload: { template: "transfer-pledge-instructions", to: "wangjg@example.com", locale: "zh-CN", refs: { donationId: donation.id } } }),
    ]);
    const audit = await prisma.auditEvent.findMany({ where: { caseId: c.id } });
    expect(audit).toEqual([expect.objectContaining({ action: "donation.pledgeTransfer", entityId: donation.id })]);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain("wangjg");
  });

  it("numbers receipts one after another and keeps a phone contact without mailing", async () => {
    const { c } = await setup();
    expect((await transfer(c, gift())).status).toBe(200);
    expect((await transfer(c, gift({ anonymous: "on", name: "", contact: "13800138000" }))).status).toBe(200);
    const donations = await prisma.donation.findMany({ where: { caseId: c.id }, orderBy: { createdAt: "asc" } });
    const [first, second] = donations.map((d) => Number(d.receiptNo.slice(-6)));
    expect(second).toBe(first! + 1);
    expect(donations[1]).toMatchObject({ donorEmail: null, donorName: null, isAnonymous: true });
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitmentIdForDonation(donations[1]!.id) } })).toMatchObject({ pledgerName: "爱心人士", pledgerContact: "13800138000" });
    const mails = await prisma.outboxEvent.findMany({ where: { topic: "MAIL" } });
    // Other tests share this database, some with deliberately malformed mail rows: read refs defensively.
    expect(mails.some((m) => (m.payload as { refs?: { donationId?: string } } | null)?.refs?.donationId === donations[1]!.id)).toBe(false);
  });

  it.each([
    ["under ¥1", { amount: "0.99" }, "amount"],
    ["zero", { amount: "0" }, "amount"],
    ["a negative amount", { amount: "-5" }, "amount"],
    ["three decimals", { amount: "12.345" }, "amount"],
    ["not a number", { amount: "五百" }, "amount"],
    ["no contact", { contact: "" }, "contact"],
    ["a bad e-mail", { contact: "wang@" }, "contact"],
    ["no name and not anonymous", { name: "" }, "name"],
  ])("answers %s with 400 and writes nothing (no receipt number drawn)", async (_label, overrides, field) => {
    const { c } = await setup();
    const counter = await prisma.counter.findUnique({ where: { name: `receipt:${shanghaiDate(new Date()).slice(0, 4)}` } });
    const result = await transfer(c, gift(overrides));
    expect(result.status).toBe(400);
    expect((result.data as { fieldErrors: Record<string, string[]> }).fieldErrors[field]).toBeDefined();
    await expectNothingWritten(c);
    expect(await prisma.counter.findUnique({ where: { name: `receipt:${shanghaiDate(new Date()).slice(0, 4)}` } })).toEqual(counter);
  });

  it("caps the pledge at what the cash line still needs (409 with the most it can take), nothing written", async () => {
    const { c } = await setup(100_000);
    const over = await transfer(c, gift({ amount: "1000.01" }));
    expect(over.status).toBe(409);
    expect(over.data).toMatchObject({ fieldErrors: { amount: ['pledging.errors.overRemainingFen|{"max":"¥1,000.00"}'] } });
    await expectNothingWritten(c);
    expect((await transfer(c, gift({ amount: "1000" }))).status).toBe(200);
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 100_000, status: "COVERED" });
    const full = await transfer(c, gift({ amount: "1" }));
    expect(full.status).toBe(409);
    expect(full.data).toMatchObject({ formError: "pledging.errors.lineFull" });
  });

  it("refuses a case without a cash line or not published", async () => {
    const county = await createCounty();
    const goodsOnly = await createPublishedCase(county, [{ kind: "ITEM", target: 3 }]);
    const refused = await transfer(goodsOnly, gift());
    expect(refused.status).toBe(422);
    expect(refused.data).toMatchObject({ formError: "pledging.errors.noCashLine" });
    const closed = await createPublishedCase(county, [{ kind: "CASH", target: 100_000 }], { status: "CLOSED" });
    expect((await getPage(transferLoader, `/needs/${closed.caseNo}/transfer`, { caseNo: closed.caseNo })).status).toBe(404);
    expect((await transfer(closed, gift())).status).toBe(422);
    expect(await prisma.donation.count({ where: { caseId: { in: [goodsOnly.id, closed.id] } } })).toBe(0);
  });
});

describe("staff confirm the transfer arrived, or let it lapse", () => {
  it("on receipt: Donation PAID, DONATION posted donors → case once, commitment DELIVERED, receipt mailed", async () => {
    const { staff, c, donation, commitmentId } = await pledgedTransfer();
    const desk = await getPage(deskLoader, `/staff/cases/${c.caseNo}/pledges`, { caseNo: c.caseNo }, { userId: staff.id });
    expect(desk.data).toMatchObject({ rows: [expect.objectContaining({ id: commitmentId, intents: ["receive", "expire"], donation: expect.objectContaining({ receiptNo: donation.receiptNo, status: "PENDING" }) })] });
    const donorsBefore = (await balanceOf(DONORS_ACCOUNT))!;

    const received = await step(staff.id, c, { commitmentId, intent: "receive", version: "0" });
    expect(received.status).toBe(303);
    expect(await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "PAID", paidAt: expect.any(Date) });
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitmentId } })).toMatchObject({ status: "DELIVERED", deliveredById: staff.id });
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 50_000, delivered: 50_000 });

    const postings = await prisma.ledgerTransaction.findMany({ where: { donationId: donation.id }, include: { entries: { include: { account: true } } } });
    expect(postings).toHaveLength(1);
    expect(postings[0]).toMatchObject({ kind: "DONATION", idempotencyKey: `transfer:${donation.id}`, counterparty: "王建国", createdById: staff.id });
    expect(postings[0]!.entries.map((e) => [e.account.code, e.amountFen]).sort()).toEqual([[DONORS_ACCOUNT, -50_000], [caseAccount(c.caseNo), 50_000]].sort());
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(50_000);
    expect(await balanceOf(DONORS_ACCOUNT)).toBe(donorsBefore - 50_000);

    const receipts = await prisma.outboxEvent.findMany({ where: { topic: "MAIL", kind: "mail.donation-receipt" } });
    expect(receipts.filter((m) => (m.payload as { refs?: { donationId?: string } } | null)?.refs?.donationId === donation.id)).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { entityId: donation.id, action: "donation.transferReceived" } })).toBe(1);

    // A second click (the stale page) changes nothing and posts nothing.
    expect((await step(staff.id, c, { commitmentId, intent: "receive", version: "0" })).status).toBe(409);
    expect(await prisma.ledgerTransaction.count({ where: { donationId: donation.id } })).toBe(1);
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(50_000);
    const ledger = await expectLedgerConsistent([DONORS_ACCOUNT, caseAccount(c.caseNo)]);
    expect(ledger).toEqual({ unbalanced: [], drifted: [], negative: [] });
  });

  it("two staff confirming at once record the gift once", async () => {
    const { county, staff, c, donation, commitmentId } = await pledgedTransfer();
    const colleague = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code });
    const results = await Promise.all([staff.id, colleague.id].map((id) => step(id, c, { commitmentId, intent: "receive", version: "0" })));
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    expect(await prisma.ledgerTransaction.count({ where: { donationId: donation.id } })).toBe(1);
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(50_000);
  });

  it("marked not received: Donation and commitment EXPIRED, the line released, nothing in the ledger", async () => {
    const { staff, c, donation, commitmentId } = await pledgedTransfer();
    expect((await step(staff.id, c, { commitmentId, intent: "expire", version: "0" })).status).toBe(303);
    expect(await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "EXPIRED", paidAt: null });
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitmentId } })).toMatchObject({ status: "EXPIRED", cancelledAt: expect.any(Date) });
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 0, status: "OPEN" });
    expect(await prisma.ledgerTransaction.count({ where: { donationId: donation.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityId: donation.id, action: "donation.transferExpired" } })).toBe(1);
    // And it cannot be received afterwards.
    expect((await step(staff.id, c, { commitmentId, intent: "receive", version: "1" })).status).toBe(422);
  });

  it("lapses by itself after 10 days (the expiry sweep), releasing the line for other donors", async () => {
    const { c, donation, commitmentId } = await pledgedTransfer({ amount: "10000" });
    await expireOverduePledges(new Date(Date.now() + 9 * DAY));
    expect(await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "PENDING" });
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitmentId } })).toMatchObject({ status: "PLEDGED" });
    expect(await expireOverduePledges(new Date(Date.now() + 11 * DAY))).toBeGreaterThanOrEqual(1);
    expect(await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "EXPIRED" });
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitmentId } })).toMatchObject({ status: "EXPIRED" });
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 0 });
    expect((await transfer(c, gift({ amount: "10000" }))).status).toBe(200);
  });

  it("refuses staff steps that do not fit a transfer (confirm, deliver) with 422", async () => {
    const { staff, c, commitmentId } = await pledgedTransfer();
    for (const intent of ["confirm", "deliver"]) expect((await step(staff.id, c, { commitmentId, intent, version: "0" })).status).toBe(422);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitmentId } })).toMatchObject({ status: "PLEDGED", version: 0 });
  });

  it("forbids staff outside the case's region (403), changing nothing", async () => {
    const { c, donation, commitmentId } = await pledgedTransfer();
    const elsewhere = await createCounty();
    const outsider = await createUser({ roles: ["STAFF"], scopeRegionCode: elsewhere.code });
    expect((await step(outsider.id, c, { commitmentId, intent: "receive", version: "0" })).status).toBe(403);
    expect(await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "PENDING" });
    expect(await prisma.ledgerTransaction.count({ where: { donationId: donation.id } })).toBe(0);
  });

  it("moves the case to FULFILLED when the received transfer completes its only line", async () => {
    const { staff, c } = await setup(20_000);
    expect((await transfer(c, gift({ amount: "200" }))).status).toBe(200);
    const donation = await prisma.donation.findFirstOrThrow({ where: { caseId: c.id } });
    expect((await step(staff.id, c, { commitmentId: commitmentIdForDonation(donation.id), intent: "receive", version: "0" })).status).toBe(303);
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "FULFILLED" });
  });
});
