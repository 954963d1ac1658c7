import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyStripeEvent,
  decidePayment,
  decideRefund,
  decideUnpaidEnd,
  DONATION_STATUSES,
  HANDLED_STRIPE_EVENT_TYPES,
  isEventSettled,
  paymentIdempotencyKey,
  STRIPE_EVENT_STATUSES,
  type DonationStatusName,
} from "./stripe-event-rules.ts";

describe("classifyStripeEvent", () => {
  it.each([
    ["checkout.session.completed", "paid", "recordPayment"],
    ["checkout.session.completed", "unpaid", "awaitAsyncPayment"],
    ["checkout.session.completed", "no_payment_required", "ignore"],
    ["checkout.session.async_payment_succeeded", "paid", "recordPayment"],
    ["checkout.session.async_payment_failed", "unpaid", "markFailed"],
    ["checkout.session.expired", "unpaid", "markExpired"],
    ["charge.refunded", null, "recordRefund"],
    ["payment_intent.succeeded", null, "ignore"],
    ["charge.succeeded", null, "ignore"],
    ["customer.created", null, "ignore"],
    ["", null, "ignore"],
  ] as const)("%s (payment_status %s) → %s", (type, paymentStatus, expected) => {
    expect(classifyStripeEvent(type, paymentStatus)).toBe(expected);
  });

  it("acts on every handled type and ignores everything else (property)", () => {
    fc.assert(
      fc.property(fc.string(), (type) => {
        const action = classifyStripeEvent(type, "paid");
        expect(action === "ignore").toBe(!(HANDLED_STRIPE_EVENT_TYPES as readonly string[]).includes(type));
      }),
    );
  });
});

describe("isEventSettled", () => {
  const expected: Record<(typeof STRIPE_EVENT_STATUSES)[number], boolean> = { RECEIVED: false, FAILED: false, PROCESSED: true, HELD: true, IGNORED: true };
  it.each(STRIPE_EVENT_STATUSES.map((s) => [s, expected[s]] as const))("%s → %s (a redelivery then changes nothing)", (status, settled) => {
    expect(isEventSettled(status)).toBe(settled);
  });
});

const donation = (status: DonationStatusName) => ({ status, amountFen: 10_000, currency: "cny" });

describe("decidePayment", () => {
  const expected: Record<DonationStatusName, ReturnType<typeof decidePayment>> = {
    PENDING: { kind: "record" },
    EXPIRED: { kind: "record" },
    PAID: { kind: "alreadyRecorded" },
    REFUNDED: { kind: "alreadyRecorded" },
    HELD: { kind: "alreadyRecorded" },
    FAILED: { kind: "hold", reason: "paidAfterFailure" },
  };
  it.each(DONATION_STATUSES.map((s) => [s, expected[s]] as const))("a matching payment for a %s gift → %j", (status, decision) => {
    expect(decidePayment(donation(status), { amountFen: 10_000, currency: "cny" })).toEqual(decision);
  });

  it.each([
    [{ amountFen: 9_999, currency: "cny" }, "amountMismatch"],
    [{ amountFen: 10_001, currency: "cny" }, "amountMismatch"],
    [{ amountFen: null, currency: "cny" }, "amountMismatch"],
    [{ amountFen: 10_000, currency: "usd" }, "currencyMismatch"],
    [{ amountFen: 10_000, currency: null }, "currencyMismatch"],
  ] as const)("a pending gift paid with %j is held (%s)", (paid, reason) => {
    expect(decidePayment(donation("PENDING"), paid)).toEqual({ kind: "hold", reason });
  });

  it("compares the currency case-insensitively", () => {
    expect(decidePayment(donation("PENDING"), { amountFen: 10_000, currency: "CNY" })).toEqual({ kind: "record" });
  });

  it("records only the exact amount and currency of a pending gift (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 8 }), fc.integer({ min: 0, max: 10 ** 8 }), fc.constantFrom("cny", "usd", "hkd"), (expectedFen, paidFen, currency) => {
        const decision = decidePayment({ status: "PENDING", amountFen: expectedFen, currency: "cny" }, { amountFen: paidFen, currency });
        expect(decision.kind === "record").toBe(paidFen === expectedFen && currency === "cny");
      }),
    );
  });
});

describe("decideRefund", () => {
  const expected: Record<DonationStatusName, ReturnType<typeof decideRefund>> = {
    PAID: { kind: "reverse" },
    PENDING: { kind: "recordThenReverse" },
    EXPIRED: { kind: "recordThenReverse" },
    HELD: { kind: "closeWithoutPosting" },
    FAILED: { kind: "closeWithoutPosting" },
    REFUNDED: { kind: "alreadyRefunded" },
  };
  it.each(DONATION_STATUSES.map((s) => [s, expected[s]] as const))("a full refund of a %s gift → %j", (status, decision) => {
    expect(decideRefund(donation(status), { amountRefundedFen: 10_000, currency: "cny" })).toEqual(decision);
  });

  it.each([
    [{ amountRefundedFen: 5_000, currency: "cny" }, "partialRefund"],
    [{ amountRefundedFen: 10_001, currency: "cny" }, "refundMismatch"],
    [{ amountRefundedFen: 10_000, currency: "usd" }, "refundMismatch"],
  ] as const)("a refund of %j for a paid gift is held (%s)", (refund, reason) => {
    expect(decideRefund(donation("PAID"), refund)).toEqual({ kind: "hold", reason });
  });
});

describe("decideUnpaidEnd", () => {
  const failed: Record<DonationStatusName, DonationStatusName | null> = { PENDING: "FAILED", EXPIRED: "FAILED", PAID: null, REFUNDED: null, HELD: null, FAILED: null };
  const expired: Record<DonationStatusName, DonationStatusName | null> = { PENDING: "EXPIRED", EXPIRED: null, PAID: null, REFUNDED: null, HELD: null, FAILED: null };
  it.each(DONATION_STATUSES.map((s) => [s, failed[s], expired[s]] as const))("%s: failed → %s, expired → %s", (status, onFailed, onExpired) => {
    expect(decideUnpaidEnd({ status }, "markFailed")).toBe(onFailed);
    expect(decideUnpaidEnd({ status }, "markExpired")).toBe(onExpired);
  });
});

describe("paymentIdempotencyKey", () => {
  it.each([
    ["pi_1", "cs_1", "d1", "stripe:pi_1"],
    [null, "cs_1", "d1", "stripe:cs_1"],
    [null, null, "d1", "stripe:d1"],
  ] as const)("payment_intent %s, session %s → %s", (pi, cs, d, key) => {
    expect(paymentIdempotencyKey(pi, cs, d)).toBe(key);
  });
});
