/**
 * Rules of the double-entry ledger. Every movement of money is one transaction whose entries sum
 * to zero, so the total over all accounts is always zero and any balance can be rebuilt from the
 * entries alone; that is what lets the public fund page be checked against the books.
 */
import { fen, sumFen, type Fen } from "./money.ts";

/** Positive = debit (money arrives in the account), negative = credit (money leaves it). */
export type LedgerEntry = { accountId: string; amount: Fen };

export type UnbalancedReason = "too-few-entries" | "zero-amount" | "not-balanced";

export class UnbalancedTransactionError extends Error {
  override readonly name = "UnbalancedTransactionError";

  constructor(
    readonly reason: UnbalancedReason,
    /** Sum of the entries (0 unless reason is "not-balanced"), for the log. */
    readonly sum: Fen,
  ) {
    super(
      reason === "too-few-entries"
        ? "A ledger transaction needs at least two entries"
        : reason === "zero-amount"
          ? "A ledger transaction must not contain zero-amount entries"
          : `Ledger transaction does not balance: entries sum to ${sum} 分`,
    );
  }
}

/**
 * Throws unless the entries form a postable transaction. A zero entry is refused because it
 * records nothing yet still shows up in an account's statement as a movement.
 */
export function assertBalanced(entries: readonly LedgerEntry[]): void {
  if (entries.length < 2) throw new UnbalancedTransactionError("too-few-entries", fen(0));
  if (entries.some((entry) => entry.amount === 0)) throw new UnbalancedTransactionError("zero-amount", fen(0));
  const sum = sumFen(entries.map((entry) => entry.amount));
  if (sum !== 0) throw new UnbalancedTransactionError("not-balanced", sum);
}

export function isBalanced(entries: readonly LedgerEntry[]): boolean {
  try {
    assertBalanced(entries);
    return true;
  } catch (error) {
    if (error instanceof UnbalancedTransactionError) return false;
    throw error;
  }
}

export function balanceOf(accountId: string, entries: Iterable<LedgerEntry>): Fen {
  let balance = fen(0);
  for (const entry of entries) {
    if (entry.accountId === accountId) balance = fen(balance + entry.amount);
  }
  return balance;
}

/**
 * The entries that undo a posted transaction (a refund or a correction). The ledger is
 * append-only, so mistakes are reversed by a new transaction rather than edited away.
 */
export function reversalOf(entries: readonly LedgerEntry[]): LedgerEntry[] {
  assertBalanced(entries);
  return entries.map((entry) => ({ accountId: entry.accountId, amount: fen(-entry.amount) }));
}
