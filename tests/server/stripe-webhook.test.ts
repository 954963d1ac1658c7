// /webhooks/stripe with payloads in the shapes of real Stripe events, signed by the stripe
// library's own generateTestHeaderString (tests/support/stripe-stand-in.ts). Gifts are started
// through the real give form against the Stripe test stand-in, so each event names a real pending
// donation and Checkout Session. Exactly once: duplicates, the completed/async pair, reordering,
// concurrency; and the held, redirected and refunded paths keep the ledger balanced.
import { describe, expect, it } from "vitest";
import { DONATION_STATUSES, STRIPE_EVENT_STATUSES } from "~/domain/donations/stripe-event-rules.ts";
import { DonationStatus, StripeEventStatus } from "~/generated/prisma/enums.ts";
import { caseAccount, DONORS_ACCOUNT, fundAccount, PAID_OUT_ACCOUNT, postLedgerTransaction } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { getPublicNeed } from "~/modules/public/get-public-need.server.ts";
import { loader as webhookLoader } from "~/routes/webhooks+/stripe.ts";
import { prisma } from "~/utils/db.server.ts";
import { createGivableCase, expectLedgerBalanced } from "../factories/donations.ts";
import {
  buildAsyncPaymentFailedEvent,
  buildAsyncPaymentSucceededEvent,
  buildChargeRefundedEvent,
  buildCheckoutSessionCompletedEvent,
  buildUnhandledEvent,
  paymentIntentIdOf,
  signStripeEvent,
  STAND_IN_SECRET_KEY,
  type CheckoutSession,
} from "../support/stripe-stand-in.ts";
import { deliverStripeEvent, startCardGift } from "../support/card-gifts.ts";
import { stripeStandInForFile, withStripeSettings } from "../support/stripe-test-env.ts";

const standIn = stripeStandInForFile();

/** Starts a gift through the real form: a PENDING donation and its Checkout Session at the stand-in. */
const startGift = (caseNo: string, yuan: string, extra: Record<string, string> = {}) => startCardGift(standIn(), caseNo, yuan, extra);

const deliver = deliverStripeEvent;

const balance = async (code: string) => (await prisma.ledgerAccount.findUnique({ where: { code } }))?.balanceFen ?? 0;
const donationTxs = (donationId: string) =>
  prisma.ledgerTransaction.findMany({ where: { donationId }, orderBy: { occurredAt: "asc" }, include: { entries: { include: { account: { select: { code: true } } } } } });
const entriesOf = (tx: { entries: Array<{ amountFen: number; account: { code: string } }> }) =>
  Object.fromEntries(tx.entries.map((e) => [e.account.code, e.amountFen]));
const receiptMails = (donationId: string) => prisma.outboxEvent.findMany({ where: { topic: "MAIL", payload: { path: ["refs", "donationId"], equals: donationId } } });

it("keeps the domain's status lists in step with the schema", () => {
  expect([...DONATION_STATUSES].sort()).toEqual(Object.values(DonationStatus).sort());
  expect([...STRIPE_EVENT_STATUSES].sort()).toEqual(Object.values(StripeEventStatus).sort());
});

describe("a valid checkout.session.completed", () => {
  it("records the gift once: PAID, DONATION posting donors → case, DELIVERED commitment on the line, receipt mail, event PROCESSED", async () => {
    const { c, cashLine } = await createGivableCase({ lines: [{ target: 500_000 }] });
    const { session, donation } = await startGift(c.caseNo, "600");
    const event = buildCheckoutSessionCompletedEvent(session);

    const answer = await deliver(event);
    expect(answer).toEqual({ status: 200, body: { received: true, status: "PROCESSED" } });

    const paid = await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } });
    expect(paid).toMatchObject({ status: "PAID", stripePaymentIntentId: paymentIntentIdOf(session.id), redirectedToFund: false, fundId: null, needId: cashLine!.id });
    expect(paid.paidAt).not.toBeNull();

    const [posting, ...more] = await donationTxs(donation.id);
    expect(more).toHaveLength(0);
    expect(posting).toMatchObject({ kind: "DONATION", idempotencyKey: `stripe:${paymentIntentIdOf(session.id)}`, counterparty: "李明" });
    expect(entriesOf(posting!)).toEqual({ [DONORS_ACCOUNT]: -60_000, [caseAccount(c.caseNo)]: 60_000 });
    expect(await balance(caseAccount(c.caseNo))).toBe(60_000);

    const commitment = await prisma.commitment.findFirstOrThrow({ where: { caseId: c.id } });
    expect(commitment).toMatchObject({ needId: cashLine!.id, source: "DONATION", status: "DELIVERED", amount: 60_000, pledgerName: "李明", isAnonymous: false, note: donation.receiptNo });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: cashLine!.id }, select: { committed: true, delivered: true, status: true } })).toEqual({ committed: 60_000, delivered: 60_000, status: "OPEN" });

    const mails = await receiptMails(donation.id);
    expect(mails.map((m) => [m.kind, m.payload])).toEqual([
      ["mail.donation-receipt", { template: "donation-receipt", to: "liming@example.com", locale: "zh-CN", refs: { donationId: donation.id } }],
    ]);

    const stored = await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored).toMatchObject({ type: "checkout.session.completed", status: "PROCESSED", attempts: 1, error: null });
    expect(stored.processedAt).not.toBeNull();
    // The inbox keeps ids, amounts and metadata, not the payer's email.
    expect(JSON.stringify(stored.payload)).not.toContain("liming@example.com");
    expect(JSON.stringify(stored.payload)).toContain(donation.id);
    expect(await expectLedgerBalanced()).toEqual({ sum: 0, accountsOffCache: [] });
  });

  it("fires PUBLISHED → FULFILLED when the gift covers the last line (every line covered and delivered)", async () => {
    const { c, needs } = await createGivableCase({
      lines: [
        { kind: "ITEM", title: "棉被", target: 4, committed: 4, delivered: 4, status: "COVERED", unit: "床" },
        { kind: "CASH", title: "医疗费用", target: 100_000, committed: 40_000, delivered: 40_000 },
      ],
    });
    const { session } = await startGift(c.caseNo, "600");
    expect((await deliver(buildCheckoutSessionCompletedEvent(session))).status).toBe(200);
    expect(await prisma.need.findUniqueOrThrow({ where: { id: needs[1]!.id }, select: { status: true, delivered: true } })).toEqual({ status: "COVERED", delivered: 100_000 });
    const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.status).toBe("FULFILLED");
    expect(after.fulfilledAt).not.toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.markFulfilled" } });
    expect(audit).toMatchObject({ actorId: null, fromState: "PUBLISHED", toState: "FULFILLED" });
  });

  it("leaves a covered case PUBLISHED while another line is only promised, not delivered", async () => {
    const { c } = await createGivableCase({
      lines: [
        { kind: "ITEM", title: "棉被", target: 4, committed: 4, delivered: 0, status: "COVERED", unit: "床" },
        { kind: "CASH", title: "医疗费用", target: 60_000 },
      ],
    });
    const { session } = await startGift(c.caseNo, "600");
    await deliver(buildCheckoutSessionCompletedEvent(session));
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PUBLISHED");
  });

  it("shows the gift on the public need page: cash progress from the ledger, the giver by name (anonymous as 爱心人士), never an email", async () => {
    const { c } = await createGivableCase({ lines: [{ target: 500_000 }, { kind: "SERVICE", title: "陪护", target: 20 }] });
    const named = await startGift(c.caseNo, "600");
    const anonymous = await startGift(c.caseNo, "150", { donorName: "", anonymous: "on", email: "anon@example.com" });
    await deliver(buildCheckoutSessionCompletedEvent(named.session));
    await deliver(buildCheckoutSessionCompletedEvent(anonymous.session));

    const page = (await getPublicNeed(c.caseNo))!;
    expect(page.cash).toEqual({ targetFen: 500_000, receivedFen: 75_000, percent: 15 });
    expect(page.givers.map((g) => [g.name, g.kind, g.amount]).sort()).toEqual([
      ["李明", "CASH", 60_000],
      [null, "CASH", 15_000],
    ].sort());
    const json = JSON.stringify(page);
    expect(json).not.toContain("liming@example.com");
    expect(json).not.toContain("anon@example.com");
  });
});

describe("exactly once", () => {
  it("records a duplicate delivery of the same event once (the second is a 200 no-op)", async () => {
    const { c } = await createGivableCase();
    const { session, donation } = await startGift(c.caseNo, "600");
    const event = buildCheckoutSessionCompletedEvent(session);
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, status: "PROCESSED" } });
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await donationTxs(donation.id)).toHaveLength(1);
    expect(await prisma.commitment.count({ where: { caseId: c.id } })).toBe(1);
    expect(await receiptMails(donation.id)).toHaveLength(1);
    expect(await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "PROCESSED", attempts: 1 });
    expect(await balance(caseAccount(c.caseNo))).toBe(60_000);
  });

  it.each([
    ["completed, then async_payment_succeeded", ["completed", "async"]],
    ["async_payment_succeeded first, then completed (reordered)", ["async", "completed"]],
  ] as const)("records two different events for one payment once: %s", async (_label, order) => {
    const { c } = await createGivableCase();
    const { session, donation } = await startGift(c.caseNo, "600");
    const events = { completed: buildCheckoutSessionCompletedEvent(session), async: buildAsyncPaymentSucceededEvent(session) };
    for (const name of order) expect((await deliver(events[name])).status).toBe(200);
    expect(await donationTxs(donation.id)).toHaveLength(1);
    expect(await prisma.commitment.count({ where: { caseId: c.id } })).toBe(1);
    expect(await receiptMails(donation.id)).toHaveLength(1);
    expect((await prisma.stripeEvent.findMany({ where: { id: { in: [events.completed.id, events.async.id] } } })).map((e) => e.status)).toEqual(["PROCESSED", "PROCESSED"]);
    expect(await balance(caseAccount(c.caseNo))).toBe(60_000);
  });

  it("records nothing for a completed session still awaiting a delayed payment, then FAILED on async_payment_failed (nothing was reserved, so nothing is released)", async () => {
    const { c, cashLine } = await createGivableCase();
    const { session, donation } = await startGift(c.caseNo, "600");
    expect((await deliver(buildCheckoutSessionCompletedEvent(session, { paymentStatus: "unpaid" }))).body).toEqual({ received: true, status: "PROCESSED" });
    expect((await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("PENDING");
    expect((await deliver(buildAsyncPaymentFailedEvent(session))).status).toBe(200);
    expect((await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("FAILED");
    expect(await donationTxs(donation.id)).toHaveLength(0);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: cashLine!.id } })).committed).toBe(0);
    expect(await receiptMails(donation.id)).toHaveLength(0);
  });

  it("records 10 concurrent deliveries of the same event as one ledger transaction, all answered 200", async () => {
    const { c } = await createGivableCase();
    const { session, donation } = await startGift(c.caseNo, "600");
    const event = buildCheckoutSessionCompletedEvent(session);
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(event)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.body.status === "PROCESSED")).toHaveLength(1);
    expect(await donationTxs(donation.id)).toHaveLength(1);
    expect(await prisma.commitment.count({ where: { caseId: c.id } })).toBe(1);
    expect(await receiptMails(donation.id)).toHaveLength(1);
    expect(await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "PROCESSED", attempts: 1 });
    expect(await balance(caseAccount(c.caseNo))).toBe(60_000);
  });

  it("records 10 concurrent deliveries of two different events for one payment once", async () => {
    const { c } = await createGivableCase();
    const { session, donation } = await startGift(c.caseNo, "600");
    const completed = buildCheckoutSessionCompletedEvent(session);
    const succeeded = buildAsyncPaymentSucceededEvent(session);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => deliver(i % 2 ? completed : succeeded)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(await donationTxs(donation.id)).toHaveLength(1);
    expect(await prisma.commitment.count({ where: { caseId: c.id } })).toBe(1);
    expect(await receiptMails(donation.id)).toHaveLength(1);
    expect(await expectLedgerBalanced()).toEqual({ sum: 0, accountsOffCache: [] });
  });

  it("answers 500 when processing fails, keeps the event FAILED with nothing half-written, and records it on redelivery", async () => {
    const { c, cashLine } = await createGivableCase();
    const { session, donation } = await startGift(c.caseNo, "600");
    const other = await startGift(c.caseNo, "10");
    // Another row already claims this payment's PaymentIntent id: the unique index refuses the write.
    await prisma.donation.update({ where: { id: other.donation.id }, data: { stripePaymentIntentId: paymentIntentIdOf(session.id) } });
    const event = buildCheckoutSessionCompletedEvent(session);
    const failed = await deliver(event);
    expect(failed.status).toBe(500);
    expect(await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "FAILED", attempts: 1 });
    expect((await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("PENDING");
    expect(await donationTxs(donation.id)).toHaveLength(0);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: cashLine!.id } })).committed).toBe(0);

    await prisma.donation.update({ where: { id: other.donation.id }, data: { stripePaymentIntentId: null } });
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, status: "PROCESSED" } });
    expect(await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "PROCESSED", attempts: 2, error: null });
    expect(await donationTxs(donation.id)).toHaveLength(1);
  });
});

describe("signatures", () => {
  it.each([
    ["signed with another secret", { secret: "whsec_someone_else" }],
    ["with no Stripe-Signature header", { signature: null }],
    ["with a garbage header", { signature: "t=1,v1=deadbeef" }],
    ["with a body changed after signing", { payload: "tampered" }],
    ["signed more than 5 minutes ago (replay)", { timestamp: Math.floor(Date.now() / 1000) - 600 }],
  ] as const)("answers 400 and changes nothing for an event %s", async (_label, opts) => {
    const { c, cashLine } = await createGivableCase();
    const { session, donation } = await startGift(c.caseNo, "600");
    const event = buildCheckoutSessionCompletedEvent(session);
    const payload = "payload" in opts ? signStripeEvent(event).payload.replace('"amount_total": 60000', '"amount_total": 1') : undefined;
    const answer = await deliver(event, { ...opts, ...(payload && { payload }) });
    expect(answer).toEqual({ status: 400, body: { error: "bad signature" } });
    expect(await prisma.stripeEvent.findUnique({ where: { id: event.id } })).toBeNull();
    expect((await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("PENDING");
    expect(await donationTxs(donation.id)).toHaveLength(0);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: cashLine!.id } })).committed).toBe(0);
  });

  it("answers 503 while the webhook secret is not configured (Stripe retries), writing nothing", async () => {
    const event = buildUnhandledEvent();
    const answer = await withStripeSettings({ STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY }, () => deliver(event));
    expect(answer.status).toBe(503);
    expect(await prisma.stripeEvent.findUnique({ where: { id: event.id } })).toBeNull();
  });

  it("answers GET with 405", async () => {
    const response = (await webhookLoader()) as Response;
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("POST");
  });
});

describe("held, redirected and ignored", () => {
  it.each([
    ["a different amount", { amountTotal: 59_999 }, "amountMismatch"],
    ["a different currency", { currency: "usd" }, "currencyMismatch"],
  ])("holds a payment of %s for staff: donation and event HELD, nothing posted or reserved", async (_label, overrides, reason) => {
    const { c, cashLine } = await createGivableCase();
    const { session, donation } = await startGift(c.caseNo, "600");
    const event = buildCheckoutSessionCompletedEvent(session, overrides);
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, status: "HELD" } });
    expect((await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("HELD");
    expect(await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "HELD", error: reason });
    expect(await donationTxs(donation.id)).toHaveLength(0);
    expect(await prisma.commitment.count({ where: { caseId: c.id } })).toBe(0);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: cashLine!.id } })).committed).toBe(0);
    expect(await receiptMails(donation.id)).toHaveLength(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: donation.id, action: "donation.held" } });
    expect(audit).toMatchObject({ actorId: null, fromState: "PENDING", toState: "HELD" });
    expect(audit.detail).toMatchObject({ reason, expectedFen: 60_000 });
    expect(JSON.stringify(audit.detail)).not.toContain("liming@example.com");
    // The correct event arriving afterwards does not unhold it: staff decide.
    expect((await deliver(buildAsyncPaymentSucceededEvent(session))).status).toBe(200);
    expect((await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("HELD");
    expect(await donationTxs(donation.id)).toHaveLength(0);
  });

  it("sends a payment that lands after the line was covered to the region's relief fund (redirectedToFund)", async () => {
    const { c, cashLine, fund } = await createGivableCase({ lines: [{ target: 100_000 }] });
    const first = await startGift(c.caseNo, "600");
    const second = await startGift(c.caseNo, "600"); // started while ¥1,000 was still needed
    await deliver(buildCheckoutSessionCompletedEvent(first.session));
    expect(await deliver(buildCheckoutSessionCompletedEvent(second.session))).toEqual({ status: 200, body: { received: true, status: "PROCESSED" } });

    const redirected = await prisma.donation.findUniqueOrThrow({ where: { id: second.donation.id } });
    expect(redirected).toMatchObject({ status: "PAID", redirectedToFund: true, fundId: fund!.id });
    const [posting] = await donationTxs(second.donation.id);
    expect(entriesOf(posting!)).toEqual({ [DONORS_ACCOUNT]: -60_000, [fundAccount(fund!.id)]: 60_000 });
    expect(await balance(caseAccount(c.caseNo))).toBe(60_000);
    expect(await balance(fundAccount(fund!.id))).toBe(60_000);
    expect(await prisma.commitment.count({ where: { caseId: c.id } })).toBe(1);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: cashLine!.id } })).committed).toBe(60_000);
    expect(await receiptMails(second.donation.id)).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { entityId: second.donation.id, action: "donation.redirectedToFund" } })).toBe(1);
    expect(await expectLedgerBalanced()).toEqual({ sum: 0, accountsOffCache: [] });
  });

  it("sends a payment for a case that is no longer PUBLISHED to the fund, and holds it when the region has no fund", async () => {
    const withFund = await createGivableCase();
    const gift = await startGift(withFund.c.caseNo, "600");
    await prisma.case.update({ where: { id: withFund.c.id }, data: { status: "CLOSED" } });
    await deliver(buildCheckoutSessionCompletedEvent(gift.session));
    expect(await prisma.donation.findUniqueOrThrow({ where: { id: gift.donation.id } })).toMatchObject({ status: "PAID", redirectedToFund: true, fundId: withFund.fund!.id });

    const noFund = await createGivableCase({ withFund: false });
    const orphan = await startGift(noFund.c.caseNo, "600");
    await prisma.case.update({ where: { id: noFund.c.id }, data: { status: "CLOSED" } });
    const event = buildCheckoutSessionCompletedEvent(orphan.session);
    expect((await deliver(event)).body).toEqual({ received: true, status: "HELD" });
    expect(await prisma.donation.findUniqueOrThrow({ where: { id: orphan.donation.id } })).toMatchObject({ status: "HELD", redirectedToFund: false });
    expect(await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "HELD", error: "noFundForRedirect" });
    expect(await donationTxs(orphan.donation.id)).toHaveLength(0);
  });

  it("stores an unknown event type as IGNORED and answers 200", async () => {
    const event = buildUnhandledEvent("payment_intent.created");
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, status: "IGNORED" } });
    expect(await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ type: "payment_intent.created", status: "IGNORED" });
  });

  it("holds a completed session naming a donation that does not exist, and ignores one that names none", async () => {
    const { c } = await createGivableCase();
    const { session } = await startGift(c.caseNo, "600");
    const forged = buildCheckoutSessionCompletedEvent({ ...session, id: "cs_test_other", metadata: { donationId: "no-such-donation" } } as CheckoutSession);
    expect((await deliver(forged)).body).toEqual({ received: true, status: "HELD" });
    const foreign = buildCheckoutSessionCompletedEvent({ ...session, id: "cs_test_foreign", metadata: {} } as CheckoutSession);
    expect((await deliver(foreign)).body).toEqual({ received: true, status: "IGNORED" });
  });
});

describe("charge.refunded", () => {
  it("posts a REFUND reversing the gift, cancels its commitment, releases the line, reopens a FULFILLED case, and keeps the ledger balanced", async () => {
    const { c, cashLine } = await createGivableCase({ lines: [{ target: 60_000 }] });
    const { session, donation } = await startGift(c.caseNo, "600");
    await deliver(buildCheckoutSessionCompletedEvent(session));
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("FULFILLED");

    const refund = buildChargeRefundedEvent(session);
    expect(await deliver(refund)).toEqual({ status: 200, body: { received: true, status: "PROCESSED" } });
    expect(await deliver(refund)).toEqual({ status: 200, body: { received: true, duplicate: true } });

    expect((await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("REFUNDED");
    const [original, reversal, ...more] = await donationTxs(donation.id);
    expect(more).toHaveLength(0);
    expect(reversal).toMatchObject({ kind: "REFUND", reversesId: original!.id, idempotencyKey: `stripe:refund:${donation.id}` });
    expect(entriesOf(reversal!)).toEqual({ [DONORS_ACCOUNT]: 60_000, [caseAccount(c.caseNo)]: -60_000 });
    expect(await balance(caseAccount(c.caseNo))).toBe(0);
    expect(await prisma.commitment.findFirstOrThrow({ where: { caseId: c.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: cashLine!.id }, select: { committed: true, delivered: true, status: true } })).toEqual({ committed: 0, delivered: 0, status: "OPEN" });
    const reopened = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(reopened.status).toBe("PUBLISHED");
    expect(await prisma.auditEvent.count({ where: { caseId: c.id, action: "case.reopen", actorId: null } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityId: donation.id, action: "donation.refunded" } })).toBe(1);
    expect((await getPublicNeed(c.caseNo))!.cash.receivedFen).toBe(0);
    expect(await expectLedgerBalanced()).toEqual({ sum: 0, accountsOffCache: [] });
    // A late duplicate of the payment event changes nothing.
    expect((await deliver(buildCheckoutSessionCompletedEvent(session))).status).toBe(200);
    expect(await donationTxs(donation.id)).toHaveLength(2);
  });

  it("records the payment and its reversal together when the refund arrives before the payment event; the late completed is a no-op", async () => {
    const { c, cashLine } = await createGivableCase();
    const { session, donation } = await startGift(c.caseNo, "600");
    expect(await deliver(buildChargeRefundedEvent(session))).toEqual({ status: 200, body: { received: true, status: "PROCESSED" } });
    expect((await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("REFUNDED");
    expect((await donationTxs(donation.id)).map((t) => t.kind)).toEqual(["DONATION", "REFUND"]);

    expect((await deliver(buildCheckoutSessionCompletedEvent(session))).body).toEqual({ received: true, status: "PROCESSED" });
    expect(await donationTxs(donation.id)).toHaveLength(2);
    expect(await balance(caseAccount(c.caseNo))).toBe(0);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: cashLine!.id } })).committed).toBe(0);
    expect(await expectLedgerBalanced()).toEqual({ sum: 0, accountsOffCache: [] });
  });

  it("holds a refund the case can no longer pay back (the money was paid out): event HELD, nothing posted, the gift stays PAID", async () => {
    const { c, cashLine } = await createGivableCase();
    const { session, donation } = await startGift(c.caseNo, "600");
    await deliver(buildCheckoutSessionCompletedEvent(session));
    await prisma.$transaction((tx) =>
      postLedgerTransaction(tx, {
        kind: "DISBURSEMENT",
        idempotencyKey: `test:disbursement:${c.id}`,
        memo: "支付医院",
        entries: [
          { accountCode: caseAccount(c.caseNo), amountFen: -50_000 },
          { accountCode: PAID_OUT_ACCOUNT, amountFen: 50_000 },
        ],
      }),
    );
    const refund = buildChargeRefundedEvent(session);
    expect(await deliver(refund)).toEqual({ status: 200, body: { received: true, status: "HELD" } });
    expect(await prisma.stripeEvent.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "HELD", error: "caseLacksMoneyForRefund" });
    expect((await prisma.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("PAID");
    expect(await donationTxs(donation.id)).toHaveLength(1);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: cashLine!.id } })).committed).toBe(60_000);
    expect(await prisma.auditEvent.count({ where: { entityId: donation.id, action: "donation.refundHeld" } })).toBe(1);
    expect(await balance(caseAccount(c.caseNo))).toBe(10_000);
  });

  it("holds a partial refund for staff and refunds a held gift without posting", async () => {
    const { c } = await createGivableCase();
    const paid = await startGift(c.caseNo, "600");
    await deliver(buildCheckoutSessionCompletedEvent(paid.session));
    expect((await deliver(buildChargeRefundedEvent(paid.session, { amountRefunded: 10_000 }))).body).toEqual({ received: true, status: "HELD" });
    expect((await prisma.donation.findUniqueOrThrow({ where: { id: paid.donation.id } })).status).toBe("PAID");

    const held = await startGift(c.caseNo, "300");
    await deliver(buildCheckoutSessionCompletedEvent(held.session, { amountTotal: 1 }));
    expect((await deliver(buildChargeRefundedEvent(held.session))).body).toEqual({ received: true, status: "PROCESSED" });
    expect((await prisma.donation.findUniqueOrThrow({ where: { id: held.donation.id } })).status).toBe("REFUNDED");
    expect(await donationTxs(held.donation.id)).toHaveLength(0);
  });

  it("reverses a gift that went to the fund from the fund, and ignores a charge that is not a card gift of this platform", async () => {
    const { c, fund } = await createGivableCase({ lines: [{ target: 10_000 }] });
    const first = await startGift(c.caseNo, "100");
    const late = await startGift(c.caseNo, "100");
    await deliver(buildCheckoutSessionCompletedEvent(first.session));
    await deliver(buildCheckoutSessionCompletedEvent(late.session));
    expect((await prisma.donation.findUniqueOrThrow({ where: { id: late.donation.id } })).redirectedToFund).toBe(true);
    await deliver(buildChargeRefundedEvent(late.session));
    const [, reversal] = await donationTxs(late.donation.id);
    expect(entriesOf(reversal!)).toEqual({ [DONORS_ACCOUNT]: 10_000, [fundAccount(fund!.id)]: -10_000 });
    expect(await balance(fundAccount(fund!.id))).toBe(0);
    expect((await prisma.need.findFirstOrThrow({ where: { caseId: c.id } })).committed).toBe(10_000);

    const stranger = buildChargeRefundedEvent({ ...first.session, id: "cs_test_stranger", metadata: {} } as CheckoutSession);
    expect((await deliver(stranger)).body).toEqual({ received: true, status: "IGNORED" });
  });
});
