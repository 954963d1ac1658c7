import { describe, expect, it } from "vitest";
import { GRANT_STATUSES } from "~/domain/ledger-grants.ts";
import { CONTRIBUTION_SOURCES, LEDGER_ACCOUNT_KINDS, LEDGER_KINDS, PAYEE_KINDS } from "~/domain/ledger-postings.ts";
import { COMMITMENT_SOURCES, COMMITMENT_STATUSES } from "~/domain/pledges/commitment-status.ts";
import { CommitmentSource, CommitmentStatus, ContributionSource, GrantStatus, LedgerAccountKind, LedgerTransactionKind, PayeeKind } from "~/generated/prisma/enums.ts";
import { getPublicNeed } from "~/modules/public/get-public-need.server.ts";
import { expireOverduePledges } from "~/modules/pledges/expire-overdue-pledges.server.ts";
import { markCommitmentDelivered } from "~/modules/pledges/mark-commitment-delivered.server.ts";
import { CommitmentForbiddenError } from "~/modules/pledges/pledge-errors.server.ts";
import { PLEDGE_RATE_LIMIT } from "~/modules/pledges/pledge-rate-limit.server.ts";
import { action as pledgeAction, loader as pledgeLoader } from "~/routes/_public+/needs.$caseNo.pledge.tsx";
import { action as volunteerAction, loader as volunteerLoader } from "~/routes/_public+/needs.$caseNo.volunteer.tsx";
import { action as deskAction, loader as deskLoader } from "~/routes/staff+/cases.$caseNo.pledges.tsx";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createCounty, createUser } from "../factories/index.ts";
import { caseAccount, DONORS_ACCOUNT, ensureAccount, postLedgerTransaction, projectAccount } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { balanceOf, createOrganization, createPublishedCase, getPage, postForm, randomClient, type LineSpec } from "../factories/pledges.ts";

type Row = { id: string; caseNo: string; needs: Array<{ id: string }> };

async function setup(lines: LineSpec[] = [{ kind: "ITEM", target: 10 }, { kind: "SERVICE", target: 8 }]) {
  const county = await createCounty();
  const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });
  const c = await createPublishedCase(county, lines);
  return { county, staff, c };
}

const pledge = (c: Row, fields: Record<string, string>, opts: { userId?: string; client?: string } = {}) =>
  postForm(pledgeAction, `/needs/${c.caseNo}/pledge`, { caseNo: c.caseNo }, fields, opts);
const volunteer = (c: Row, fields: Record<string, string>, opts: { userId?: string; client?: string } = {}) =>
  postForm(volunteerAction, `/needs/${c.caseNo}/volunteer`, { caseNo: c.caseNo }, fields, opts);
const step = (userId: string, c: Row, fields: Record<string, string>) =>
  postForm(deskAction, `/staff/cases/${c.caseNo}/pledges`, { caseNo: c.caseNo }, fields, { userId });

const goods = (c: Row, overrides: Record<string, string> = {}) => ({ needId: c.needs[0]!.id, quantity: "3", name: "李明", contact: "liming@example.com", ...overrides });
const needOf = (id: string) => prisma.need.findUniqueOrThrow({ where: { id } });
const asCurrentUser = (u: { id: string; email: string; displayName: string; roles: string[]; scopeRegionCode: string | null; officeId: string | null }) => u as CurrentUser;

async function expectNothingWritten(caseId: string, needId: string) {
  expect(await prisma.commitment.count({ where: { caseId } })).toBe(0);
  expect(await needOf(needId)).toMatchObject({ committed: 0, delivered: 0, status: "OPEN" });
  expect(await prisma.auditEvent.count({ where: { caseId } })).toBe(0);
}

describe("domain enum lists match the Prisma schema", () => {
  it.each([
    ["CommitmentStatus", COMMITMENT_STATUSES, CommitmentStatus],
    ["CommitmentSource", COMMITMENT_SOURCES, CommitmentSource],
    ["GrantStatus", GRANT_STATUSES, GrantStatus],
    ["LedgerTransactionKind", LEDGER_KINDS, LedgerTransactionKind],
    ["LedgerAccountKind", LEDGER_ACCOUNT_KINDS, LedgerAccountKind],
    ["ContributionSource", CONTRIBUTION_SOURCES, ContributionSource],
    ["PayeeKind", PAYEE_KINDS, PayeeKind],
  ] as const)("%s", (_name, domainList, schemaEnum) => {
    expect([...domainList].sort()).toEqual(Object.values(schemaEnum).sort());
  });
});

describe("认领 goods and hours from the public page", () => {
  it("records an anonymous visitor's goods pledge: PLEDGED, the line reserved, the contact private", async () => {
    const { c } = await setup();
    const page = await getPage(pledgeLoader, `/needs/${c.caseNo}/pledge`, { caseNo: c.caseNo });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ page: { caseNo: c.caseNo, needs: [expect.objectContaining({ id: c.needs[0]!.id, remaining: 10 })] }, organizations: [] });

    const result = await pledge(c, goods(c, { name: "", anonymous: "on", contact: "138 0013 8000" }));
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ isSent: true, amount: 3 });

    const row = await prisma.commitment.findFirstOrThrow({ where: { caseId: c.id } });
    expect(row).toMatchObject({ source: "DIRECT_PLEDGE", status: "PLEDGED", amount: 3, isAnonymous: true, pledgerName: "爱心人士", pledgerContact: "13800138000", pledgerId: null, organizationId: null, version: 0 });
    expect(row.expiresAt!.getTime() - row.pledgedAt.getTime()).toBe(7 * 86_400_000);
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 3, delivered: 0, status: "OPEN" });

    const audit = await prisma.auditEvent.findMany({ where: { caseId: c.id } });
    expect(audit).toEqual([expect.objectContaining({ action: "commitment.pledge", entityId: row.id, toState: "PLEDGED" })]);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain("13800138000");

    // The public need page shows the progress and never the contact.
    const publicNeed = await getPublicNeed(c.caseNo);
    expect(publicNeed!.needs[0]).toMatchObject({ committed: 3, target: 10 });
    expect(JSON.stringify(publicNeed)).not.toContain("13800138000");
  });

  it("records a signed-in person's pledge with pledgerId, and an organisation member's on behalf of the vetted organisation", async () => {
    const { county, c } = await setup();
    const donor = await createUser({ roles: ["DONOR"] });
    expect((await pledge(c, goods(c, { quantity: "2" }), { userId: donor.id })).status).toBe(200);

    const member = await createUser({ roles: ["ORG_MEMBER"] });
    const org = await createOrganization(county.code, [member.id]);
    const page = await getPage(pledgeLoader, `/needs/${c.caseNo}/pledge`, { caseNo: c.caseNo }, { userId: member.id });
    expect(page.data).toMatchObject({ organizations: [{ id: org.id, name: org.name }], defaultContact: member.email });
    expect((await pledge(c, goods(c, { quantity: "4", name: "", organizationId: org.id, contact: member.email }), { userId: member.id })).status).toBe(200);

    const rows = await prisma.commitment.findMany({ where: { caseId: c.id }, orderBy: { amount: "asc" } });
    expect(rows).toEqual([
      expect.objectContaining({ amount: 2, pledgerId: donor.id, pledgerName: "李明", organizationId: null }),
      expect.objectContaining({ amount: 4, pledgerId: member.id, pledgerName: org.name, organizationId: org.id, isAnonymous: false }),
    ]);
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 6 });
  });

  it("refuses pledging for an organisation one is not a member of (403) or that is not vetted (422), writing nothing", async () => {
    const { county, c } = await setup();
    const member = await createUser({ roles: ["ORG_MEMBER"] });
    const outsider = await createUser({ roles: ["ORG_MEMBER"] });
    const vetted = await createOrganization(county.code, [member.id]);
    const pending = await createOrganization(county.code, [member.id], "PENDING");

    expect((await pledge(c, goods(c, { organizationId: vetted.id }), { userId: outsider.id })).status).toBe(403);
    expect((await pledge(c, goods(c, { organizationId: vetted.id }))).status).toBe(403);
    const notVetted = await pledge(c, goods(c, { organizationId: pending.id }), { userId: member.id });
    expect(notVetted.status).toBe(422);
    expect(notVetted.data).toMatchObject({ fieldErrors: { organizationId: ["pledging.errors.notVetted"] } });
    await expectNothingWritten(c.id, c.needs[0]!.id);
  });

  it.each([
    ["a zero quantity", { quantity: "0" }, "quantity"],
    ["a fractional quantity", { quantity: "1.5" }, "quantity"],
    ["no quantity", { quantity: "" }, "quantity"],
    ["no contact", { contact: "" }, "contact"],
    ["a contact that is neither e-mail nor phone", { contact: "微信 liming" }, "contact"],
    ["no name and not anonymous", { name: "" }, "name"],
    ["a name too long", { name: "名".repeat(51) }, "name"],
    ["no line", { needId: "" }, "needId"],
  ])("answers %s with 400 and writes nothing", async (_label, overrides, field) => {
    const { c } = await setup();
    const result = await pledge(c, goods(c, overrides));
    expect(result.status).toBe(400);
    expect((result.data as { fieldErrors: Record<string, string[]> }).fieldErrors[field]).toBeDefined();
    await expectNothingWritten(c.id, c.needs[0]!.id);
  });

  it("refuses a line of another kind or another case (400), and a case that is not published (404 page, 422 post)", async () => {
    const { county, c } = await setup();
    const other = await createPublishedCase(county, [{ kind: "ITEM", target: 5 }]);
    expect((await pledge(c, goods(c, { needId: c.needs[1]!.id }))).status).toBe(400); // the SERVICE line on the goods form
    expect((await pledge(c, goods(c, { needId: other.needs[0]!.id }))).status).toBe(400);
    expect((await volunteer(c, goods(c, { needId: c.needs[0]!.id }))).status).toBe(400); // the ITEM line on the hours form
    await expectNothingWritten(c.id, c.needs[0]!.id);

    const verified = await createPublishedCase(county, [{ kind: "ITEM", target: 5 }], { status: "VERIFIED" });
    expect((await getPage(pledgeLoader, `/needs/${verified.caseNo}/pledge`, { caseNo: verified.caseNo })).status).toBe(404);
    expect((await getPage(volunteerLoader, `/needs/NOPE/volunteer`, { caseNo: "NOPE" })).status).toBe(404);
    const refused = await pledge(verified, goods(verified));
    expect(refused.status).toBe(422);
    expect(refused.data).toMatchObject({ formError: "pledging.errors.notOpen" });
    expect(await prisma.commitment.count({ where: { caseId: verified.id } })).toBe(0);
  });

  it("refuses over-covering a line (409, the most it can take), and a full line with a plain message", async () => {
    const { c } = await setup([{ kind: "ITEM", target: 4 }]);
    const over = await pledge(c, goods(c, { quantity: "5" }));
    expect(over.status).toBe(409);
    expect(over.data).toMatchObject({ fieldErrors: { quantity: ['pledging.errors.overRemaining|{"max":4}'] } });
    await expectNothingWritten(c.id, c.needs[0]!.id);

    expect((await pledge(c, goods(c, { quantity: "4" }))).status).toBe(200);
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ committed: 4, status: "COVERED" });
    const full = await pledge(c, goods(c, { quantity: "1" }));
    expect(full.status).toBe(409);
    expect(full.data).toMatchObject({ formError: "pledging.errors.lineFull" });
    expect(await prisma.commitment.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("lets exactly the last units through when many pledge them at once", async () => {
    const { c } = await setup([{ kind: "ITEM", target: 10 }]);
    expect((await pledge(c, goods(c, { quantity: "5" }))).status).toBe(200);
    const results = await Promise.all(Array.from({ length: 8 }, () => pledge(c, goods(c, { quantity: "2" }))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409)).toHaveLength(6);
    const line = await needOf(c.needs[0]!.id);
    expect(line).toMatchObject({ committed: 9, status: "OPEN" });
    const sum = await prisma.commitment.aggregate({ where: { needId: line.id, status: { in: ["PLEDGED", "CONFIRMED", "DELIVERED"] } }, _sum: { amount: true } });
    expect(sum._sum.amount).toBe(9);
  });

  it("records volunteer hours against a SERVICE line", async () => {
    const { c } = await setup();
    const result = await volunteer(c, { needId: c.needs[1]!.id, quantity: "6", name: "陈晓燕", contact: "chen@example.com" });
    expect(result.status).toBe(200);
    expect(await prisma.commitment.findFirstOrThrow({ where: { caseId: c.id } })).toMatchObject({ needId: c.needs[1]!.id, amount: 6, source: "DIRECT_PLEDGE" });
    expect(await needOf(c.needs[1]!.id)).toMatchObject({ committed: 6 });
  });

  it("rate-limits the public form per client (429 once over the limit), counting valid submissions only", async () => {
    const { c } = await setup([{ kind: "ITEM", target: 1000 }]);
    const client = randomClient();
    for (let i = 0; i < 3; i += 1) expect((await pledge(c, goods(c, { quantity: "0" }), { client })).status).toBe(400);
    for (let i = 0; i < PLEDGE_RATE_LIMIT.limit; i += 1) expect((await pledge(c, goods(c, { quantity: "1" }), { client })).status).toBe(200);
    const limited = await pledge(c, goods(c, { quantity: "1" }), { client });
    expect(limited.status).toBe(429);
    expect(await prisma.commitment.count({ where: { caseId: c.id } })).toBe(PLEDGE_RATE_LIMIT.limit);
  });

  it("answers a bot that fills the honeypot as if sent, writing nothing", async () => {
    const { c } = await setup();
    const result = await pledge(c, { ...goods(c), website: "http://spam.example" });
    expect(result.status).toBe(200);
    await expectNothingWritten(c.id, c.needs[0]!.id);
  });
});

describe("the owning office confirms, delivers, cancels and expires pledges", () => {
  async function pledged(quantity = "3", contact = "liming@example.com") {
    const ctx = await setup();
    expect((await pledge(ctx.c, goods(ctx.c, { quantity, contact }))).status).toBe(200);
    const row = await prisma.commitment.findFirstOrThrow({ where: { caseId: ctx.c.id } });
    return { ...ctx, row };
  }

  it("PLEDGED → CONFIRMED → DELIVERED with who and when, the line delivered, mail to the pledger", async () => {
    const { staff, c, row } = await pledged();
    const desk = await getPage(deskLoader, `/staff/cases/${c.caseNo}/pledges`, { caseNo: c.caseNo }, { userId: staff.id });
    expect(desk.status).toBe(200);
    expect(desk.data).toMatchObject({ canAct: true, rows: [expect.objectContaining({ id: row.id, intents: ["confirm", "cancel", "expire"], pledgerContact: "liming@example.com" })] });

    const confirmed = await step(staff.id, c, { commitmentId: row.id, intent: "confirm", version: "0" });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("Location")).toBe(`/staff/cases/${c.caseNo}/pledges`);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "CONFIRMED", version: 1, confirmedById: staff.id, confirmedAt: expect.any(Date) });
    const mail = await prisma.outboxEvent.findMany({ where: { topic: "MAIL", kind: "mail.pledge-confirmed" } });
    expect(mail.filter((m) => (m.payload as { refs?: { commitmentId?: string } } | null)?.refs?.commitmentId === row.id)).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ to: "liming@example.com", template: "pledge-confirmed" }) }),
    ]);

    const delivered = await step(staff.id, c, { commitmentId: row.id, intent: "deliver", version: "1" });
    expect(delivered.status).toBe(303);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "DELIVERED", version: 2, deliveredById: staff.id, deliveredAt: expect.any(Date) });
    expect(await needOf(row.needId)).toMatchObject({ committed: 3, delivered: 3 });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: row.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.fromState, a.toState, a.actorId])).toEqual([
      ["commitment.pledge", null, "PLEDGED", null],
      ["commitment.confirm", "PLEDGED", "CONFIRMED", staff.id],
      ["commitment.deliver", "CONFIRMED", "DELIVERED", staff.id],
    ]);
    // Delivered is final.
    const cancel = await step(staff.id, c, { commitmentId: row.id, intent: "cancel", version: "2", reason: "误操作" });
    expect(cancel.status).toBe(422);
  });

  it("answers a stale version with 409 and changes nothing", async () => {
    const { staff, c, row } = await pledged();
    expect((await step(staff.id, c, { commitmentId: row.id, intent: "confirm", version: "0" })).status).toBe(303);
    const stale = await step(staff.id, c, { commitmentId: row.id, intent: "cancel", version: "0", reason: "重复" });
    expect(stale.status).toBe(409);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "CONFIRMED", version: 1 });
  });

  it("lets only one of two staff racing on the same pledge win", async () => {
    const { county, staff, c, row } = await pledged();
    const colleague = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code });
    const results = await Promise.all([
      step(staff.id, c, { commitmentId: row.id, intent: "confirm", version: "0" }),
      step(colleague.id, c, { commitmentId: row.id, intent: "expire", version: "0" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    const after = await prisma.commitment.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.version).toBe(1);
    expect((await needOf(row.needId)).committed).toBe(after.status === "EXPIRED" ? 0 : 3);
  });

  it("cancels with a reason (400 without), releasing the line", async () => {
    const { staff, c, row } = await pledged();
    const noReason = await step(staff.id, c, { commitmentId: row.id, intent: "cancel", version: "0" });
    expect(noReason.status).toBe(400);
    expect(noReason.data).toMatchObject({ fieldErrors: { reason: ["validation.required"] } });
    expect(await needOf(row.needId)).toMatchObject({ committed: 3 });

    expect((await step(staff.id, c, { commitmentId: row.id, intent: "cancel", version: "0", reason: "认领人无法送达" })).status).toBe(303);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "认领人无法送达", cancelledAt: expect.any(Date) });
    expect(await needOf(row.needId)).toMatchObject({ committed: 0, status: "OPEN" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: row.id, action: "commitment.cancel" } });
    expect(JSON.stringify(audit.detail)).not.toContain("认领人无法送达");
  });

  it("expires a pledge (staff, or the sweep once it is past due), reopening a covered line", async () => {
    const { staff, c, row } = await pledged("10");
    expect(await needOf(row.needId)).toMatchObject({ status: "COVERED" });
    expect((await step(staff.id, c, { commitmentId: row.id, intent: "expire", version: "0" })).status).toBe(303);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "EXPIRED" });
    expect(await needOf(row.needId)).toMatchObject({ committed: 0, status: "OPEN" });

    expect((await pledge(c, goods(c, { quantity: "2" }))).status).toBe(200);
    const second = await prisma.commitment.findFirstOrThrow({ where: { caseId: c.id, status: "PLEDGED" } });
    await expireOverduePledges(new Date(Date.now() + 6 * 86_400_000));
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "PLEDGED" });
    expect(await expireOverduePledges(new Date(Date.now() + 8 * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "EXPIRED" });
    expect(await needOf(row.needId)).toMatchObject({ committed: 0 });
  });

  it("answers 400 for a malformed step and 404 for a commitment of another case", async () => {
    const { county, staff, c, row } = await pledged();
    expect((await step(staff.id, c, { commitmentId: row.id, intent: "approve", version: "0" })).status).toBe(400);
    expect((await step(staff.id, c, { commitmentId: row.id, intent: "confirm", version: "x" })).status).toBe(400);
    const other = await createPublishedCase(county, [{ kind: "ITEM", target: 5 }]);
    expect((await step(staff.id, other, { commitmentId: row.id, intent: "confirm", version: "0" })).status).toBe(404);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "PLEDGED", version: 0 });
  });

  it("forbids staff outside the case's region, reviewers without case work, and organisation members (403)", async () => {
    const { c, row } = await pledged();
    const elsewhere = await createCounty();
    const outsider = await createUser({ roles: ["STAFF"], scopeRegionCode: elsewhere.code });
    const member = await createUser({ roles: ["ORG_MEMBER"] });
    const reviewerOnly = await createUser({ roles: ["REVIEWER"], scopeRegionCode: null });
    expect((await getPage(deskLoader, `/staff/cases/${c.caseNo}/pledges`, { caseNo: c.caseNo }, { userId: outsider.id })).status).toBe(403);
    expect((await step(outsider.id, c, { commitmentId: row.id, intent: "confirm", version: "0" })).status).toBe(403);
    expect((await step(member.id, c, { commitmentId: row.id, intent: "confirm", version: "0" })).status).toBe(403);
    expect((await step(reviewerOnly.id, c, { commitmentId: row.id, intent: "confirm", version: "0" })).status).toBe(403);
    const readOnly = await getPage(deskLoader, `/staff/cases/${c.caseNo}/pledges`, { caseNo: c.caseNo }, { userId: reviewerOnly.id });
    expect(readOnly.data).toMatchObject({ canAct: false, rows: [expect.objectContaining({ intents: [] })] });
    const anonymous = await getPage(deskLoader, `/staff/cases/${c.caseNo}/pledges`, { caseNo: c.caseNo });
    expect(anonymous.status).toBe(302);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "PLEDGED", version: 0 });
  });
});

describe("markCommitmentDelivered (for /org and the staff desk)", () => {
  it("lets a member of the pledging organisation mark its confirmed goods delivered, and nobody else", async () => {
    const { county, staff, c } = await setup([{ kind: "ITEM", target: 5 }]);
    const member = await createUser({ roles: ["ORG_MEMBER"] });
    const colleague = await createUser({ roles: ["ORG_MEMBER"] });
    const stranger = await createUser({ roles: ["ORG_MEMBER"] });
    const org = await createOrganization(county.code, [member.id, colleague.id]);
    expect((await pledge(c, goods(c, { quantity: "5", organizationId: org.id, name: "" }), { userId: member.id })).status).toBe(200);
    const row = await prisma.commitment.findFirstOrThrow({ where: { caseId: c.id } });

    // Not before the office confirmed it.
    await expect(markCommitmentDelivered({ commitmentId: row.id, version: 0, user: asCurrentUser(colleague) })).rejects.toMatchObject({ reason: "notAllowedFromStatus" });
    expect((await step(staff.id, c, { commitmentId: row.id, intent: "confirm", version: "0" })).status).toBe(303);
    await expect(markCommitmentDelivered({ commitmentId: row.id, version: 1, user: asCurrentUser(stranger) })).rejects.toBeInstanceOf(CommitmentForbiddenError);

    await markCommitmentDelivered({ commitmentId: row.id, version: 1, user: asCurrentUser(colleague) });
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "DELIVERED", deliveredById: colleague.id });
    // The only line is delivered in full: the case is met.
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "FULFILLED", fulfilledAt: expect.any(Date) });
  });
});

describe("a published case becomes FULFILLED when every line is delivered", () => {
  it("fulfils after the last delivery only, with audit, a public update and a search event", async () => {
    const { staff, c } = await setup([{ kind: "ITEM", target: 2 }, { kind: "SERVICE", target: 3 }]);
    expect((await pledge(c, goods(c, { quantity: "2" }))).status).toBe(200);
    expect((await volunteer(c, { needId: c.needs[1]!.id, quantity: "3", name: "王静", contact: "wj@example.com" })).status).toBe(200);
    const [a, b] = await prisma.commitment.findMany({ where: { caseId: c.id }, orderBy: { amount: "asc" } });
    for (const row of [a!, b!]) expect((await step(staff.id, c, { commitmentId: row.id, intent: "confirm", version: "0" })).status).toBe(303);

    expect((await step(staff.id, c, { commitmentId: a!.id, intent: "deliver", version: "1" })).status).toBe(303);
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PUBLISHED");
    expect((await step(staff.id, c, { commitmentId: b!.id, intent: "deliver", version: "1" })).status).toBe(303);

    const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ status: "FULFILLED", version: 1 });
    expect(await prisma.auditEvent.findMany({ where: { caseId: c.id, action: "case.markFulfilled" } })).toEqual([expect.objectContaining({ actorId: null, fromState: "PUBLISHED", toState: "FULFILLED" })]);
    expect(await prisma.caseUpdate.count({ where: { caseId: c.id, kind: "FULFILLED", isPublic: true } })).toBe(1);
    const search = await prisma.outboxEvent.findMany({ where: { topic: "SEARCH", kind: "case.upsert" } });
    expect(search.some((e) => (e.payload as { caseNo: string }).caseNo === c.caseNo)).toBe(true);
  });

  it("fulfils exactly once when the last two lines are delivered at the same moment (no lost update, no deadlock)", async () => {
    for (let round = 0; round < 4; round += 1) {
      const { staff, c } = await setup([{ kind: "ITEM", target: 1 }, { kind: "SERVICE", target: 1 }]);
      expect((await pledge(c, goods(c, { quantity: "1" }))).status).toBe(200);
      expect((await volunteer(c, { needId: c.needs[1]!.id, quantity: "1", name: "王静", contact: "wj@example.com" })).status).toBe(200);
      const rows = await prisma.commitment.findMany({ where: { caseId: c.id } });
      for (const row of rows) expect((await step(staff.id, c, { commitmentId: row.id, intent: "confirm", version: "0" })).status).toBe(303);
      const results = await Promise.all(rows.map((row) => step(staff.id, c, { commitmentId: row.id, intent: "deliver", version: "1" })));
      expect(results.map((r) => r.status)).toEqual([303, 303]);
      expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "FULFILLED", version: 1 });
      expect(await prisma.auditEvent.count({ where: { caseId: c.id, action: "case.markFulfilled" } })).toBe(1);
    }
  });
});

describe("commitments backed by a project or an offer keep the resource's figures", () => {
  it("a project's cash delivered moves project → case in the ledger; a supply offer's cancelled goods and a volunteer's delivered hours update the offer", async () => {
    const { county, staff, c } = await setup([{ kind: "CASH", target: 500_000 }, { kind: "ITEM", target: 5 }, { kind: "SERVICE", target: 6 }]);
    const member = await createUser({ roles: ["ORG_MEMBER"] });
    const org = await createOrganization(county.code, [member.id]);
    const project = await prisma.project.create({
      data: { organizationId: org.id, title: "测试助医项目", summary: "测试", description: "测试", categories: [], regionCodes: [county.code], perCaseCapFen: 500_000, budgetFen: 1_000_000, reservedFen: 300_000 },
    });
    await ensureAccount(prisma, { code: projectAccount(project.id), kind: "PROJECT", name: project.title, projectId: project.id });
    await prisma.$transaction((tx) => postLedgerTransaction(tx, { kind: "FUND_CONTRIBUTION", idempotencyKey: `test:project:${project.id}`, memo: "项目资金", entries: [{ accountCode: DONORS_ACCOUNT, amountFen: -1_000_000 }, { accountCode: projectAccount(project.id), amountFen: 1_000_000 }] }));
    const supply = await prisma.supplyOffer.create({ data: { organizationId: org.id, itemName: "棉被", itemCategory: "BEDDING", unit: "床", quantity: 10, quantityReserved: 4, regionCodes: [county.code], description: "测试" } });
    const offer = await prisma.volunteerOffer.create({ data: { userId: member.id, title: "陪护", description: "测试", skills: ["CARE"], regionCodes: [county.code], availability: "周末", hoursOffered: 20, hoursReserved: 6 } });
    const [cash, item, service] = c.needs;
    const common = { caseId: c.id, status: "CONFIRMED" as const, version: 1, confirmedAt: new Date(), confirmedById: staff.id };
    const projectRow = await prisma.commitment.create({ data: { ...common, needId: cash!.id, source: "PROJECT", projectId: project.id, organizationId: org.id, amount: 300_000 } });
    const supplyRow = await prisma.commitment.create({ data: { ...common, needId: item!.id, source: "SUPPLY_OFFER", supplyOfferId: supply.id, organizationId: org.id, amount: 4 } });
    const hoursRow = await prisma.commitment.create({ data: { ...common, needId: service!.id, source: "VOLUNTEER_OFFER", volunteerOfferId: offer.id, pledgerId: member.id, amount: 6 } });
    await prisma.need.update({ where: { id: cash!.id }, data: { committed: 300_000 } });
    await prisma.need.update({ where: { id: item!.id }, data: { committed: 4 } });
    await prisma.need.update({ where: { id: service!.id }, data: { committed: 6, status: "COVERED" } });

    expect((await step(staff.id, c, { commitmentId: projectRow.id, intent: "deliver", version: "1" })).status).toBe(303);
    expect(await balanceOf(projectAccount(project.id))).toBe(700_000);
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(300_000);
    expect(await prisma.ledgerTransaction.findUniqueOrThrow({ where: { idempotencyKey: `project-grant:${projectRow.id}` } })).toMatchObject({ kind: "GRANT", counterparty: org.name });
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ reservedFen: 300_000 });

    expect((await step(staff.id, c, { commitmentId: supplyRow.id, intent: "cancel", version: "1", reason: "物资已另行调配" })).status).toBe(303);
    expect(await prisma.supplyOffer.findUniqueOrThrow({ where: { id: supply.id } })).toMatchObject({ quantityReserved: 0 });
    expect(await needOf(item!.id)).toMatchObject({ committed: 0 });

    // The volunteer themself logs the hours delivered.
    await markCommitmentDelivered({ commitmentId: hoursRow.id, version: 1, user: asCurrentUser(member) });
    expect(await prisma.volunteerOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ hoursReserved: 6, hoursDelivered: 6 });
  });

  it("refuses to deliver a project's money the project account does not hold (422), writing nothing", async () => {
    const { county, staff, c } = await setup([{ kind: "CASH", target: 500_000 }]);
    const org = await createOrganization(county.code, []);
    const project = await prisma.project.create({
      data: { organizationId: org.id, title: "空账户项目", summary: "测试", description: "测试", categories: [], regionCodes: [county.code], perCaseCapFen: 500_000, budgetFen: 500_000, reservedFen: 200_000 },
    });
    const row = await prisma.commitment.create({ data: { caseId: c.id, needId: c.needs[0]!.id, source: "PROJECT", projectId: project.id, organizationId: org.id, amount: 200_000, status: "CONFIRMED", version: 1 } });
    await prisma.need.update({ where: { id: c.needs[0]!.id }, data: { committed: 200_000 } });
    const refused = await step(staff.id, c, { commitmentId: row.id, intent: "deliver", version: "1" });
    expect(refused.status).toBe(422);
    expect(refused.data).toMatchObject({ formError: "pledgeDesk.refused.projectBalance" });
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "CONFIRMED", version: 1 });
    expect(await needOf(c.needs[0]!.id)).toMatchObject({ delivered: 0 });
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(0);
  });
});
