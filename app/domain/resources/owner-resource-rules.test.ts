import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { yuanToFen } from "../money.ts";
import { fenToYuanInput, isAgeRangeOrdered, isDateRangeOrdered } from "./owner-resource-rules.ts";

describe("budget shown as 元 for editing", () => {
  it.each([
    [0, "0"],
    [1, "0.01"],
    [10, "0.10"],
    [300000, "3000"],
    [12345, "123.45"],
  ])("%d 分 → %s", (amount, text) => {
    expect(fenToYuanInput(amount)).toBe(text);
  });

  it("round-trips through yuanToFen without losing a 分", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (amount) => {
        expect(yuanToFen(fenToYuanInput(amount))).toEqual({ ok: true, value: amount });
      }),
    );
  });
});

describe("ranges", () => {
  it.each([
    [undefined, undefined, true],
    [5, undefined, true],
    [undefined, 5, true],
    [5, 5, true],
    [6, 5, false],
  ])("ages %s–%s ordered: %s", (min, max, ordered) => {
    expect(isAgeRangeOrdered(min, max)).toBe(ordered);
  });

  it.each([
    [undefined, undefined, true],
    ["2026-01-01", undefined, true],
    ["2026-01-01", "2026-01-01", true],
    ["2026-12-31", "2027-01-01", true],
    ["2027-01-01", "2026-12-31", false],
  ])("dates %s–%s ordered: %s", (start, end, ordered) => {
    expect(isDateRangeOrdered(start, end)).toBe(ordered);
  });
});
