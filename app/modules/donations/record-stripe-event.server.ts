import { inboxPayload } from "~/domain/donations/inbox-payload.ts";
import { classifyStripeEvent, decideUnpaidEnd, type StripeEventAction } from "~/domain/donations/stripe-event-rules.ts";
import {
  constructStripeEvent,
  isWebhookConfigured,
  StripeSignatureError,
  type StripeCharge,
  type StripeCheckoutSession,
  type StripeEvent,
} from "~/integrations/stripe.server.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { lockDonation, lockDonationAndCase, type LockedCase, type LockedDonation } from "./lock-donation.server.ts";
import { holdDonation, paidFactsOf, recordCardPayment, type EventOutcome } from "./record-card-payment.server.ts";
import { recordPlainPayment } from "./plain-payment-recorder.server.ts";
import { recordCardRefund } from "./record-card-refund.server.ts";

/** Processing a payment is a handful of statements; a transaction this long is stuck, not busy. */
const TRANSACTION_TIMEOUT_MS = 15_000;

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

/**
 * POST /webhooks/stripe: verifies the signature against the raw body (400 and nothing written on a
 * bad or missing one), then records the event. 503 while the webhook secret is not configured, so
 * Stripe keeps the events and retries once it is.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null, now = new Date()): Promise<WebhookAnswer> {
  if (!isWebhookConfigured()) return { status: 503, body: { error: "webhook not configured" } };
  let event: StripeEvent;
  try {
    event = constructStripeEvent(rawBody, signature);
  } catch (error) {
    if (error instanceof StripeSignatureError) return { status: 400, body: { error: "bad signature" } };
    throw error;
  }
  return recordStripeEvent(event, now);
}

/**
 * Exactly once, whatever the deliveries: the event goes into the StripeEvent inbox (its Stripe id
 * is the key) and is processed in ONE transaction, whose first statement stores and claims it at
 * once — INSERT … ON CONFLICT DO UPDATE … WHERE status IN (RECEIVED, FAILED): a new event is
 * inserted already claimed, a stored one that failed before is claimed again, and a settled one
 * (PROCESSED/HELD/IGNORED) returns nothing, so the delivery answers 200 and does nothing.
 * Concurrent deliveries of one event queue on that row (or on the first one's uncommitted insert)
 * and, once the first commits, find it settled. Different events about one payment queue on the
 * donation's row lock and read what the first one wrote. The claim marks the event PROCESSED in
 * the same statement — the usual outcome, visible only if the transaction commits — and the row is
 * written again only for another outcome. A failure rolls everything back; the event is then
 * stored FAILED with its error (attempts counted) and the answer is 500, so Stripe delivers it again.
 *
 * Storing and processing in one transaction costs a gift one statement and one commit fewer than
 * storing first (tests/bench/donations-bench.ts); the inbox still keeps every event that was
 * processed, held, ignored or failed.
 */
export async function recordStripeEvent(event: StripeEvent, now = new Date(), opts: { plainPaymentPath?: boolean } = {}): Promise<WebhookAnswer> {
  const payload = JSON.stringify(inboxPayload(event));
  try {
    // A plain payment in one database call (ADR 008); null when it is not one, with nothing written.
    const settled = opts.plainPaymentPath === false ? null : await recordPlainPayment(event, payload, now);
    if (settled === "duplicate") return { status: 200, body: { received: true, duplicate: true } };
    if (settled) return { status: 200, body: { received: true, status: "PROCESSED" } };
    const outcome = await prisma.$transaction(
      async (tx) => {
        const action = classifyStripeEvent(event.type, (event.data.object as { payment_status?: string | null }).payment_status);
        const locks = await lockSessionRows(tx, action, event);
        const claimed = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO "StripeEvent" ("id", "type", "status", "attempts", "payload", "receivedAt", "processedAt")
               VALUES (${event.id}, ${event.type}, 'PROCESSED', 1, ${payload}::jsonb, ${now}, ${now})
          ON CONFLICT ("id") DO UPDATE
                SET "status" = 'PROCESSED', "attempts" = "StripeEvent"."attempts" + 1, "error" = NULL, "processedAt" = EXCLUDED."processedAt"
              WHERE "StripeEvent"."status" IN ('RECEIVED', 'FAILED')
          RETURNING "id"`;
        if (claimed.length === 0) return null;
        const result = await processEvent(tx, event, action, locks, now);
        if (result.eventStatus !== "PROCESSED" || result.note) {
          await tx.stripeEvent.update({ where: { id: event.id }, data: { status: result.eventStatus, error: result.note ?? null } });
        }
        return result;
      },
      { timeout: TRANSACTION_TIMEOUT_MS },
    );
    if (!outcome) return { status: 200, body: { received: true, duplicate: true } };
    return { status: 200, body: { received: true, status: outcome.eventStatus } };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown error";
    await prisma.$executeRaw`
      INSERT INTO "StripeEvent" ("id", "type", "status", "attempts", "payload", "receivedAt", "error")
           VALUES (${event.id}, ${event.type}, 'FAILED', 1, ${payload}::jsonb, ${now}, ${message})
      ON CONFLICT ("id") DO UPDATE SET "status" = 'FAILED', "attempts" = "StripeEvent"."attempts" + 1, "error" = EXCLUDED."error"
            WHERE "StripeEvent"."status" IN ('RECEIVED', 'FAILED')`;
    console.error(`stripe webhook ${event.id} (${event.type}) failed: ${error instanceof Error ? error.name : "error"}`);
    return { status: 500, body: { error: "processing failed, will be retried" } };
  }
}

type SessionAction = Exclude<StripeEventAction, "ignore" | "recordRefund">;
/** The rows a Checkout Session event works on, locked; null for other events. */
type SessionLocks = { donation: LockedDonation | null; lockedCase?: LockedCase | null } | null;

const isSessionAction = (action: StripeEventAction): action is SessionAction => action !== "ignore" && action !== "recordRefund";

/**
 * A session event locks its donation (and, for a payment to record, its case, in the same
 * statement) BEFORE it claims its inbox row: the order record_card_payments takes them in
 * (donation, case, inbox). Otherwise a redelivery of this event waiting in a batch would hold the
 * donation and wait for our inbox row while we waited for the donation, and PostgreSQL would end
 * one of the two as a deadlock after 1 s (a 500 and a redelivery). A duplicate that then finds its
 * inbox row settled has only queued behind the first delivery, as it would have anyway.
 */
async function lockSessionRows(tx: Tx, action: StripeEventAction, event: StripeEvent): Promise<SessionLocks> {
  if (!isSessionAction(action)) return null;
  const session = event.data.object as StripeCheckoutSession;
  const donationId = session.metadata?.donationId ?? null;
  if (donationId && action === "recordPayment") {
    const locked = await lockDonationAndCase(tx, donationId);
    return { donation: locked?.donation ?? null, lockedCase: locked?.lockedCase };
  }
  return { donation: donationId ? await lockDonation(tx, { id: donationId }) : await lockDonation(tx, { sessionId: session.id }) };
}

async function processEvent(tx: Tx, event: StripeEvent, action: StripeEventAction, locks: SessionLocks, now: Date): Promise<EventOutcome> {
  if (action === "ignore") return { eventStatus: "IGNORED" };
  if (action === "recordRefund") return recordCardRefund(tx, event.data.object as StripeCharge, now);
  return processSessionEvent(tx, action, event.data.object as StripeCheckoutSession, locks!, now); // lockSessionRows locks for every session action
}

async function processSessionEvent(tx: Tx, action: SessionAction, session: StripeCheckoutSession, locks: NonNullable<SessionLocks>, now: Date): Promise<EventOutcome> {
  const donationId = session.metadata?.donationId ?? null;
  const { donation } = locks;
  if (!donation) return donationId ? { eventStatus: "HELD", note: "unknownDonation" } : { eventStatus: "IGNORED", note: "notOurSession" };

  const paid = paidFactsOf(session);
  // A donation id copied into another session's metadata must not settle this donation.
  if (donation.stripeCheckoutSessionId && donation.stripeCheckoutSessionId !== session.id) {
    if (action === "recordPayment") await holdDonation(tx, donation, "sessionMismatch", paid);
    return { eventStatus: "HELD", note: "sessionMismatch" };
  }

  switch (action) {
    case "awaitAsyncPayment":
      // Paid by a delayed method: async_payment_succeeded or _failed follows. Nothing to record yet.
      return { eventStatus: "PROCESSED", note: "awaitingAsyncPayment" };
    case "recordPayment":
      return recordCardPayment(tx, donation, paid, now, locks.lockedCase);
    case "markFailed":
    case "markExpired": {
      const to = decideUnpaidEnd(donation, action);
      if (!to) return { eventStatus: "PROCESSED", note: `already ${donation.status}` };
      // Nothing was reserved for a pending gift (the line is reserved when the money is in), so
      // a failed or expired checkout has nothing to release.
      await tx.donation.updateMany({ where: { id: donation.id, status: donation.status }, data: { status: to } });
      return { eventStatus: "PROCESSED" };
    }
  }
}
