import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cashProgress } from "./cash-progress.ts";

describe("cashProgress", () => {
  it.each([
    ["nothing received", [{ target: 20_000_00, status: "OPEN" }], 0, { targetFen: 20_000_00, receivedFen: 0, percent: 0 }],
    ["part received", [{ target: 20_000_00, status: "OPEN" }], 5_000_00, { targetFen: 20_000_00, receivedFen: 5_000_00, percent: 25 }],
    ["one 分 short shows 99%", [{ target: 100_00, status: "COVERED" }], 99_99, { targetFen: 100_00, receivedFen: 99_99, percent: 99 }],
    ["more than the target is capped at 100%", [{ target: 100_00, status: "COVERED" }], 150_00, { targetFen: 100_00, receivedFen: 150_00, percent: 100 }],
    ["two cash lines add up; a cancelled one does not", [{ target: 100_00, status: "OPEN" }, { target: 300_00, status: "OPEN" }, { target: 999_00, status: "CANCELLED" }], 100_00, { targetFen: 400_00, receivedFen: 100_00, percent: 25 }],
    ["no cash lines", [], 0, { targetFen: 0, receivedFen: 0, percent: 0 }],
    ["refunds beyond gifts never show negative", [{ target: 100_00, status: "OPEN" }], -5_00, { targetFen: 100_00, receivedFen: 0, percent: 0 }],
  ] as const)("%s", (_label, lines, received, expected) => {
    expect(cashProgress(lines, received)).toEqual(expected);
  });

  it("keeps the percentage within 0–100 and reaches 100 only when the target is met (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: -(10 ** 9), max: 10 ** 10 }), (target, received) => {
        const p = cashProgress([{ target, status: "OPEN" }], received);
        expect(p.percent).toBeGreaterThanOrEqual(0);
        expect(p.percent).toBeLessThanOrEqual(100);
        expect(p.percent === 100).toBe(received >= target);
      }),
    );
  });
});
