// The one way money moves (DESIGN §6): every transaction balances, every cached balance moves in
// the same database transaction as its entries, and a posting is keyed so that a retry (a webhook
// redelivery, the seed run again) posts nothing twice. Used by the app's modules and the seed.
import { assertBalanced } from "~/domain/ledger.ts";
import { fen } from "~/domain/money.ts";
import type { ContributionSource, LedgerAccountKind, LedgerTransactionKind, Prisma, PrismaClient } from "~/generated/prisma/client.ts";

export type LedgerDb = PrismaClient | Prisma.TransactionClient;

export const DONORS_ACCOUNT = "donors";
export const PAID_OUT_ACCOUNT = "paid-out";
export const fundAccount = (fundId: string) => `fund:${fundId}`;
export const caseAccount = (caseNo: string) => `case:${caseNo}`;
export const projectAccount = (projectId: string) => `project:${projectId}`;

/** Accounts that hold money on behalf of someone may never go below zero. */
const NEVER_NEGATIVE: ReadonlySet<LedgerAccountKind> = new Set(["FUND", "PROJECT", "CASE"]);

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
 */
export async function postLedgerTransaction(tx: LedgerDb, posting: Posting): Promise<{ id: string; created: boolean }> {
  assertBalanced(posting.entries.map((e) => ({ accountId: e.accountCode, amount: fen(e.amountFen) })));

  const existing = await tx.ledgerTransaction.findUnique({ where: { idempotencyKey: posting.idempotencyKey }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };

  const codes = posting.entries.map((e) => e.accountCode);
  const accounts = await tx.ledgerAccount.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, kind: true } });
  const byCode = new Map(accounts.map((a) => [a.code, a]));
  for (const code of codes) if (!byCode.has(code)) throw new Error(`Ledger account ${code} does not exist`);

  const transaction = await tx.ledgerTransaction.create({
    data: {
      kind: posting.kind,
      idempotencyKey: posting.idempotencyKey,
      memo: posting.memo,
      contributionSource: posting.contributionSource ?? null,
      counterparty: posting.counterparty ?? null,
      donationId: posting.donationId ?? null,
      reversesId: posting.reversesId ?? null,
      createdById: posting.createdById ?? null,
      ...(posting.occurredAt && { occurredAt: posting.occurredAt }),
      entries: { create: posting.entries.map((e) => ({ accountId: byCode.get(e.accountCode)!.id, amountFen: e.amountFen })) },
    },
    select: { id: true },
  });

  // Balances move once per account (an account named twice is netted, so it is not refused for a
  // dip it never makes) and always in account-code order: two postings touching the same accounts
  // lock their rows in the same order and cannot deadlock (fund → case beside case → fund did).
  const net = new Map<string, number>();
  for (const e of posting.entries) net.set(e.accountCode, (net.get(e.accountCode) ?? 0) + e.amountFen);
  for (const [code, amountFen] of [...net].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (amountFen === 0) continue;
    const account = byCode.get(code)!;
    const updated = await tx.ledgerAccount.update({
      where: { id: account.id },
      data: { balanceFen: { increment: amountFen } },
      select: { balanceFen: true },
    });
    if (NEVER_NEGATIVE.has(account.kind) && updated.balanceFen < 0) {
      throw new InsufficientBalanceError(code, updated.balanceFen);
    }
  }
  return { id: transaction.id, created: true };
}
