// The card-gift hot path (ADR 008). A paid Checkout Session of a known gift is recorded by the
// database function record_card_payment (prisma/migrations/*_money_functions) in one statement,
// hence one transaction: inbox claim, locks, line reservation or redirect to the region's fund,
// commitment, receipt mail and the DONATION posting. It goes through Prisma's pg pool directly: a
// statement through Prisma costs ~0.5 ms more Node CPU than the query itself.
//
// It takes only the plain road and says so: everything else (holds, an unknown donation, a gift
// that completes its case) comes back as null with nothing written, and recordStripeEvent records
// that event statement by statement, deciding every such case.
import { classifyStripeEvent, paymentIdempotencyKey } from "~/domain/donations/stripe-event-rules.ts";
import { commitmentIdForDonation } from "~/domain/pledges/pledge-rules.ts";
import { REGION_LEVEL_LENGTHS } from "~/domain/region-codes.ts";
import type { StripeCheckoutSession, StripeEvent } from "~/integrations/stripe.server.ts";
import { pgPool } from "~/utils/db.server.ts";
import { paidFactsOf } from "./record-card-payment.server.ts";

export type PlainPaymentOutcome = "duplicate" | "recorded" | "redirectedToFund";

/** record_card_payment's "not the plain road" answer: it raised before anything was written. */
const TAKE_THE_SLOW_PATH = "JJ100";

/**
 * Records `event` if it is a payment of a card gift that needs no decision by a person or by the
 * case state machine; returns what happened, or null (nothing written) for every other event.
 * `payload` is the inbox copy of the event (inboxPayload), as the slow path stores it.
 */
export async function recordPlainPayment(event: StripeEvent, payload: string, now: Date): Promise<PlainPaymentOutcome | null> {
  const session = event.data.object as StripeCheckoutSession;
  if (classifyStripeEvent(event.type, session.payment_status) !== "recordPayment") return null;
  const donationId = session.metadata?.donationId;
  if (!donationId) return null;
  const paid = paidFactsOf(session);
  try {
    const { rows } = await pgPool.query<{ outcome: PlainPaymentOutcome }>(
      `SELECT record_card_payment($1, $2, $3::jsonb, $4::timestamptz, $5, $6, $7::integer, $8, $9, $10, $11, $12, $13::integer[]) AS "outcome"`,
      [
        event.id, event.type, payload, now, donationId, paid.sessionId, paid.amountFen, paid.currency, paid.paymentIntentId, paid.locale,
        paymentIdempotencyKey(paid.paymentIntentId, paid.sessionId, donationId), commitmentIdForDonation(donationId), [...REGION_LEVEL_LENGTHS],
      ],
    );
    return rows[0]?.outcome ?? null;
  } catch (error) {
    // JJ100: not the plain road. Anything else: the statement-by-statement path meets the same
    // trouble and answers for it (the event stored FAILED, 500, Stripe delivers it again).
    if ((error as { code?: unknown }).code === TAKE_THE_SLOW_PATH) return null;
    throw error;
  }
}
