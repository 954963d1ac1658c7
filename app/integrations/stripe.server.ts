// Thin wrapper around the Stripe SDK (no business rules here). Card giving needs both keys: the
// secret key to create Checkout Sessions, and the webhook secret to record the payments — offering
// card gifts without the second would take money the platform cannot record (DESIGN §8).
// STRIPE_API_URL points the SDK at a Stripe-compatible server: the tests' local stand-in
// (tests/support/stripe-stand-in.ts), since api.stripe.com is unreachable from these machines.
import Stripe from "stripe";
import { getEnv } from "~/utils/env.server.ts";

export type StripeClient = Stripe;
export type StripeEvent = Stripe.Event;
export type StripeCheckoutSession = Stripe.Checkout.Session;
export type StripeCharge = Stripe.Charge;
export type CheckoutSessionCreateParams = Stripe.Checkout.SessionCreateParams;

/** Creating a session runs inside a database transaction: fail fast rather than hold it open. */
const REQUEST_TIMEOUT_MS = 10_000;

let cached: { key: string; client: Stripe } | undefined;

export function isCardGivingEnabled(): boolean {
  const env = getEnv();
  return Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET);
}

/** The configured client; throws when card giving is not configured (callers check first). */
export function getStripe(): Stripe {
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not set");
  const key = `${env.STRIPE_SECRET_KEY}|${env.STRIPE_API_URL ?? ""}`;
  if (cached?.key !== key) cached = { key, client: new Stripe(env.STRIPE_SECRET_KEY, stripeConfig(env.STRIPE_API_URL)) };
  return cached.client;
}

function stripeConfig(apiUrl: string | undefined): Stripe.StripeConfig {
  const config: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: REQUEST_TIMEOUT_MS, telemetry: false };
  if (!apiUrl) return config;
  const url = new URL(apiUrl);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { ...config, host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol };
}

export class StripeSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StripeSignatureError";
  }
}

/**
 * Verifies a webhook's `Stripe-Signature` against the raw body and returns the event. Throws
 * StripeSignatureError for a missing or bad signature (or a timestamp outside the tolerance).
 */
export function constructStripeEvent(rawBody: string, signature: string | null): Stripe.Event {
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new Error("STRIPE_WEBHOOK_SECRET is not set");
  if (!signature) throw new StripeSignatureError("missing Stripe-Signature header");
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    throw new StripeSignatureError(error instanceof Error ? error.message : "bad signature");
  }
}

export function isWebhookConfigured(): boolean {
  return Boolean(getEnv().STRIPE_WEBHOOK_SECRET);
}
