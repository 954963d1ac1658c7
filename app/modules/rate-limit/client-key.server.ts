import { createHmac } from "node:crypto";
import { getEnv } from "~/utils/env.server.ts";

/**
 * The client's address: the first hop of X-Forwarded-For (set by the reverse proxy in front of the
 * app), else the socket address the server put in the load context, else a shared "unknown".
 */
export function clientAddress(request: Request, context?: { remoteAddress?: unknown }): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded;
  const realIp = request.headers.get("x-real-ip")?.trim();
  if (realIp) return realIp;
  return typeof context?.remoteAddress === "string" && context.remoteAddress ? context.remoteAddress : "unknown";
}

/**
 * A rate-limit key for a form and a client, e.g. "report:3f9a…". The address is hashed so the raw
 * IP is never stored; the hash is keyed (with a label, from the session secret) because all IPv4
 * addresses can be hashed in minutes, which would make a plain SHA-256 reversible.
 */
export function clientRateLimitKey(scope: string, request: Request, context?: { remoteAddress?: unknown }): string {
  const digest = createHmac("sha256", getEnv().SESSION_SECRET).update(`rate-limit:${clientAddress(request, context)}`).digest("hex");
  return `${scope}:${digest}`;
}
