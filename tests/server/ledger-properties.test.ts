// The ledger's invariants against the real database (DESIGN §6), with fast-check driving random
// sequences of postings of every kind through postLedgerTransaction and the pure model of
// app/domain/ledger-postings.ts predicting each outcome:
// - every posted transaction balances;
// - each cached balanceFen equals the sum of its account's entries;
// - no FUND, PROJECT or CASE account is ever below zero, and a refused posting changes nothing.
import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balanceOf as modelBalanceOf, type LedgerEntry } from "~/domain/ledger.ts";
import { applyPosting, LEDGER_FLOWS, LEDGER_KINDS, movementEntries, type LedgerAccountKindName, type LedgerAccountRef, type LedgerKindName, type LedgerModel } from "~/domain/ledger-postings.ts";
import { fen } from "~/domain/money.ts";
import { ensureAccount, InsufficientBalanceError, postLedgerTransaction } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { prisma } from "~/utils/db.server.ts";

/** A fresh set of accounts per run, so runs never see each other's money. */
async function createAccounts() {
  const run = crypto.randomBytes(5).toString("hex");
  const specs: LedgerAccountRef[] = [
    { code: `prop:${run}:donors`, kind: "EXTERNAL_DONORS" },
    { code: `prop:${run}:paid-out`, kind: "PAID_OUT" },
    { code: `prop:${run}:fund:1`, kind: "FUND" },
    { code: `prop:${run}:fund:2`, kind: "FUND" },
    { code: `prop:${run}:project:1`, kind: "PROJECT" },
    { code: `prop:${run}:case:A`, kind: "CASE" },
    { code: `prop:${run}:case:B`, kind: "CASE" },
  ];
  for (const a of specs) await ensureAccount(prisma, { code: a.code, kind: a.kind, name: a.code });
  return { run, accounts: specs };
}

type Move = { kind: LedgerKindName; fromIndex: number; toIndex: number; amount: number };

// Amounts from 1 分 to ¥50,000, biased to small ones so that refusals (overdrafts) are common too.
const moveArb: fc.Arbitrary<Move> = fc.record({
  kind: fc.constantFrom(...LEDGER_KINDS),
  fromIndex: fc.nat(),
  toIndex: fc.nat(),
  amount: fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 5_000_000 })),
});

function resolve(move: Move, accounts: LedgerAccountRef[]) {
  const froms = accounts.filter((a) => LEDGER_FLOWS[move.kind].from.includes(a.kind));
  const tos = accounts.filter((a) => LEDGER_FLOWS[move.kind].to.includes(a.kind));
  return { from: froms[move.fromIndex % froms.length]!, to: tos[move.toIndex % tos.length]! };
}

async function snapshot(codes: string[]) {
  const accounts = await prisma.ledgerAccount.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, kind: true, balanceFen: true } });
  const ids = accounts.map((a) => a.id);
  const [sums, transactions, unbalanced] = await Promise.all([
    prisma.ledgerEntry.groupBy({ by: ["accountId"], where: { accountId: { in: ids } }, _sum: { amountFen: true } }),
    prisma.ledgerTransaction.count({ where: { entries: { some: { accountId: { in: ids } } } } }),
    prisma.$queryRaw<{ id: string }[]>`
      SELECT e."transactionId" AS id FROM "LedgerEntry" e
       WHERE e."transactionId" IN (SELECT "transactionId" FROM "LedgerEntry" WHERE "accountId" = ANY(${ids}))
       GROUP BY 1 HAVING SUM(e."amountFen") <> 0`,
  ]);
  const sumById = new Map(sums.map((s) => [s.accountId, s._sum.amountFen ?? 0]));
  return {
    transactions,
    unbalanced: unbalanced.length,
    balances: Object.fromEntries(accounts.map((a) => [a.code, a.balanceFen])),
    entrySums: Object.fromEntries(accounts.map((a) => [a.code, sumById.get(a.id) ?? 0])),
    kinds: Object.fromEntries(accounts.map((a) => [a.code, a.kind as LedgerAccountKindName])),
  };
}

describe("ledger properties on the real database", () => {
  it("random sequences of postings: balanced, balances are entry sums, money-holding accounts never negative, refusals change nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(moveArb, { minLength: 1, maxLength: 14 }), async (moves) => {
        const { run, accounts } = await createAccounts();
        const codes = accounts.map((a) => a.code);
        let model: LedgerModel = new Map(accounts.map((a) => [a.code, { kind: a.kind, balance: fen(0) }]));
        const posted: LedgerEntry[] = [];

        for (const [index, move] of moves.entries()) {
          const { from, to } = resolve(move, accounts);
          const entries = movementEntries(move.kind, from, to, move.amount);
          const expected = applyPosting(model, entries.map((e) => ({ accountId: e.accountCode, amount: fen(e.amountFen) })));
          const before = await snapshot(codes);
          let refused = false;
          try {
            await prisma.$transaction((tx) => postLedgerTransaction(tx, { kind: move.kind, idempotencyKey: `prop:${run}:${index}`, memo: "property test", entries }));
          } catch (error) {
            if (!(error instanceof InsufficientBalanceError)) throw error;
            refused = true;
          }
          expect(refused).toBe(!expected.ok);
          const after = await snapshot(codes);
          if (expected.ok) {
            model = expected.model;
            posted.push(...entries.map((e) => ({ accountId: e.accountCode, amount: fen(e.amountFen) })));
            expect(after.transactions).toBe(before.transactions + 1);
          } else {
            expect(after).toEqual(before);
          }
          expect(after.unbalanced).toBe(0);
          for (const code of codes) {
            expect(after.balances[code]).toBe(after.entrySums[code]);
            expect(after.balances[code]).toBe(model.get(code)!.balance);
            expect(after.balances[code]).toBe(modelBalanceOf(code, posted));
            if (["FUND", "PROJECT", "CASE"].includes(after.kinds[code]!)) expect(after.balances[code]).toBeGreaterThanOrEqual(0);
          }
        }
        const final = await snapshot(codes);
        expect(Object.values(final.balances).reduce((sum, b) => sum + b, 0)).toBe(0);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it("replaying a posting under its idempotency key changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 5 }), async (amount, replays) => {
        const { run, accounts } = await createAccounts();
        const [donors, , fund] = accounts;
        const posting = { kind: "FUND_CONTRIBUTION" as const, idempotencyKey: `prop:${run}:once`, memo: "replay", entries: movementEntries("FUND_CONTRIBUTION", donors!, fund!, amount) };
        const results = [];
        for (let i = 0; i < replays; i += 1) results.push(await prisma.$transaction((tx) => postLedgerTransaction(tx, posting)));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.id)).size).toBe(1);
        const state = await snapshot(accounts.map((a) => a.code));
        expect(state.transactions).toBe(1);
        expect(state.balances[fund!.code]).toBe(amount);
      }),
      { numRuns: 8 },
    );
  });

  it("money moving both ways between the same accounts at once neither deadlocks nor drifts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 30_000 })), { minLength: 4, maxLength: 24 }), async (moves) => {
        const { run, accounts } = await createAccounts();
        const [donors, , fund, , , caseA] = accounts;
        await prisma.$transaction(async (tx) => {
          await postLedgerTransaction(tx, { kind: "FUND_CONTRIBUTION", idempotencyKey: `prop:${run}:in`, memo: "in", entries: movementEntries("FUND_CONTRIBUTION", donors!, fund!, 50_000) });
          await postLedgerTransaction(tx, { kind: "DONATION", idempotencyKey: `prop:${run}:gift`, memo: "gift", entries: movementEntries("DONATION", donors!, caseA!, 50_000) });
        });
        // Grants fund → case beside surpluses case → fund: the rows are locked in one order (account code) every time.
        const results = await Promise.allSettled(
          moves.map(([isGrant, amount], i) =>
            prisma.$transaction((tx) =>
              postLedgerTransaction(tx, isGrant
                ? { kind: "GRANT", idempotencyKey: `prop:${run}:g:${i}`, memo: "grant", entries: movementEntries("GRANT", fund!, caseA!, amount) }
                : { kind: "SURPLUS_TRANSFER", idempotencyKey: `prop:${run}:s:${i}`, memo: "surplus", entries: movementEntries("SURPLUS_TRANSFER", caseA!, fund!, amount) }),
            ),
          ),
        );
        for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(InsufficientBalanceError);
        const state = await snapshot(accounts.map((a) => a.code));
        expect(state.balances[fund!.code]! + state.balances[caseA!.code]!).toBe(100_000);
        expect(state.balances[fund!.code]).toBeGreaterThanOrEqual(0);
        expect(state.balances[caseA!.code]).toBeGreaterThanOrEqual(0);
        for (const code of Object.keys(state.balances)) expect(state.balances[code]).toBe(state.entrySums[code]);
        expect(state.unbalanced).toBe(0);
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it("concurrent grants out of one fund never overdraw it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1_000, max: 100_000 }), fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 2, maxLength: 10 }), async (balance, asks) => {
        const { run, accounts } = await createAccounts();
        const [donors, , fund, , , caseA, caseB] = accounts;
        await prisma.$transaction((tx) => postLedgerTransaction(tx, { kind: "FUND_CONTRIBUTION", idempotencyKey: `prop:${run}:in`, memo: "in", entries: movementEntries("FUND_CONTRIBUTION", donors!, fund!, balance) }));
        const results = await Promise.allSettled(
          asks.map((amount, i) =>
            prisma.$transaction((tx) => postLedgerTransaction(tx, { kind: "GRANT", idempotencyKey: `prop:${run}:grant:${i}`, memo: "grant", entries: movementEntries("GRANT", fund!, i % 2 ? caseA! : caseB!, amount) })),
          ),
        );
        for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(InsufficientBalanceError);
        const granted = asks.filter((_, i) => results[i]!.status === "fulfilled").reduce((sum, a) => sum + a, 0);
        const state = await snapshot(accounts.map((a) => a.code));
        expect(state.balances[fund!.code]).toBe(balance - granted);
        expect(state.balances[fund!.code]).toBeGreaterThanOrEqual(0);
        expect(state.balances[caseA!.code]! + state.balances[caseB!.code]!).toBe(granted);
        expect(state.unbalanced).toBe(0);
        for (const code of Object.keys(state.balances)) expect(state.balances[code]).toBe(state.entrySums[code]);
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
