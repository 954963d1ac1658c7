// The card-gift hot path (ADR 008, 009). A paid Checkout Session of a known gift is recorded by the
// database function record_card_payment (prisma/migrations/*_money_functions): inbox claim, locks,
// line reservation or redirect to the region's fund, commitment, receipt mail and the DONATION
// posting, all in one transaction. Payments that arrive together are recorded together: each waits
// for the next batch (app/utils/group-commit.ts), and record_card_payments records the batch in one
// statement with one commit for all; if any payment of it raises, nothing of the batch is written
// and its payments go again one per statement. A delivery is answered only after its commit, so
// "acknowledged" still means "recorded". It goes through Prisma's pg pool directly: a statement
// through Prisma costs ~0.5 ms more Node CPU than the query itself.
//
// It takes only the plain road and says so: everything else (holds, an unknown donation, a gift
// that completes its case) comes back as null with nothing written, and recordStripeEvent records
// that event statement by statement, deciding every such case.
import { classifyStripeEvent, paymentIdempotencyKey } from "~/domain/donations/stripe-event-rules.ts";
import { commitmentIdForDonation } from "~/domain/pledges/pledge-rules.ts";
import { REGION_LEVEL_LENGTHS } from "~/domain/region-codes.ts";
import type { StripeCheckoutSession, StripeEvent } from "~/integrations/stripe.server.ts";
import { groupCommit, type BatchResult } from "~/utils/group-commit.ts";
import { pgPool } from "~/utils/db.server.ts";
import { paidFactsOf } from "./record-card-payment.server.ts";

export type PlainPaymentOutcome = "duplicate" | "recorded" | "redirectedToFund";

/** record_card_payment's "not the plain road" answer: it raised before anything of it lasted. */
const TAKE_THE_SLOW_PATH = "JJ100";

/**
 * Payments per batch at most. Under the benchmark's 8 concurrent deliveries batches stay far below
 * this; it only bounds one statement's size and the time its locks are held.
 */
const MAX_BATCH = 64;

type PaymentItem = {
  payload: string; // the inbox copy of the event, already JSON
  eventId: string;
  eventType: string;
  now: string;
  donationId: string;
  sessionId: string | null;
  amountFen: number | null;
  currency: string | null;
  paymentIntentId: string | null;
  locale: string;
  idempotencyKey: string;
  commitmentId: string;
};

const recordInBatch = groupCommit<PaymentItem, PlainPaymentOutcome | null>({ maxBatch: MAX_BATCH, run: recordBatch });

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
  return recordInBatch({
    payload,
    eventId: event.id,
    eventType: event.type,
    now: now.toISOString(),
    donationId,
    sessionId: paid.sessionId,
    amountFen: paid.amountFen,
    currency: paid.currency,
    paymentIntentId: paid.paymentIntentId,
    locale: paid.locale,
    idempotencyKey: paymentIdempotencyKey(paid.paymentIntentId, paid.sessionId, donationId),
    commitmentId: commitmentIdForDonation(donationId),
  });
}

async function recordBatch(items: PaymentItem[]): Promise<BatchResult<PlainPaymentOutcome | null>[]> {
  try {
    const { rows } = await pgPool.query<{ outcome: PlainPaymentOutcome }>(
      `SELECT "outcome" FROM record_card_payments($1::jsonb, $2::integer[]) ORDER BY "item"`,
      [batchJson(items), [...REGION_LEVEL_LENGTHS]],
    );
    return rows.map((row) => ({ ok: true, value: row.outcome }));
  } catch (error) {
    // Nothing of the batch was written. Alone, a payment that raised answers for itself, and the
    // others of its batch are recorded as usual.
    if (items.length === 1) return [settledAlone(error)];
    const results: BatchResult<PlainPaymentOutcome | null>[] = [];
    for (const item of items) results.push(...(await recordBatch([item])));
    return results;
  }
}

/** JJ100: not the plain road, recordStripeEvent records it statement by statement. Anything else
 * fails that delivery alone: recordStripeEvent stores the event FAILED and answers 500, and Stripe
 * delivers it again. */
function settledAlone(error: unknown): BatchResult<PlainPaymentOutcome | null> {
  if ((error as { code?: unknown }).code === TAKE_THE_SLOW_PATH) return { ok: true, value: null };
  return { ok: false, error };
}

/** The items as one JSON array; each payload is already JSON text and goes in as it is. */
function batchJson(items: PaymentItem[]): string {
  return `[${items.map(({ payload, ...facts }) => `{"payload":${payload},${JSON.stringify(facts).slice(1)}`).join(",")}]`;
}
