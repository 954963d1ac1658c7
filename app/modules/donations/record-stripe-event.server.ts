import { inboxPayload } from "~/domain/donations/inbox-payload.ts";
import { classifyStripeEvent, decideUnpaidEnd, type StripeEventAction } from "~/domain/donations/stripe-event-rules.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import {
  constructStripeEvent,
  isWebhookConfigured,
  StripeSignatureError,
  type StripeCharge,
  type StripeCheckoutSession,
  type StripeEvent,
} from "~/integrations/stripe.server.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { lockDonation, type LockedDonation } from "./lock-donation.server.ts";
import { holdDonation, recordCardPayment, type EventOutcome } from "./record-card-payment.server.ts";
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
 * Exactly once, whatever the deliveries: the event is first stored in the StripeEvent inbox (its
 * Stripe id is the key, so a redelivery inserts nothing), then claimed and processed in ONE
 * transaction. The claim is a compare-and-set on the inbox row (RECEIVED/FAILED → being processed):
 * concurrent deliveries of one event queue on that row and, once the first commits, find it settled
 * and answer 200 without doing anything. Different events about one payment queue on the donation's
 * row lock and read what the first one wrote. A failure rolls the processing back, leaves the event
 * FAILED with its error and answers 500, so Stripe delivers it again.
 */
export async function recordStripeEvent(event: StripeEvent, now = new Date()): Promise<WebhookAnswer> {
  await prisma.stripeEvent.createMany({
    data: [{ id: event.id, type: event.type, payload: inboxPayload(event) as Prisma.InputJsonValue, receivedAt: now }],
    skipDuplicates: true,
  });
  try {
    const outcome = await prisma.$transaction(
      async (tx) => {
        const claimed = await tx.$queryRaw<{ id: string }[]>`
          UPDATE "StripeEvent" SET "attempts" = "attempts" + 1
           WHERE "id" = ${event.id} AND "status" IN ('RECEIVED', 'FAILED')
       RETURNING "id"`;
        if (claimed.length === 0) return null;
        const result = await processEvent(tx, event, now);
        await tx.stripeEvent.update({ where: { id: event.id }, data: { status: result.eventStatus, error: result.note ?? null, processedAt: now } });
        return result;
      },
      { timeout: TRANSACTION_TIMEOUT_MS },
    );
    if (!outcome) return { status: 200, body: { received: true, duplicate: true } };
    return { status: 200, body: { received: true, status: outcome.eventStatus } };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown error";
    await prisma.stripeEvent.updateMany({
      where: { id: event.id, status: { in: ["RECEIVED", "FAILED"] } },
      data: { status: "FAILED", attempts: { increment: 1 }, error: message },
    });
    console.error(`stripe webhook ${event.id} (${event.type}) failed: ${error instanceof Error ? error.name : "error"}`);
    return { status: 500, body: { error: "processing failed, will be retried" } };
  }
}

async function processEvent(tx: Tx, event: StripeEvent, now: Date): Promise<EventOutcome> {
  const object = event.data.object as { object?: string; payment_status?: string | null };
  const action: StripeEventAction = classifyStripeEvent(event.type, object.payment_status);
  switch (action) {
    case "ignore":
      return { eventStatus: "IGNORED" };
    case "recordRefund":
      return recordCardRefund(tx, event.data.object as StripeCharge, now);
    case "awaitAsyncPayment":
    case "recordPayment":
    case "markFailed":
    case "markExpired":
      return processSessionEvent(tx, action, event.data.object as StripeCheckoutSession, now);
  }
}

async function processSessionEvent(tx: Tx, action: Exclude<StripeEventAction, "ignore" | "recordRefund">, session: StripeCheckoutSession, now: Date): Promise<EventOutcome> {
  const donationId = session.metadata?.donationId ?? null;
  const donation: LockedDonation | null = donationId ? await lockDonation(tx, { id: donationId }) : await lockDonation(tx, { sessionId: session.id });
  if (!donation) return donationId ? { eventStatus: "HELD", note: "unknownDonation" } : { eventStatus: "IGNORED", note: "notOurSession" };

  const paid = {
    amountFen: session.amount_total,
    currency: session.currency,
    paymentIntentId: typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null),
    sessionId: session.id,
    locale: session.metadata?.locale === "en" ? ("en" as const) : ("zh-CN" as const),
  };
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
      return recordCardPayment(tx, donation, paid, now);
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
