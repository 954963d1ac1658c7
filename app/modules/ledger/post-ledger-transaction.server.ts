// The one way money moves (DESIGN §6): every transaction balances, every cached balance moves in
// the same database transaction as its entries, and a posting is keyed so that a retry (a webhook
// redelivery, the seed run again) posts nothing twice. Used by the app's modules and the seed.
import { assertBalanced } from "~/domain/ledger.ts";
import { fen } from "~/domain/money.ts";
import type { ContributionSource, LedgerAccountKind, LedgerTransactionKind, Prisma, PrismaClient } from "~/generated/prisma/client.ts";
import { databaseErrorCode, databaseErrorMessage } from "~/utils/database-errors.server.ts";

export type LedgerDb = PrismaClient | Prisma.TransactionClient;

export const DONORS_ACCOUNT = "donors";
export const PAID_OUT_ACCOUNT = "paid-out";
export const fundAccount = (fundId: string) => `fund:${fundId}`;
export const caseAccount = (caseNo: string) => `case:${caseNo}`;
export const projectAccount = (projectId: string) => `project:${projectId}`;

export async function ensureAccount(
  db: LedgerDb,
  account: { code: string; kind: LedgerAccountKind; name: string; caseId?: string; fundId?: string; projectId?: string },
) {
  return db.ledgerAccount.upsert({ where: { code: account.code }, update: {}, create: account, select: { id: true } });
}

export async function ensureSystemAccounts(db: LedgerDb) {
  await ensureAccount(db, { code: DONORS_ACCOUNT, kind: "EXTERNAL_DONORS", name: "外部资金来源（捐赠人、出资方）" });
  await ensureAccount(db, { code: PAID_OUT_ACCOUNT, kind: "PAID_OUT", name: "已支付（医院、供应商、受助人）" });
}

/** Thrown inside the transaction, so the whole posting rolls back; callers answer with a message. */
export class InsufficientBalanceError extends Error {
  constructor(readonly accountCode: string, readonly balanceAfterFen: number) {
    super(`Posting would take ${accountCode} below zero (${balanceAfterFen} 分)`);
    this.name = "InsufficientBalanceError";
  }
}

export type Posting = {
  kind: LedgerTransactionKind;
  idempotencyKey: string;
  memo: string;
  /** Positive = money arrives in the account, negative = it leaves. */
  entries: Array<{ accountCode: string; amountFen: number }>;
  contributionSource?: ContributionSource;
  counterparty?: string;
  donationId?: string;
  /** The transaction this one reverses (a refund, a correction): each may be reversed once. */
  reversesId?: string;
  createdById?: string;
  occurredAt?: Date;
};

/**
 * Posts one balanced transaction, or returns the one already posted under the idempotency key.
 * Call it inside a database transaction (`tx`) so the entries and the cached balances commit together.
 *
 * The posting itself is the database function post_ledger_transaction (prisma/migrations/
 * *_money_functions, ADR 008): one round trip, and the same code the card-gift hot path posts with.
 * It moves each balance once per account (netted) and in account-code order, so two postings over
 * the same accounts cannot deadlock, and refuses (JJ001) to take a FUND, PROJECT or CASE account
 * below zero.
 */
export async function postLedgerTransaction(tx: LedgerDb, posting: Posting): Promise<{ id: string; created: boolean }> {
  assertBalanced(posting.entries.map((e) => ({ accountId: e.accountCode, amount: fen(e.amountFen) })));
  const entries = JSON.stringify(posting.entries.map((e) => ({ accountCode: e.accountCode, amountFen: e.amountFen })));
  try {
    const [row] = await tx.$queryRaw<{ id: string; created: boolean }[]>`
      SELECT "id", "created" FROM post_ledger_transaction(
        ${posting.kind}::"LedgerTransactionKind", ${posting.idempotencyKey}, ${posting.memo}, ${entries}::jsonb,
        ${posting.contributionSource ?? null}::"ContributionSource", ${posting.counterparty ?? null}, ${posting.donationId ?? null},
        ${posting.reversesId ?? null}, ${posting.createdById ?? null}, ${posting.occurredAt ?? null}::timestamptz)`;
    return row!;
  } catch (error) {
    if (databaseErrorCode(error) === "JJ001") {
      const [, code, balance] = /would take (.+) below zero \((-?\d+) 分\)/.exec(databaseErrorMessage(error)) ?? [];
      throw new InsufficientBalanceError(code ?? "?", Number(balance));
    }
    if (databaseErrorCode(error) === "JJ003") throw new Error(databaseErrorMessage(error));
    throw error;
  }
}
