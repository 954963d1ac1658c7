import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addFen, allocate, fen, formatFen, isFen, subFen, sumFen, yuanToFen, ZERO_FEN, type Fen } from "./money.ts";

describe("fen", () => {
  it.each([0, 1, -1, 100_000_00, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER])("accepts %d", (n) => {
    expect(fen(n)).toBe(n);
    expect(isFen(n)).toBe(true);
  });

  it.each([0.5, 12.34, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 1])("rejects %d", (n) => {
    expect(() => fen(n)).toThrow(RangeError);
    expect(isFen(n)).toBe(false);
  });

  it("turns -0 into 0", () => {
    expect(Object.is(fen(-0), 0)).toBe(true);
  });
});

describe("yuanToFen", () => {
  it.each([
    ["12.34", 1234],
    ["12", 1200],
    ["0.5", 50],
    ["0.05", 5],
    ["0.1", 10], // 0.1 is not exact as a float; here it is
    ["1234.56", 123456],
    ["0", 0],
    ["0.00", 0],
    ["007", 700],
    ["  500 ", 50000],
    ["200000", 20000000], // a typical 目标金额 of 20万元
    ["90071992547409.91", Number.MAX_SAFE_INTEGER],
  ])("%j → %i 分", (input, expected) => {
    expect(yuanToFen(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["-12.34", -1234],
    ["-0.01", -1],
    ["-0", 0],
  ])("with allowNegative, %j → %i 分", (input, expected) => {
    expect(yuanToFen(input, { allowNegative: true })).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["12.345", "precision"],
    ["0.001", "precision"],
    ["12.340", "precision"],
    ["-12.34", "negative"],
    ["-0", "negative"],
    ["90071992547409.92", "range"],
    ["1e3", "format"],
    ["1,234.56", "format"],
    ["¥12", "format"],
    ["12元", "format"],
    ["+12", "format"],
    [".5", "format"],
    ["12.", "format"],
    ["1 000", "format"],
    ["12.3.4", "format"],
    ["abc", "format"],
    ["", "format"],
    ["１２", "format"], // full-width digits
    ["NaN", "format"],
    ["Infinity", "format"],
  ])("%j → %s", (input, reason) => {
    expect(yuanToFen(input)).toEqual({ ok: false, reason });
  });

  it("round-trips every safe amount through its yuan text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const text = `${Math.floor(n / 100)}.${String(n % 100).padStart(2, "0")}`;
        expect(yuanToFen(text)).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe("formatFen", () => {
  it.each([
    [123456, "zh-CN", "¥1,234.56"],
    [123456, "en", "¥1,234.56"],
    [0, "zh-CN", "¥0.00"],
    [5, "zh-CN", "¥0.05"],
    [50, "en", "¥0.50"],
    [100, "zh-CN", "¥1.00"],
    [20000000, "zh-CN", "¥200,000.00"],
    [-123456, "zh-CN", "-¥1,234.56"],
    [Number.MAX_SAFE_INTEGER, "en", "¥90,071,992,547,409.91"],
  ] as const)("%i 分 in %s → %s", (amount, locale, expected) => {
    expect(formatFen(fen(amount), locale)).toBe(expected);
  });
});

describe("arithmetic", () => {
  it.each([
    [100, 23, 123, 77],
    [0, 0, 0, 0],
    [-50, 50, 0, -100],
  ])("add/sub %i and %i", (a, b, sum, difference) => {
    expect(addFen(fen(a), fen(b))).toBe(sum);
    expect(subFen(fen(a), fen(b))).toBe(difference);
  });

  it("sums lists, including the empty one", () => {
    expect(sumFen([])).toBe(ZERO_FEN);
    expect(sumFen([fen(1), fen(2), fen(3)])).toBe(6);
    expect(sumFen(new Set([fen(10), fen(-4)]))).toBe(6);
  });

  it("throws rather than lose precision on overflow", () => {
    expect(() => addFen(fen(Number.MAX_SAFE_INTEGER), fen(1))).toThrow(RangeError);
    expect(() => subFen(fen(Number.MIN_SAFE_INTEGER), fen(1))).toThrow(RangeError);
    expect(() => sumFen([fen(Number.MAX_SAFE_INTEGER), fen(1)])).toThrow(RangeError);
  });
});

describe("allocate", () => {
  it.each([
    [1003, [1, 1], [502, 501]],
    [1000, [1, 1], [500, 500]],
    [100, [1, 1, 1], [34, 33, 33]],
    [-100, [1, 1, 1], [-34, -33, -33]], // a refund mirrors the split
    [-1003, [1, 1], [-502, -501]],
    [1, [1, 1, 1], [1, 0, 0]],
    [0, [3, 7], [0, 0]],
    [1000, [0, 1], [0, 1000]],
    [5, [0, 1, 1, 0], [0, 3, 2, 0]],
    [10000, [3, 7], [3000, 7000]],
    [1001, [1, 2], [334, 667]], // remainders 1/3 and 2/3: the larger one gets the 分
    [200000_00, [50, 30, 20], [100000_00, 60000_00, 40000_00]], // fund / project / donors
    [Number.MAX_SAFE_INTEGER, [1, 1], [4503599627370496, 4503599627370495]],
  ])("allocate(%i, %j) = %j", (total, ratios, expected) => {
    expect(allocate(fen(total), ratios)).toEqual(expected);
  });

  it.each([
    ["no ratios", []],
    ["all zero", [0, 0]],
    ["negative ratio", [1, -1]],
    ["fractional ratio", [0.5, 0.5]],
    ["NaN ratio", [Number.NaN]],
  ])("throws for %s", (_label, ratios) => {
    expect(() => allocate(fen(100), ratios)).toThrow(RangeError);
  });

  it("throws for a total that is not a safe integer", () => {
    expect(() => allocate(10.5 as Fen, [1, 1])).toThrow(RangeError);
  });

  const totals = fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 });
  const ratioLists = fc
    .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 })
    .filter((ratios) => ratios.some((ratio) => ratio > 0));

  it("never loses or invents a 分", () => {
    fc.assert(
      fc.property(totals, ratioLists, (total, ratios) => {
        expect(sumFen(allocate(fen(total), ratios))).toBe(total);
      }),
    );
  });

  it("keeps every part within 1 分 of its exact share, and zero ratios at 0", () => {
    fc.assert(
      fc.property(totals, ratioLists, (total, ratios) => {
        const parts = allocate(fen(total), ratios);
        const ratioSum = BigInt(ratios.reduce((a, b) => a + b, 0));
        parts.forEach((part, i) => {
          // |part − total·r/R| < 1  ⇔  |part·R − total·r| < R, exactly in integers.
          const error = BigInt(part) * ratioSum - BigInt(total) * BigInt(ratios[i]!);
          expect(error < ratioSum && -error < ratioSum).toBe(true);
          if (ratios[i] === 0) expect(part).toBe(0);
        });
      }),
    );
  });

  it("is deterministic and symmetric in sign", () => {
    fc.assert(
      fc.property(totals, ratioLists, (total, ratios) => {
        const parts = allocate(fen(total), ratios);
        expect(allocate(fen(total), [...ratios])).toEqual(parts);
        expect(allocate(fen(-total), ratios)).toEqual(parts.map((part) => (part === 0 ? 0 : -part)));
      }),
    );
  });
});
