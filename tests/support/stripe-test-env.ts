// Server tests run the app in-process, where the environment was parsed once (env.server.ts): these
// helpers point that parsed configuration at the Stripe test stand-in, or take Stripe away, for the
// duration of a test file or a single test.
import { getEnv } from "~/utils/env.server.ts";
import { STAND_IN_SECRET_KEY, STAND_IN_WEBHOOK_SECRET, type StripeStandIn } from "./stripe-stand-in.ts";

type StripeSettings = { STRIPE_SECRET_KEY?: string; STRIPE_WEBHOOK_SECRET?: string; STRIPE_API_URL?: string };

export function useStripeStandIn(standIn: StripeStandIn) {
  Object.assign(getEnv(), { STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY, STRIPE_WEBHOOK_SECRET: STAND_IN_WEBHOOK_SECRET, STRIPE_API_URL: standIn.url } satisfies StripeSettings);
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
