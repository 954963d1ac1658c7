/**
 * What a Stripe webhook event means for a card gift, as pure decisions (DESIGN §6). The module
 * (app/modules/donations/record-stripe-event.server.ts) loads the donation under a row lock, asks
 * these functions, and writes the answer in one transaction — so every delivery of every event
 * about one payment, in any order and at any concurrency, ends in the same state.
 *
 * Ordering decisions:
 * - checkout.session.completed with payment_status "unpaid" (bank debits and other async methods)
 *   records nothing: async_payment_succeeded or _failed follows. If async_payment_succeeded comes
 *   first, it records the payment and the later completed finds the gift PAID (a no-op).
 * - A payment is recorded only from PENDING (or EXPIRED: the money is real even if our pending row
 *   timed out). PAID/REFUNDED → already recorded. FAILED → held for staff (Stripe said failed,
 *   then paid: a person should look). HELD stays held.
 * - async_payment_failed only turns PENDING/EXPIRED into FAILED. Nothing was reserved on the need
 *   line while the gift was pending (reservation happens when the money is in), so a failure
 *   releases nothing.
 * - charge.refunded before the payment event (the donation still PENDING): the charge proves the
 *   money came in, so the payment is recorded and reversed in the same transaction; the payment
 *   event that arrives later finds REFUNDED and does nothing. The end state is the same as in order.
 * - A partial refund, or a refund that does not match the gift's amount or currency, is held for
 *   staff (the donation keeps its status, the event is HELD).
 */
export const DONATION_STATUSES = ["PENDING", "PAID", "FAILED", "EXPIRED", "REFUNDED", "HELD"] as const;
export type DonationStatusName = (typeof DONATION_STATUSES)[number];

export const STRIPE_EVENT_STATUSES = ["RECEIVED", "PROCESSED", "FAILED", "HELD", "IGNORED"] as const;
export type StripeEventStatusName = (typeof STRIPE_EVENT_STATUSES)[number];

/** Event types this platform acts on; every other type is stored and marked IGNORED. */
export const HANDLED_STRIPE_EVENT_TYPES = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
] as const;

export type StripeEventAction = "recordPayment" | "awaitAsyncPayment" | "markFailed" | "markExpired" | "recordRefund" | "ignore";

/** The action for an event type, given the Checkout Session's payment_status where it has one. */
export function classifyStripeEvent(type: string, paymentStatus?: string | null): StripeEventAction {
  switch (type) {
    case "checkout.session.completed":
      if (paymentStatus === "paid") return "recordPayment";
      if (paymentStatus === "unpaid") return "awaitAsyncPayment";
      return "ignore"; // "no_payment_required": nothing was paid
    case "checkout.session.async_payment_succeeded":
      return "recordPayment";
    case "checkout.session.async_payment_failed":
      return "markFailed";
    case "checkout.session.expired":
      return "markExpired";
    case "charge.refunded":
      return "recordRefund";
    default:
      return "ignore";
  }
}

/** Inbox statuses after which a redelivery of the same event is a no-op (200, nothing changes). */
export const FINAL_EVENT_STATUSES: readonly StripeEventStatusName[] = ["PROCESSED", "HELD", "IGNORED"];

export function isEventSettled(status: StripeEventStatusName): boolean {
  return FINAL_EVENT_STATUSES.includes(status);
}

export type HoldReason =
  | "amountMismatch"
  | "currencyMismatch"
  | "paidAfterFailure"
  | "partialRefund"
  | "refundMismatch"
  | "noFundForRedirect"
  | "caseLacksMoneyForRefund"
  /** The event names a donation that does not exist, or one created for another Checkout Session. */
  | "unknownDonation"
  | "sessionMismatch";

type DonationFacts = { status: DonationStatusName; amountFen: number; currency: string };

export type PaymentDecision = { kind: "record" } | { kind: "alreadyRecorded" } | { kind: "hold"; reason: HoldReason };

/** A payment reported by Stripe (amount_total and currency of the Checkout Session, or the charge). */
export function decidePayment(donation: DonationFacts, paid: { amountFen: number | null; currency: string | null }): PaymentDecision {
  switch (donation.status) {
    case "PAID":
    case "REFUNDED":
    case "HELD":
      return { kind: "alreadyRecorded" };
    case "FAILED":
      return { kind: "hold", reason: "paidAfterFailure" };
    case "PENDING":
    case "EXPIRED":
      if ((paid.currency ?? "").toLowerCase() !== donation.currency.toLowerCase()) return { kind: "hold", reason: "currencyMismatch" };
      if (paid.amountFen !== donation.amountFen) return { kind: "hold", reason: "amountMismatch" };
      return { kind: "record" };
  }
}

export type RefundDecision =
  | { kind: "reverse" }
  | { kind: "recordThenReverse" }
  | { kind: "closeWithoutPosting" }
  | { kind: "alreadyRefunded" }
  | { kind: "hold"; reason: HoldReason };

/** A charge.refunded: `amountRefundedFen` is the charge's amount_refunded (cumulative). */
export function decideRefund(donation: DonationFacts, refund: { amountRefundedFen: number; currency: string | null }): RefundDecision {
  if (donation.status === "REFUNDED") return { kind: "alreadyRefunded" };
  if ((refund.currency ?? "").toLowerCase() !== donation.currency.toLowerCase()) return { kind: "hold", reason: "refundMismatch" };
  if (refund.amountRefundedFen < donation.amountFen) return { kind: "hold", reason: "partialRefund" };
  if (refund.amountRefundedFen > donation.amountFen) return { kind: "hold", reason: "refundMismatch" };
  switch (donation.status) {
    case "PAID":
      return { kind: "reverse" };
    case "PENDING":
    case "EXPIRED":
      return { kind: "recordThenReverse" };
    // Nothing was posted for a held or failed gift: the money goes back and the gift is closed.
    case "HELD":
    case "FAILED":
      return { kind: "closeWithoutPosting" };
  }
}

/** async_payment_failed / checkout.session.expired: only a gift still waiting for its money changes. */
export function decideUnpaidEnd(donation: { status: DonationStatusName }, action: "markFailed" | "markExpired"): DonationStatusName | null {
  if (action === "markFailed") return donation.status === "PENDING" || donation.status === "EXPIRED" ? "FAILED" : null;
  return donation.status === "PENDING" ? "EXPIRED" : null;
}

/** The ledger key of a card gift: one posting per Stripe payment, whichever event records it. */
export function paymentIdempotencyKey(paymentIntentId: string | null, sessionId: string | null, donationId: string): string {
  return `stripe:${paymentIntentId ?? sessionId ?? donationId}`;
}

export function refundIdempotencyKey(donationId: string): string {
  return `stripe:refund:${donationId}`;
}
