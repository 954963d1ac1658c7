import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ANONYMOUS_PUBLIC_NAME,
  commitmentIdForDonation,
  commitmentIdForGrant,
  donationIdOfCommitment,
  grantIdOfCommitment,
  formatReceiptNo,
  isEveryLineDelivered,
  parseContact,
  pledgeExpiry,
  publicPledgerName,
  receiptCounterName,
  remainingOnLine,
  TRANSFER_PLEDGE_VALID_DAYS,
} from "./pledge-rules.ts";

describe("parseContact", () => {
  it.each([
    ["donor@example.com", { kind: "email", value: "donor@example.com" }],
    ["  Donor@Example.COM ", { kind: "email", value: "donor@example.com" }],
    ["13800138000", { kind: "phone", value: "13800138000" }],
    ["138 0013 8000", { kind: "phone", value: "13800138000" }],
    ["+8613800138000", { kind: "phone", value: "13800138000" }],
    ["0557-5012345", { kind: "phone", value: "05575012345" }],
    ["010-12345678", { kind: "phone", value: "01012345678" }],
  ] as const)("%j → %j", (input, expected) => {
    expect(parseContact(input)).toEqual(expected);
  });

  it.each(["", "   ", "abc", "12345", "23800138000", "donor@", "@example.com", "a b@c.d", "1380013800", `${"a".repeat(95)}@x.com`])("refuses %j", (input) => {
    expect(parseContact(input)).toBeNull();
  });
});

describe("publicPledgerName", () => {
  it.each([
    ["李明", false, "李明"],
    ["  李明 ", false, "李明"],
    ["李明", true, ANONYMOUS_PUBLIC_NAME],
    [null, false, ANONYMOUS_PUBLIC_NAME],
    ["", false, ANONYMOUS_PUBLIC_NAME],
  ] as const)("%j anonymous=%s → %s", (name, isAnonymous, expected) => {
    expect(publicPledgerName(name, isAnonymous)).toBe(expected);
  });
});

describe("remainingOnLine", () => {
  it.each([
    [{ status: "OPEN", target: 10, committed: 4 }, 6],
    [{ status: "OPEN", target: 10, committed: 10 }, 0],
    [{ status: "COVERED", target: 10, committed: 10 }, 0],
    [{ status: "CANCELLED", target: 10, committed: 0 }, 0],
  ])("%j → %i", (line, expected) => {
    expect(remainingOnLine(line)).toBe(expected);
  });

  it("pledging at most what remains never over-covers a line", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(fc.integer({ min: 1, max: 5_000 }), { maxLength: 30 }), (target, asks) => {
        let line = { status: "OPEN", target, committed: 0 };
        for (const ask of asks) {
          if (ask <= remainingOnLine(line)) {
            const committed = line.committed + ask;
            line = { target, committed, status: committed >= target ? "COVERED" : "OPEN" };
          }
        }
        expect(line.committed).toBeLessThanOrEqual(target);
      }),
    );
  });
});

describe("isEveryLineDelivered", () => {
  it.each([
    [[], false],
    [[{ status: "COVERED", target: 5, delivered: 5 }], true],
    [[{ status: "COVERED", target: 5, delivered: 4 }], false],
    [[{ status: "COVERED", target: 5, delivered: 5 }, { status: "CANCELLED", target: 9, delivered: 0 }], true],
    [[{ status: "CANCELLED", target: 9, delivered: 0 }], false],
    [[{ status: "COVERED", target: 300_000, delivered: 300_000 }, { status: "OPEN", target: 4, delivered: 0 }], false],
  ] as const)("%j → %s", (lines, expected) => {
    expect(isEveryLineDelivered(lines)).toBe(expected);
  });
});

describe("numbers and ids", () => {
  it("numbers receipts like the seed", () => {
    expect(formatReceiptNo("2026", 12)).toBe("RC-2026-000012");
    expect(receiptCounterName("2026")).toBe("receipt:2026");
  });

  it("derives distinct commitment ids from a donation and a grant, and back", () => {
    expect(commitmentIdForDonation("d1")).toBe("d1-gift");
    expect(commitmentIdForGrant("g1")).toBe("g1-grant");
    expect(donationIdOfCommitment(commitmentIdForDonation("cmabc"))).toBe("cmabc");
    expect(grantIdOfCommitment(commitmentIdForGrant("cmabc"))).toBe("cmabc");
    expect(donationIdOfCommitment(commitmentIdForGrant("cmabc"))).toBeNull();
    expect(grantIdOfCommitment("seed-case-01-c1")).toBeNull();
  });

  it("lets a transfer pledge lapse after 10 days", () => {
    expect(pledgeExpiry(new Date("2026-11-01T08:00:00Z"), TRANSFER_PLEDGE_VALID_DAYS).toISOString()).toBe("2026-11-11T08:00:00.000Z");
  });
});
