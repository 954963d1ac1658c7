import { checkRateLimit } from "../rate-limit/check-rate-limit.server.ts";
import { clientRateLimitKey } from "../rate-limit/client-key.server.ts";

/**
 * Public pledge forms (transfer, goods, hours): ten pledges per hour per client address and form.
 * Counted only for valid submissions, so a mistyped form does not use up the allowance.
 */
export const PLEDGE_RATE_LIMIT = { limit: 10, windowSeconds: 60 * 60 } as const;

export function allowPledgeFrom(form: "transfer-pledge" | "goods-pledge" | "hours-pledge", request: Request, context?: { remoteAddress?: unknown }, now = new Date()): Promise<boolean> {
  return checkRateLimit(clientRateLimitKey(form, request, context), PLEDGE_RATE_LIMIT, now);
}
