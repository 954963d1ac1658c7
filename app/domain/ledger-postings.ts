/**
 * Which money movements the ledger knows (DESIGN §6) and the shape each one must have. Every kind
 * moves money from one kind of account to another, so a posting that credits the wrong account
 * (a grant paid out of a case, a disbursement out of a fund's pocket) is refused before it reaches
 * the database. `applyPosting` is the ledger in miniature: the reference model the property tests
 * hold the real postings against.
 */
import { assertBalanced, type LedgerEntry } from "./ledger.ts";
import { fen, type Fen } from "./money.ts";

/** prisma/schema.prisma enum LedgerAccountKind. */
export const LEDGER_ACCOUNT_KINDS = ["EXTERNAL_DONORS", "CASE", "FUND", "PROJECT", "PAID_OUT"] as const;
export type LedgerAccountKindName = (typeof LEDGER_ACCOUNT_KINDS)[number];

/** prisma/schema.prisma enum LedgerTransactionKind. */
export const LEDGER_KINDS = ["DONATION", "FUND_CONTRIBUTION", "GRANT", "DISBURSEMENT", "REFUND", "SURPLUS_TRANSFER"] as const;
export type LedgerKindName = (typeof LEDGER_KINDS)[number];

/** prisma/schema.prisma enum ContributionSource: where a fund's money came from. */
export const CONTRIBUTION_SOURCES = ["PUBLIC_FINANCE", "WELFARE_LOTTERY", "ENTERPRISE", "CHARITY", "DONATIONS", "DIBAO_SURPLUS"] as const;
export type ContributionSourceName = (typeof CONTRIBUTION_SOURCES)[number];

/** prisma/schema.prisma enum PayeeKind: who a case's money is paid to. */
export const PAYEE_KINDS = ["HOSPITAL", "BENEFICIARY", "SUPPLIER", "OTHER"] as const;
export type PayeeKindName = (typeof PAYEE_KINDS)[number];

/** Accounts that hold money on someone's behalf: they can never be overdrawn. */
export const NEVER_NEGATIVE_KINDS: ReadonlySet<LedgerAccountKindName> = new Set(["FUND", "PROJECT", "CASE"]);

/**
 * Where each kind of movement takes money from (the credited account) and where it puts it (the
 * debited one):
 * - DONATION: a giver's money arrives in a case, or in a fund (a gift to the fund, or one that
 *   landed after its case was covered);
 * - FUND_CONTRIBUTION: 公共财政, 福彩公益金, an enterprise's transfer … into a fund (or a project's budget);
 * - GRANT: a fund or a project gives to a case;
 * - DISBURSEMENT: a case pays a hospital, the beneficiary or a supplier;
 * - REFUND: money goes back to the giver from where it was received;
 * - SURPLUS_TRANSFER: what is left in a case goes to the relief fund.
 */
export const LEDGER_FLOWS: Readonly<Record<LedgerKindName, { from: readonly LedgerAccountKindName[]; to: readonly LedgerAccountKindName[] }>> = {
  DONATION: { from: ["EXTERNAL_DONORS"], to: ["CASE", "FUND"] },
  FUND_CONTRIBUTION: { from: ["EXTERNAL_DONORS"], to: ["FUND", "PROJECT"] },
  GRANT: { from: ["FUND", "PROJECT"], to: ["CASE"] },
  DISBURSEMENT: { from: ["CASE"], to: ["PAID_OUT"] },
  REFUND: { from: ["CASE", "FUND", "PROJECT"], to: ["EXTERNAL_DONORS"] },
  SURPLUS_TRANSFER: { from: ["CASE"], to: ["FUND"] },
};

export type LedgerAccountRef = { code: string; kind: LedgerAccountKindName };

export type MovementError = "amountNotPositive" | "sameAccount" | "wrongSource" | "wrongDestination";

export class MovementRefusedError extends Error {
  override readonly name = "MovementRefusedError";
  constructor(readonly reason: MovementError, readonly kind: LedgerKindName) {
    super(`A ${kind} posting is refused: ${reason}`);
  }
}

export function checkMovement(kind: LedgerKindName, from: LedgerAccountRef, to: LedgerAccountRef, amount: number): MovementError | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return "amountNotPositive";
  if (from.code === to.code) return "sameAccount";
  if (!LEDGER_FLOWS[kind].from.includes(from.kind)) return "wrongSource";
  if (!LEDGER_FLOWS[kind].to.includes(to.kind)) return "wrongDestination";
  return null;
}

/**
 * The two entries of one movement, in the shape `postLedgerTransaction` takes: the source is
 * credited, the destination debited. Throws MovementRefusedError for a movement the kind does not
 * allow, so a module cannot post a grant out of a case by passing the accounts the wrong way round.
 *
 * The entries come sorted by account code: the posting updates the accounts' cached balances in
 * entry order, so two postings touching the same two accounts from opposite sides (a grant
 * fund → case beside a surplus case → fund, a gift beside a refund) would otherwise lock the rows
 * in opposite orders and deadlock.
 */
export function movementEntries(kind: LedgerKindName, from: LedgerAccountRef, to: LedgerAccountRef, amount: number): Array<{ accountCode: string; amountFen: number }> {
  const error = checkMovement(kind, from, to, amount);
  if (error) throw new MovementRefusedError(error, kind);
  const entries = [
    { accountCode: from.code, amountFen: -amount },
    { accountCode: to.code, amountFen: amount },
  ].sort((a, b) => (a.accountCode < b.accountCode ? -1 : 1));
  assertBalanced(entries.map((e) => ({ accountId: e.accountCode, amount: fen(e.amountFen) })));
  return entries;
}

// ─────────────── The reference model: balances kept the way the ledger keeps them ───────────────

export type ModelAccount = { kind: LedgerAccountKindName; balance: Fen };
export type LedgerModel = ReadonlyMap<string, ModelAccount>;

export type ApplyResult = { ok: true; model: LedgerModel } | { ok: false; reason: "unbalanced" | "unknownAccount" | "insufficientBalance"; account?: string };

/**
 * Posts balanced entries to a model ledger, all or nothing: refused when the entries do not
 * balance, name an account that does not exist, or would leave a FUND, PROJECT or CASE account
 * below zero. A refused posting returns the model untouched — what a rolled-back database
 * transaction leaves behind.
 */
export function applyPosting(model: LedgerModel, entries: readonly LedgerEntry[]): ApplyResult {
  try {
    assertBalanced(entries);
  } catch {
    return { ok: false, reason: "unbalanced" };
  }
  const next = new Map(model);
  for (const entry of entries) {
    const account = next.get(entry.accountId);
    if (!account) return { ok: false, reason: "unknownAccount", account: entry.accountId };
    next.set(entry.accountId, { ...account, balance: fen(account.balance + entry.amount) });
  }
  for (const [code, account] of next) {
    if (NEVER_NEGATIVE_KINDS.has(account.kind) && account.balance < 0) return { ok: false, reason: "insufficientBalance", account: code };
  }
  return { ok: true, model: next };
}
