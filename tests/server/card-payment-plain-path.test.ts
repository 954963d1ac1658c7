// The card-gift hot path (ADR 008): record_card_payment, one database call, must leave exactly the
// rows the statement-by-statement path leaves — or, off its plain road, write nothing and hand the
// event over. Each scenario is set up twice, identically; one event goes the plain way, the other
// the statement-by-statement way (recordStripeEvent with the plain path turned off), and the two
// outcomes are compared field by field, with ids and case numbers replaced by their roles.
import { describe, expect, it } from "vitest";
import { inboxPayload } from "~/domain/donations/inbox-payload.ts";
import { decidePayment, DONATION_STATUSES } from "~/domain/donations/stripe-event-rules.ts";
import type { StripeEvent } from "~/integrations/stripe.server.ts";
import { recordPlainPayment } from "~/modules/donations/plain-payment-recorder.server.ts";
import { recordStripeEvent } from "~/modules/donations/record-stripe-event.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createGivableCase, expectLedgerBalanced } from "../factories/donations.ts";
import { startCardGift } from "../support/card-gifts.ts";
import { buildCheckoutSessionCompletedEvent, type StripeEventShape } from "../support/stripe-stand-in.ts";
import { stripeStandInForFile } from "../support/stripe-test-env.ts";

const standIn = stripeStandInForFile();

const NOW = new Date("2026-11-23T08:30:00.000Z");
const asEvent = (shape: StripeEventShape) => shape as unknown as StripeEvent;
const plain = (shape: StripeEventShape) => recordPlainPayment(asEvent(shape), JSON.stringify(inboxPayload(asEvent(shape))), NOW);
const stepByStep = (shape: StripeEventShape) => recordStripeEvent(asEvent(shape), NOW, { plainPaymentPath: false });

type Setup = Awaited<ReturnType<typeof createGivableCase>>;
type Gift = Awaited<ReturnType<typeof startCardGift>>;
type Scenario = {
  lines?: Parameters<typeof createGivableCase>[0] extends infer O ? (O extends { lines?: infer L } ? L : never) : never;
  yuan?: string;
  extra?: Record<string, string>;
  /** What happens between the donor's click and Stripe's event. */
  meanwhile?: (setup: Setup, gift: Gift) => Promise<unknown>;
};

async function arrange(scenario: Scenario) {
  const setup = await createGivableCase({ lines: scenario.lines });
  const gift = await startCardGift(standIn(), setup.c.caseNo, scenario.yuan ?? "600", scenario.extra);
  await scenario.meanwhile?.(setup, gift);
  return { setup, gift, event: buildCheckoutSessionCompletedEvent(gift.session) };
}

/** Everything the recording wrote, with ids, case numbers and names replaced by their roles. */
async function outcomeOf(setup: Setup, gift: Gift, event: StripeEventShape) {
  const eventId = event.id;
  const { c, fund } = setup;
  const roles = (text: string) =>
    text
      .replaceAll(c.caseNo, "<case>")
      .replaceAll(gift.donation.id, "<donation>")
      .replaceAll(fund?.id ?? "<no fund>", "<fund>")
      .replaceAll(fund?.name ?? "<no fund>", "<fund name>");
  const lines = await prisma.need.findMany({ where: { caseId: c.id }, orderBy: { sortOrder: "asc" } });
  const lineRole = (id: string | null) => (id === null ? null : `line ${lines.findIndex((l) => l.id === id)}`);
  const donation = await prisma.donation.findUniqueOrThrow({ where: { id: gift.donation.id } });
  const commitments = await prisma.commitment.findMany({ where: { caseId: c.id, source: "DONATION" } });
  const transactions = await prisma.ledgerTransaction.findMany({ where: { donationId: donation.id }, include: { entries: { include: { account: true } } } });
  const mails = await prisma.outboxEvent.findMany({ where: { topic: "MAIL", payload: { path: ["refs", "donationId"], equals: donation.id } } });
  const audits = await prisma.auditEvent.findMany({ where: { entityId: donation.id }, orderBy: { id: "asc" } });
  const stripeEvent = await prisma.stripeEvent.findUnique({ where: { id: eventId } });
  const theCase = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
  const accounts = await prisma.ledgerAccount.findMany({ where: { code: { in: [`case:${c.caseNo}`, ...(fund ? [`fund:${fund.id}`] : [])] } }, orderBy: { kind: "asc" } });
  return {
    caseStatus: theCase.status,
    donation: {
      status: donation.status,
      paidAt: donation.paidAt?.toISOString() ?? null,
      line: lineRole(donation.needId),
      toFund: donation.fundId === null ? null : donation.fundId === fund?.id,
      redirectedToFund: donation.redirectedToFund,
      hasPaymentIntent: donation.stripePaymentIntentId !== null,
      sessionKept: donation.stripeCheckoutSessionId === gift.session.id,
    },
    lines: lines.map((l) => ({ committed: l.committed, delivered: l.delivered, status: l.status })),
    commitments: commitments.map(({ id, caseId, needId, pledgedAt, note, ...rest }) => ({
      ...rest,
      id: roles(id),
      ofCase: caseId === c.id,
      line: lineRole(needId),
      pledgedWhenGiven: pledgedAt.getTime() === donation.createdAt.getTime(),
      noteIsReceiptNo: note === donation.receiptNo,
    })),
    transactions: transactions.map((t) => ({
      kind: t.kind,
      key: t.idempotencyKey,
      memo: roles(t.memo),
      counterparty: t.counterparty,
      contributionSource: t.contributionSource,
      reversesId: t.reversesId,
      createdById: t.createdById,
      occurredAt: t.occurredAt.toISOString(),
      entries: t.entries.map((e) => ({ account: roles(e.account.code), amountFen: e.amountFen })).sort((a, b) => a.account.localeCompare(b.account)),
    })),
    accounts: accounts.map((a) => ({ code: roles(a.code), kind: a.kind, balanceFen: a.balanceFen })),
    mails: mails.map((m) => ({ kind: m.kind, payload: JSON.parse(roles(JSON.stringify(m.payload))) as unknown, attempts: m.attempts, processedAt: m.processedAt })),
    audits: audits.map((a) => ({ action: a.action, actorId: a.actorId, ofCase: a.caseId === c.id, fromState: a.fromState, toState: a.toState, detail: JSON.parse(roles(JSON.stringify(a.detail))) as unknown })),
    stripeEvent: stripeEvent && {
      type: stripeEvent.type,
      status: stripeEvent.status,
      attempts: stripeEvent.attempts,
      error: stripeEvent.error,
      receivedAt: stripeEvent.receivedAt.toISOString(),
      processedAt: stripeEvent.processedAt?.toISOString() ?? null,
      // The inbox keeps the event as inboxPayload trims it (Stripe's timestamps differ between the twins).
      payloadIsInboxCopy: canonical(stripeEvent.payload) === canonical(JSON.parse(JSON.stringify(inboxPayload(asEvent(event))))),
    },
  };
}

const accountCodesOf = (setup: Setup) => [`case:${setup.c.caseNo}`, ...(setup.fund ? [`fund:${setup.fund.id}`] : [])];

/** JSON with every object's keys sorted (jsonb keeps its own key order). */
function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)])) : v;
  return JSON.stringify(sort(value));
}

/** The same scenario twice: the plain path on one, statement by statement on the other. */
async function bothWays(scenario: Scenario) {
  const a = await arrange(scenario);
  const b = await arrange(scenario);
  const plainOutcome = await plain(a.event);
  const stepAnswer = await stepByStep(b.event);
  const normalise = async (x: typeof a) => {
    const outcome = await outcomeOf(x.setup, x.gift, x.event);
    // The payment intent ids differ between the two gifts; their shape is the same.
    return JSON.parse(JSON.stringify(outcome).replaceAll(x.event.id, "<event>").replace(/pi_[A-Za-z0-9_]+/g, "<payment intent>")) as unknown;
  };
  return { a, b, plainOutcome, stepAnswer, plainRows: await normalise(a), stepRows: await normalise(b) };
}

describe("record_card_payment leaves the rows the statement-by-statement path leaves", () => {
  it.each<[string, Scenario, "recorded" | "redirectedToFund"]>([
    ["a named gift with a receipt email", {}, "recorded"],
    ["an anonymous gift", { extra: { anonymous: "on", donorName: "" } }, "recorded"],
    ["a gift without a receipt address", { meanwhile: (_s, g) => prisma.donation.update({ where: { id: g.donation.id }, data: { donorEmail: null } }) }, "recorded"],
    [
      "a gift whose line filled up meanwhile: the case's next open cash line takes it",
      {
        lines: [{ target: 100_000 }, { kind: "ITEM", target: 10, unit: "床" }, { target: 500_000 }],
        meanwhile: (s) => prisma.need.update({ where: { id: s.needs[0]!.id }, data: { committed: 100_000, status: "COVERED" } }),
      },
      "recorded",
    ],
    ["a gift that covers its line while another line is still open", { lines: [{ target: 60_000 }, { target: 500_000 }] }, "recorded"],
    ["a gift whose case got covered meanwhile: to the county's fund", { meanwhile: (s) => prisma.need.update({ where: { id: s.cashLine!.id }, data: { committed: 500_000, status: "COVERED" } }) }, "redirectedToFund"],
    ["a gift whose case is no longer PUBLISHED: to the county's fund", { meanwhile: (s) => prisma.case.update({ where: { id: s.c.id }, data: { status: "CLOSED" } }) }, "redirectedToFund"],
    ["a gift that EXPIRED before its money came in", { meanwhile: (_s, g) => prisma.donation.update({ where: { id: g.donation.id }, data: { status: "EXPIRED" } }) }, "recorded"],
  ])("%s", async (_label, scenario, expected) => {
    const { a, b, plainOutcome, stepAnswer, plainRows, stepRows } = await bothWays(scenario);
    expect(plainOutcome).toBe(expected);
    expect(stepAnswer).toEqual({ status: 200, body: { received: true, status: "PROCESSED" } });
    expect(plainRows).toEqual(stepRows);
    expect(plainRows).toMatchObject({ stripeEvent: { status: "PROCESSED", attempts: 1, payloadIsInboxCopy: true } });
    expect(await expectLedgerBalanced([...accountCodesOf(a.setup), ...accountCodesOf(b.setup)])).toEqual({ sum: 0, accountsOffCache: [] });
  });

  it("answers a redelivery of a settled event with 'duplicate' and writes nothing more", async () => {
    const { event, gift } = await arrange({});
    expect(await plain(event)).toBe("recorded");
    const before = await prisma.ledgerTransaction.count({ where: { donationId: gift.donation.id } });
    expect(await plain(event)).toBe("duplicate");
    expect(await prisma.ledgerTransaction.count({ where: { donationId: gift.donation.id } })).toBe(before);
    expect((await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).attempts).toBe(1);
  });
});

describe("off the plain road it writes nothing and hands the event over", () => {
  async function expectUntouched(event: StripeEventShape, donationId: string | null, statusBefore?: string) {
    expect(await prisma.stripeEvent.findUnique({ where: { id: event.id } })).toBeNull();
    if (!donationId) return;
    expect(await prisma.ledgerTransaction.count({ where: { donationId } })).toBe(0);
    expect((await prisma.donation.findUniqueOrThrow({ where: { id: donationId } })).status).toBe(statusBefore ?? "PENDING");
  }

  it.each(DONATION_STATUSES)("a gift in status %s takes the plain road exactly when decidePayment says record", async (status) => {
    const { event, gift } = await arrange({ meanwhile: (_s, g) => prisma.donation.update({ where: { id: g.donation.id }, data: { status } }) });
    const outcome = await plain(event);
    const decision = decidePayment({ status, amountFen: gift.donation.amountFen, currency: gift.donation.currency }, { amountFen: gift.donation.amountFen, currency: "cny" });
    if (decision.kind === "record") {
      expect(outcome).toBe("recorded");
    } else {
      expect(outcome).toBeNull();
      await expectUntouched(event, gift.donation.id, status);
    }
  });

  it.each([
    ["an amount that does not match", { amountTotal: 59_999 }],
    ["a currency that does not match", { currency: "usd" }],
  ])("%s", async (_label, overrides) => {
    const { gift } = await arrange({});
    const event = buildCheckoutSessionCompletedEvent(gift.session, overrides);
    expect(await plain(event)).toBeNull();
    await expectUntouched(event, gift.donation.id);
  });

  it("a donation id that names no donation", async () => {
    const { gift } = await arrange({});
    const event = buildCheckoutSessionCompletedEvent({ ...gift.session, metadata: { ...gift.session.metadata, donationId: "no-such-donation" } });
    expect(await plain(event)).toBeNull();
    await expectUntouched(event, null);
  });

  it("a gift that completes its case (the FULFILLED transition belongs to the state machine)", async () => {
    const { event, gift, setup } = await arrange({ lines: [{ target: 60_000 }] });
    expect(await plain(event)).toBeNull();
    await expectUntouched(event, gift.donation.id);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: setup.cashLine!.id } })).committed).toBe(0);
    // Handed over, the statement-by-statement path records it and fulfils the case.
    expect(await stepByStep(event)).toEqual({ status: 200, body: { received: true, status: "PROCESSED" } });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: setup.c.id } })).status).toBe("FULFILLED");
  });

  it("a redirect that finds no fund (held for staff by the other path)", async () => {
    const setup = await createGivableCase({ withFund: false });
    const gift = await startCardGift(standIn(), setup.c.caseNo, "600");
    await prisma.case.update({ where: { id: setup.c.id }, data: { status: "CLOSED" } });
    const event = buildCheckoutSessionCompletedEvent(gift.session);
    expect(await plain(event)).toBeNull();
    await expectUntouched(event, gift.donation.id);
  });

  it("events that are not payments", async () => {
    const { gift } = await arrange({});
    const unpaid = buildCheckoutSessionCompletedEvent(gift.session, { paymentStatus: "unpaid" });
    expect(await plain(unpaid)).toBeNull();
    await expectUntouched(unpaid, gift.donation.id);
  });
});
