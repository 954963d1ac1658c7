import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { outboxRetryDelayMs } from "./outbox-retry-delay.ts";

const policy = { baseMs: 1_000, maxMs: 60_000 };

describe("outboxRetryDelayMs", () => {
  it.each([
    [0, 1_000],
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [6, 32_000],
    [7, 60_000],
    [1_000, 60_000],
  ])("after %i failures waits %i ms", (attempts, expected) => {
    expect(outboxRetryDelayMs(attempts, policy)).toBe(expected);
  });

  it("never shrinks and never passes the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 10_000_000 }), (attempts, baseMs, extra) => {
        const p = { baseMs, maxMs: baseMs + extra };
        const now = outboxRetryDelayMs(attempts, p);
        const next = outboxRetryDelayMs(attempts + 1, p);
        expect(Number.isFinite(now)).toBe(true);
        expect(now).toBeGreaterThanOrEqual(baseMs);
        expect(now).toBeLessThanOrEqual(p.maxMs);
        expect(next).toBeGreaterThanOrEqual(now);
      }),
    );
  });
});
