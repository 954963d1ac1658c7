/**
 * The public cash progress of a case reads the ledger, not the need lines' promises: money
 * received is what arrived in the case's account from gifts and grants, less what was refunded.
 * Money paid out (to a hospital, the household) or moved on after closing is still money that was
 * received, so disbursements and surplus transfers do not lower it.
 */
import { fen, type Fen } from "../money.ts";

export const RECEIVED_TRANSACTION_KINDS = ["DONATION", "GRANT", "REFUND"] as const;
export type ReceivedTransactionKind = (typeof RECEIVED_TRANSACTION_KINDS)[number];

export type CashProgress = { targetFen: Fen; receivedFen: Fen; percent: number };

/**
 * `receivedFen` is the sum of the case account's entries in RECEIVED_TRANSACTION_KINDS; the target
 * is the sum of the cash lines that are not cancelled. The percentage is capped at 100 and floored
 * (a bar never shows "100%" while a 分 is missing).
 */
export function cashProgress(cashLines: ReadonlyArray<{ target: number; status: string }>, receivedFen: number): CashProgress {
  const targetFen = fen(cashLines.filter((l) => l.status !== "CANCELLED").reduce((sum, l) => sum + l.target, 0));
  const received = fen(Math.max(0, receivedFen));
  const percent = targetFen > 0 ? Math.min(100, Math.floor((received * 100) / targetFen)) : 0;
  return { targetFen, receivedFen: received, percent };
}
