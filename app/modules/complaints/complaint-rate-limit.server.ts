import { checkRateLimit } from "../rate-limit/check-rate-limit.server.ts";
import { clientRateLimitKey } from "../rate-limit/client-key.server.ts";

/** Five complaints per hour per client address (the address itself is never stored, only a keyed hash). */
export const COMPLAINT_RATE_LIMIT = { limit: 5, windowSeconds: 60 * 60 };

export function allowComplaintFrom(request: Request, context?: { remoteAddress?: unknown }): Promise<boolean> {
  return checkRateLimit(clientRateLimitKey("complaint", request, context), COMPLAINT_RATE_LIMIT);
}
