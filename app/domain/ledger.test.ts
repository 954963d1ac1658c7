import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertBalanced, balanceOf, isBalanced, reversalOf, UnbalancedTransactionError, type LedgerEntry } from "./ledger.ts";
import { allocate, fen, sumFen } from "./money.ts";

const entry = (accountId: string, amount: number): LedgerEntry => ({ accountId, amount: fen(amount) });

describe("assertBalanced", () => {
  it.each([
    ["card donation to a case", [entry("external:donors", -50000), entry("case:JJN-2025-0001", 50000)]],
    [
      "fund grant split to two cases",
      [entry("fund:340000", -300000), entry("case:JJN-2025-0001", 200000), entry("case:JJN-2025-0002", 100000)],
    ],
    [
      "disbursement to a hospital and the beneficiary",
      [entry("case:JJN-2025-0001", -150000), entry("payout:hospital", 120000), entry("payout:beneficiary", 30000)],
    ],
    ["same account on both sides (a correction)", [entry("case:A", 100), entry("case:A", -100)]],
  ])("accepts %s", (_label, entries) => {
    expect(() => assertBalanced(entries)).not.toThrow();
    expect(isBalanced(entries)).toBe(true);
  });

  it.each([
    ["no entries", [], "too-few-entries", 0],
    ["a single entry", [entry("case:A", 100)], "too-few-entries", 0],
    ["a single zero entry", [entry("case:A", 0)], "too-few-entries", 0],
    ["two zero entries", [entry("case:A", 0), entry("fund:B", 0)], "zero-amount", 0],
    ["a zero entry among balanced ones", [entry("case:A", 100), entry("fund:B", -100), entry("fund:C", 0)], "zero-amount", 0],
    ["off by one 分", [entry("case:A", 50000), entry("external:donors", -49999)], "not-balanced", 1],
    ["both sides debited", [entry("case:A", 100), entry("fund:B", 100)], "not-balanced", 200],
  ])("refuses %s", (_label, entries, reason, sum) => {
    let thrown: unknown;
    try {
      assertBalanced(entries);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnbalancedTransactionError);
    expect(thrown).toMatchObject({ name: "UnbalancedTransactionError", reason, sum });
    expect(isBalanced(entries)).toBe(false);
  });
});

describe("balanceOf", () => {
  const entries = [
    entry("external:donors", -50000),
    entry("case:A", 50000),
    entry("fund:X", -20000),
    entry("case:A", 20000),
    entry("case:A", -60000),
    entry("payout:hospital", 60000),
  ];

  it.each([
    ["case:A", 10000],
    ["external:donors", -50000],
    ["payout:hospital", 60000],
    ["unknown", 0],
  ])("%s → %i", (accountId, expected) => {
    expect(balanceOf(accountId, entries)).toBe(expected);
  });
});

describe("reversalOf", () => {
  it("negates every entry, and the two transactions cancel out", () => {
    const original = [entry("external:donors", -50000), entry("case:A", 50000)];
    const reversal = reversalOf(original);
    expect(reversal).toEqual([entry("external:donors", 50000), entry("case:A", -50000)]);
    expect(balanceOf("case:A", [...original, ...reversal])).toBe(0);
  });

  it("refuses to reverse something that was never balanced", () => {
    expect(() => reversalOf([entry("case:A", 1)])).toThrow(UnbalancedTransactionError);
  });
});

describe("ledger invariants", () => {
  const accounts = ["external:donors", "fund:340000", "project:7", "case:A", "case:B", "payout:hospital"];

  // A random transaction: one account pays a positive amount, split among 1–4 other legs.
  const transaction = fc
    .record({
      from: fc.constantFrom(...accounts),
      to: fc.array(fc.constantFrom(...accounts), { minLength: 1, maxLength: 4 }),
      amount: fc.integer({ min: 1, max: 10_000_000_00 }),
      ratios: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 4, maxLength: 4 }),
    })
    .map(({ from, to, amount, ratios }): LedgerEntry[] => {
      const parts = allocate(fen(amount), ratios.slice(0, to.length));
      return [
        { accountId: from, amount: fen(-amount) },
        ...to.map((accountId, i) => ({ accountId, amount: parts[i]! })),
      ].filter((e) => e.amount !== 0);
    })
    .filter((entries) => entries.length >= 2);

  it("keeps the sum of all balances at zero", () => {
    fc.assert(
      fc.property(fc.array(transaction, { maxLength: 30 }), (transactions) => {
        transactions.forEach((entries) => assertBalanced(entries));
        const all = transactions.flat();
        expect(sumFen(accounts.map((accountId) => balanceOf(accountId, all)))).toBe(0);
      }),
    );
  });

  it("returns every balance to zero after all transactions are reversed", () => {
    fc.assert(
      fc.property(fc.array(transaction, { minLength: 1, maxLength: 10 }), (transactions) => {
        const all = [...transactions.flat(), ...transactions.flatMap(reversalOf)];
        accounts.forEach((accountId) => expect(balanceOf(accountId, all)).toBe(0));
      }),
    );
  });
});
