// Starts a card gift through the real give form against the Stripe test stand-in: a PENDING
// donation and its Checkout Session, as a donor's click would leave them; and delivers Stripe
// events to the real webhook route, signed by the stripe library. Shared by the webhook tests, the
// plain-payment path tests and the batch tests.
import crypto from "node:crypto";
import { expect } from "vitest";
import { action as giveAction } from "~/routes/_public+/needs.$caseNo.give.tsx";
import { action as webhookAction } from "~/routes/webhooks+/stripe.ts";
import { prisma } from "~/utils/db.server.ts";
import { responseOf } from "../factories/index.ts";
import { signStripeEvent, type CheckoutSession, type StripeEventShape, type StripeStandIn } from "./stripe-stand-in.ts";

export async function startCardGift(standIn: StripeStandIn, caseNo: string, yuan: string, extra: Record<string, string> = {}) {
  const request = new Request(`http://localhost/needs/${caseNo}/give`, {
    method: "POST",
    body: new URLSearchParams({ amount: yuan, donorName: "李明", email: "liming@example.com", ...extra }),
    headers: { "x-forwarded-for": `10.9.${crypto.randomInt(255)}.${crypto.randomInt(255)}`, "Content-Type": "application/x-www-form-urlencoded" },
  });
  const answer = await responseOf(() => giveAction({ request, params: { caseNo }, context: {} }));
  expect(answer.status).toBe(303);
  const sessionId = new URL(answer.headers.get("Location")!).pathname.split("/").pop()!;
  const session = standIn.sessions.get(sessionId) as CheckoutSession;
  const donation = await prisma.donation.findUniqueOrThrow({ where: { stripeCheckoutSessionId: sessionId } });
  return { session, donation };
}

/** POSTs `event` to /webhooks/stripe as Stripe would; `opts` spoil the signature or the body. */
export async function deliverStripeEvent(event: StripeEventShape, opts: { secret?: string; signature?: string | null; payload?: string; timestamp?: number } = {}) {
  const signed = signStripeEvent(event, { secret: opts.secret, timestamp: opts.timestamp });
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const signature = opts.signature === undefined ? signed.signature : opts.signature;
  if (signature !== null) headers["Stripe-Signature"] = signature;
  const request = new Request("http://localhost/webhooks/stripe", { method: "POST", body: opts.payload ?? signed.payload, headers });
  const response = (await webhookAction({ request, params: {}, context: {} })) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
