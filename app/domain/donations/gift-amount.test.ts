import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fen } from "../money.ts";
import { checkGiftAmount, MIN_GIFT_FEN, pickCashLine, remainingFen, type NeedLineForGift } from "./gift-amount.ts";

const line = (over: Partial<NeedLineForGift>): NeedLineForGift => ({ id: "n", kind: "CASH", status: "OPEN", target: 10_000, committed: 0, sortOrder: 0, ...over });

describe("remainingFen", () => {
  it.each([
    ["OPEN", 10_000, 2_500, 7_500],
    ["OPEN", 10_000, 10_000, 0],
    ["OPEN", 10_000, 12_000, 0], // never negative, even if the data were off
    ["COVERED", 10_000, 10_000, 0],
    ["COVERED", 10_000, 4_000, 0], // a covered line takes nothing more
    ["CANCELLED", 10_000, 0, 0],
  ] as const)("%s line, target %i, committed %i → %i", (status, target, committed, expected) => {
    expect(remainingFen({ status, target, committed })).toBe(expected);
  });
});

describe("pickCashLine", () => {
  it("takes the first open cash line by sortOrder, skipping items, services, covered and cancelled lines", () => {
    const lines = [
      line({ id: "item", kind: "ITEM", sortOrder: 0 }),
      line({ id: "covered", status: "COVERED", committed: 10_000, sortOrder: 1 }),
      line({ id: "second", sortOrder: 3 }),
      line({ id: "cancelled", status: "CANCELLED", sortOrder: 2 }),
      line({ id: "first", sortOrder: 2, committed: 100 }),
      line({ id: "service", kind: "SERVICE", sortOrder: -1 }),
    ];
    expect(pickCashLine(lines)?.id).toBe("first");
  });

  it.each([["no lines", []], ["only goods", [line({ kind: "ITEM" })]], ["all covered", [line({ status: "COVERED", committed: 10_000 })]]] as const)(
    "%s → none",
    (_label, lines) => {
      expect(pickCashLine(lines)).toBeNull();
    },
  );
});

describe("checkGiftAmount", () => {
  const cap = fen(50_000);
  it.each([
    ["1", { ok: true, amount: 100 }],
    ["1.00", { ok: true, amount: 100 }],
    ["120.5", { ok: true, amount: 12_050 }],
    ["500", { ok: true, amount: 50_000 }], // exactly the cap
    ["500.01", { ok: false, problem: "overCap" }],
    ["0.99", { ok: false, problem: "belowMinimum" }],
    ["0", { ok: false, problem: "belowMinimum" }],
    ["-5", { ok: false, problem: "format" }],
    ["1.234", { ok: false, problem: "precision" }],
    ["¥100", { ok: false, problem: "format" }],
    ["1e3", { ok: false, problem: "format" }],
    ["", { ok: false, problem: "format" }],
  ] as const)("%j with a ¥500 cap → %j", (input, expected) => {
    expect(checkGiftAmount(input, cap)).toEqual(expected);
  });

  it("says nothing is open when the cap is zero, whatever the amount", () => {
    expect(checkGiftAmount("10", fen(0))).toEqual({ ok: false, problem: "nothingOpen" });
  });

  it("never accepts an amount below ¥1 or above the cap (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (amount, capFen) => {
        const input = `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, "0")}`;
        const result = checkGiftAmount(input, fen(capFen));
        if (result.ok) {
          expect(result.amount).toBe(amount);
          expect(result.amount).toBeGreaterThanOrEqual(MIN_GIFT_FEN);
          expect(result.amount).toBeLessThanOrEqual(capFen);
        } else {
          expect(amount < MIN_GIFT_FEN || amount > capFen || capFen === 0).toBe(true);
        }
      }),
    );
  });
});
