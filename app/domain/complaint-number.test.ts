import { describe, expect, it } from "vitest";
import { complaintCounterName, formatComplaintNo } from "./complaint-number.ts";

describe("complaint numbers", () => {
  it.each([
    ["2026", 1, "JB-2026-0001"],
    ["2026", 42, "JB-2026-0042"],
    ["2027", 12345, "JB-2027-12345"],
  ] as const)("%s / %i → %s", (year, seq, expected) => {
    expect(formatComplaintNo(year, seq)).toBe(expected);
  });

  it("counts per year", () => {
    expect(complaintCounterName("2026")).toBe("complaint:2026");
  });

  it.each([
    ["26", 1],
    ["2026", 0],
    ["2026", 1.5],
  ] as const)("refuses %s / %s", (year, seq) => {
    expect(() => formatComplaintNo(year, seq)).toThrow(RangeError);
  });
});
