// How long a failed outbox row waits before its next try. Pure, so both workers (search, mail) and
// their tests share one rule: exponential from `baseMs`, capped at `maxMs`.

export type OutboxRetryPolicy = {
  /** Wait after the first failure; each further failure doubles it … */
  baseMs: number;
  /** … up to this cap. */
  maxMs: number;
};

/** The wait before retry number `attempts` (1 = after the first failure). */
export function outboxRetryDelayMs(attempts: number, policy: OutboxRetryPolicy): number {
  const exponent = Math.max(0, Math.floor(attempts) - 1);
  // 2 ** 1024 is Infinity: cap the exponent so the product stays finite before Math.min.
  return Math.min(policy.baseMs * 2 ** Math.min(exponent, 52), policy.maxMs);
}
