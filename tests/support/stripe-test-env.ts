// Server tests run the app in-process, where the environment was parsed once (env.server.ts): these
// helpers point that parsed configuration at the Stripe test stand-in, or take Stripe away, for the
// duration of a test file or a single test.
import { afterAll, beforeAll } from "vitest";
import { getEnv } from "~/utils/env.server.ts";
import { STAND_IN_SECRET_KEY, STAND_IN_WEBHOOK_SECRET, startStripeStandIn, type StripeStandIn } from "./stripe-stand-in.ts";

type StripeSettings = { STRIPE_SECRET_KEY?: string; STRIPE_WEBHOOK_SECRET?: string; STRIPE_API_URL?: string };

export function useStripeStandIn(standIn: StripeStandIn) {
  Object.assign(getEnv(), { STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY, STRIPE_WEBHOOK_SECRET: STAND_IN_WEBHOOK_SECRET, STRIPE_API_URL: standIn.url } satisfies StripeSettings);
}

/**
 * For a whole test file: starts the stand-in before its tests, points the app at it, and stops it
 * after them. Returns the running stand-in (call it inside tests and hooks).
 */
export function stripeStandInForFile(): () => StripeStandIn {
  let standIn: StripeStandIn | undefined;
  beforeAll(async () => {
    standIn = await startStripeStandIn();
    useStripeStandIn(standIn);
  });
  afterAll(async () => {
    await standIn?.stop();
  });
  return () => {
    if (!standIn) throw new Error("the Stripe stand-in runs only inside this file's tests");
    return standIn;
  };
}

/** Runs `fn` with the given Stripe settings (e.g. none at all), then restores the previous ones. */
export async function withStripeSettings<T>(settings: StripeSettings, fn: () => Promise<T>): Promise<T> {
  const env = getEnv();
  const before: StripeSettings = { STRIPE_SECRET_KEY: env.STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET, STRIPE_API_URL: env.STRIPE_API_URL };
  Object.assign(env, { STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, STRIPE_API_URL: undefined }, settings);
  try {
    return await fn();
  } finally {
    Object.assign(env, before);
  }
}
