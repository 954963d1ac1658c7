// The benchmark's HTTP client: N workers (8, like Stripe's concurrent deliveries in the issue)
// share one queue of requests over keep-alive connections. It is node:http with a keep-alive
// agent rather than fetch: the client shares the machine's two cores with the server and the
// database, and fetch (undici's WHATWG streams) costs about twice the CPU per request. The same
// client measures the bare route and the webhook, so the two rates compare.
import http from "node:http";
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
  makeRequest: (index: number) => Promise<HttpAnswer>,
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
        const { status, body } = await makeRequest(index);
        result = { index, status, ms: performance.now() - t, endedAt: performance.now(), duplicate: body.includes('"duplicate":true') };
      } catch (error) {
        const code = (error as { code?: string }).code;
        result = { index, status: 0, ms: performance.now() - t, error: code ?? (error instanceof Error ? error.message : String(error)), endedAt: performance.now() };
      }
      results.push(result);
      opts.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return { results, seconds: (performance.now() - started) / 1000 };
}

/** POST /webhooks/stripe as Stripe does: the raw JSON body, signed now with the webhook secret. */
export function postEvent(appUrl: string, event: StripeEventShape, secret: string): Promise<HttpAnswer> {
  return postSigned(appUrl, signStripeEvent(event, { secret }));
}

export type SignedDelivery = { payload: string; signature: string; signedAt: number };

/**
 * Signs every delivery before a timed run: Stripe signs on its own machines, so the HMAC and the
 * JSON of the events are not the app's work, yet here they would take CPU from the same two cores.
 */
export function presign(events: StripeEventShape[], secret: string): SignedDelivery[] {
  const signedAt = performance.now();
  return events.map((event) => ({ ...signStripeEvent(event, { secret }), signedAt }));
}

/** Signatures are good for 300 s (the library's tolerance): one older than 240 s is made again. */
const SIGNATURE_FRESH_MS = 240_000;

export function postPresigned(appUrl: string, delivery: SignedDelivery, event: StripeEventShape, secret: string): Promise<HttpAnswer> {
  if (performance.now() - delivery.signedAt > SIGNATURE_FRESH_MS) return postEvent(appUrl, event, secret);
  return postSigned(appUrl, delivery);
}

function postSigned(appUrl: string, { payload, signature }: { payload: string; signature: string }): Promise<HttpAnswer> {
  return request(`${appUrl}/webhooks/stripe`, "POST", { "Content-Type": "application/json", "Stripe-Signature": signature }, payload);
}

export const getPing = (appUrl: string) => request(`${appUrl}/ping`, "GET");

export type HttpAnswer = { status: number; body: string };

/** Keep-alive connections, as many as requests in flight; a killed server's are simply replaced. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(url: string, method: string, headers: Record<string, string> = {}, body?: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body === undefined ? headers : { ...headers, "Content-Length": String(Buffer.byteLength(body)) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}
