import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balanceOf, isBalanced, type LedgerEntry } from "./ledger.ts";
import {
  applyPosting,
  checkMovement,
  LEDGER_ACCOUNT_KINDS,
  LEDGER_FLOWS,
  LEDGER_KINDS,
  movementEntries,
  MovementRefusedError,
  NEVER_NEGATIVE_KINDS,
  type LedgerAccountKindName,
  type LedgerAccountRef,
  type LedgerKindName,
  type LedgerModel,
} from "./ledger-postings.ts";
import { fen, sumFen } from "./money.ts";

const ref = (kind: LedgerAccountKindName, code: string = kind.toLowerCase()): LedgerAccountRef => ({ code, kind });

// Every kind × every (from, to) pair of account kinds: allowed exactly when the flow lists it.
const EXPECTED_ALLOWED: Record<LedgerKindName, string[]> = {
  DONATION: ["EXTERNAL_DONORS→CASE", "EXTERNAL_DONORS→FUND"],
  FUND_CONTRIBUTION: ["EXTERNAL_DONORS→FUND", "EXTERNAL_DONORS→PROJECT"],
  GRANT: ["FUND→CASE", "PROJECT→CASE"],
  DISBURSEMENT: ["CASE→PAID_OUT"],
  REFUND: ["CASE→EXTERNAL_DONORS", "FUND→EXTERNAL_DONORS", "PROJECT→EXTERNAL_DONORS"],
  SURPLUS_TRANSFER: ["CASE→FUND"],
};

describe("movement shapes: every kind × source × destination", () => {
  for (const kind of LEDGER_KINDS) {
    for (const from of LEDGER_ACCOUNT_KINDS) {
      for (const to of LEDGER_ACCOUNT_KINDS) {
        const allowed = EXPECTED_ALLOWED[kind].includes(`${from}→${to}`);
        it(`${kind} ${from} → ${to}: ${allowed ? "allowed" : "refused"}`, () => {
          const error = checkMovement(kind, ref(from, "a"), ref(to, "b"), 100);
          if (allowed) {
            expect(error).toBeNull();
            expect(movementEntries(kind, ref(from, "a"), ref(to, "b"), 100)).toEqual([
              { accountCode: "a", amountFen: -100 },
              { accountCode: "b", amountFen: 100 },
            ]);
          } else {
            expect(error).toBe(LEDGER_FLOWS[kind].from.includes(from) ? "wrongDestination" : "wrongSource");
            expect(() => movementEntries(kind, ref(from, "a"), ref(to, "b"), 100)).toThrow(MovementRefusedError);
          }
        });
      }
    }
  }

  it.each([0, -1, 1.5, Number.NaN])("refuses the amount %d", (amount) => {
    expect(checkMovement("GRANT", ref("FUND"), ref("CASE"), amount)).toBe("amountNotPositive");
  });

  it("lists the entries in account-code order whichever way the money moves (one lock order for every posting)", () => {
    expect(movementEntries("GRANT", ref("FUND", "fund:1"), ref("CASE", "case:A"), 5)).toEqual([
      { accountCode: "case:A", amountFen: 5 },
      { accountCode: "fund:1", amountFen: -5 },
    ]);
    expect(movementEntries("SURPLUS_TRANSFER", ref("CASE", "case:A"), ref("FUND", "fund:1"), 5)).toEqual([
      { accountCode: "case:A", amountFen: -5 },
      { accountCode: "fund:1", amountFen: 5 },
    ]);
  });

  it("refuses a movement from an account to itself", () => {
    expect(checkMovement("REFUND", ref("CASE", "case:A"), ref("CASE", "case:A"), 5)).toBe("sameAccount");
  });
});

describe("applyPosting", () => {
  const model: LedgerModel = new Map([
    ["donors", { kind: "EXTERNAL_DONORS", balance: fen(-1000) }],
    ["fund:1", { kind: "FUND", balance: fen(1000) }],
    ["case:A", { kind: "CASE", balance: fen(0) }],
    ["paid-out", { kind: "PAID_OUT", balance: fen(0) }],
  ]);
  const e = (accountId: string, amount: number): LedgerEntry => ({ accountId, amount: fen(amount) });

  it("moves money and keeps the total at zero", () => {
    const result = applyPosting(model, [e("fund:1", -600), e("case:A", 600)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model.get("fund:1")!.balance).toBe(400);
    expect(result.model.get("case:A")!.balance).toBe(600);
    expect(model.get("fund:1")!.balance).toBe(1000); // the input is not mutated
  });

  it.each([
    ["unbalanced", [e("fund:1", -600), e("case:A", 500)], "unbalanced"],
    ["unknown account", [e("fund:9", -1), e("case:A", 1)], "unknownAccount"],
    ["overdrawn fund", [e("fund:1", -1001), e("case:A", 1001)], "insufficientBalance"],
    ["overdrawn case", [e("case:A", -1), e("paid-out", 1)], "insufficientBalance"],
  ] as const)("refuses %s", (_label, entries, reason) => {
    expect(applyPosting(model, entries)).toMatchObject({ ok: false, reason });
  });

  it("lets donors and paid-out go wherever the money takes them", () => {
    expect(applyPosting(model, [e("donors", -5), e("paid-out", 5)]).ok).toBe(true);
  });
});

describe("ledger invariants over random sequences of movements", () => {
  const ACCOUNTS: LedgerAccountRef[] = [
    ref("EXTERNAL_DONORS", "donors"),
    ref("PAID_OUT", "paid-out"),
    ref("FUND", "fund:1"),
    ref("FUND", "fund:2"),
    ref("PROJECT", "project:1"),
    ref("CASE", "case:A"),
    ref("CASE", "case:B"),
  ];
  const emptyModel = (): LedgerModel => new Map(ACCOUNTS.map((a) => [a.code, { kind: a.kind, balance: fen(0) }]));

  // A random movement of any kind between accounts that kind allows (amounts up to ¥100,000).
  const movement = fc
    .record({
      kind: fc.constantFrom(...LEDGER_KINDS),
      fromIndex: fc.nat(),
      toIndex: fc.nat(),
      amount: fc.integer({ min: 1, max: 10_000_000 }),
    })
    .map(({ kind, fromIndex, toIndex, amount }) => {
      const froms = ACCOUNTS.filter((a) => LEDGER_FLOWS[kind].from.includes(a.kind));
      const tos = ACCOUNTS.filter((a) => LEDGER_FLOWS[kind].to.includes(a.kind));
      return { kind, from: froms[fromIndex % froms.length]!, to: tos[toIndex % tos.length]!, amount };
    });

  it("every posting balances, balances are sums of accepted entries, money-holding accounts never go below zero, refusals change nothing", () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 60 }), (movements) => {
        let model = emptyModel();
        const posted: LedgerEntry[] = [];
        for (const m of movements) {
          const entries = movementEntries(m.kind, m.from, m.to, m.amount).map((x) => ({ accountId: x.accountCode, amount: fen(x.amountFen) }));
          expect(isBalanced(entries)).toBe(true);
          const result = applyPosting(model, entries);
          if (result.ok) {
            model = result.model;
            posted.push(...entries);
          } else {
            expect(result.reason).toBe("insufficientBalance");
          }
          for (const [code, account] of model) {
            expect(account.balance).toBe(balanceOf(code, posted));
            if (NEVER_NEGATIVE_KINDS.has(account.kind)) expect(account.balance).toBeGreaterThanOrEqual(0);
          }
        }
        expect(sumFen([...model.values()].map((a) => a.balance))).toBe(0);
      }),
    );
  });

  it("a refused posting leaves the model exactly as it was", () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 30 }), movement, (before, m) => {
        let model = emptyModel();
        for (const x of before) {
          const r = applyPosting(model, movementEntries(x.kind, x.from, x.to, x.amount).map((y) => ({ accountId: y.accountCode, amount: fen(y.amountFen) })));
          if (r.ok) model = r.model;
        }
        const snapshot = new Map(model);
        const result = applyPosting(model, movementEntries(m.kind, m.from, m.to, m.amount).map((y) => ({ accountId: y.accountCode, amount: fen(y.amountFen) })));
        if (!result.ok) expect(model).toEqual(snapshot);
        // Money leaves a money-holding account only when it is there.
        const source = snapshot.get(m.from.code)!;
        if (NEVER_NEGATIVE_KINDS.has(m.from.kind)) expect(result.ok).toBe(source.balance >= m.amount);
      }),
    );
  });
});
