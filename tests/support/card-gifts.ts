// Starts a card gift through the real give form against the Stripe test stand-in: a PENDING
// donation and its Checkout Session, as a donor's click would leave them. Shared by the webhook
// tests and the plain-payment path tests.
import crypto from "node:crypto";
import { expect } from "vitest";
import { action as giveAction } from "~/routes/_public+/needs.$caseNo.give.tsx";
import { prisma } from "~/utils/db.server.ts";
import { responseOf } from "../factories/index.ts";
import type { CheckoutSession, StripeStandIn } from "./stripe-stand-in.ts";

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
