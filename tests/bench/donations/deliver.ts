// The benchmark's HTTP client: N workers (8, like Stripe's concurrent deliveries in the issue)
// share one queue of requests over keep-alive connections (Node's fetch, i.e. undici's pooled
// agent). The same client measures the bare route and the webhook, so the two rates compare.
import { performance } from "node:perf_hooks";
import { signStripeEvent, type StripeEventShape } from "../../support/stripe-stand-in.ts";

/** `duplicate`: the webhook answered that the event was already settled and did nothing. */
export type DeliveryResult = { index: number; status: number; ms: number; error?: string; endedAt: number; duplicate?: boolean };

export type RunStats = { count: number; seconds: number; perSecond: number; ok: number; failed: number; p50: number; p95: number; p99: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function statsOf(results: DeliveryResult[], seconds: number): RunStats {
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const ok = results.filter((r) => r.status >= 200 && r.status < 300).length;
  return { count: results.length, seconds, perSecond: results.length / seconds, ok, failed: results.length - ok, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

/**
 * Runs `count` requests made by `makeRequest(i)` with `concurrency` in flight. `shouldStop` is
 * asked before each request: once it says yes no new request starts (the ones in flight finish).
 * Errors (refused or reset connections) are results with status 0, not exceptions.
 */
export async function runConcurrently(
  count: number,
  makeRequest: (index: number) => Promise<Response>,
  opts: { concurrency: number; shouldStop?: () => boolean; onResult?: (result: DeliveryResult) => void },
): Promise<{ results: DeliveryResult[]; seconds: number }> {
  const results: DeliveryResult[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count && !opts.shouldStop?.()) {
      const index = next;
      next += 1;
      const t = performance.now();
      let result: DeliveryResult;
      try {
        const response = await makeRequest(index);
        const body = await response.text(); // read to the end, so the connection goes back to the pool
        result = { index, status: response.status, ms: performance.now() - t, endedAt: performance.now(), duplicate: body.includes('"duplicate":true') };
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        result = { index, status: 0, ms: performance.now() - t, error: cause ?? (error instanceof Error ? error.message : String(error)), endedAt: performance.now() };
      }
      results.push(result);
      opts.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return { results, seconds: (performance.now() - started) / 1000 };
}

/** POST /webhooks/stripe as Stripe does: the raw JSON body, signed now with the webhook secret. */
export function postEvent(appUrl: string, event: StripeEventShape, secret: string): Promise<Response> {
  const { payload, signature } = signStripeEvent(event, { secret });
  return fetch(`${appUrl}/webhooks/stripe`, { method: "POST", headers: { "Content-Type": "application/json", "Stripe-Signature": signature }, body: payload });
}

export const getPing = (appUrl: string) => fetch(`${appUrl}/ping`);
