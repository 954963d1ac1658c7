import { movementEntries } from "~/domain/ledger-postings.ts";
import { commitmentIdForGrant } from "~/domain/pledges/pledge-rules.ts";
import type { Tx } from "~/utils/db.server.ts";
import { caseAccount, ensureAccount, fundAccount, postLedgerTransaction } from "../ledger/post-ledger-transaction.server.ts";
import { applyCommitmentIntent } from "../pledges/apply-commitment-intent.server.ts";

/**
 * Pays a grant inside the caller's transaction, as grant-advance does for an advance: fund −X /
 * case +X keyed `grant:<id>` (InsufficientBalanceError rolls everything back when the fund has
 * too little), the FundGrant linked to its posting, and the cash line's commitment PLEDGED →
 * DELIVERED (the money is in the case account), which may fulfil the case.
 */
export async function postFundGrant(
  tx: Tx,
  grant: { id: string; amountFen: number; fund: { id: string; name: string }; case: { id: string; caseNo: string } },
  input: { actorId: string; now: Date },
) {
  const from = { code: fundAccount(grant.fund.id), kind: "FUND" as const };
  const to = { code: caseAccount(grant.case.caseNo), kind: "CASE" as const };
  await ensureAccount(tx, { code: from.code, kind: "FUND", name: grant.fund.name, fundId: grant.fund.id });
  await ensureAccount(tx, { code: to.code, kind: "CASE", name: `${grant.case.caseNo} 个案账户`, caseId: grant.case.id });
  const posting = await postLedgerTransaction(tx, {
    kind: "GRANT",
    idempotencyKey: `grant:${grant.id}`,
    // The memo names the fund and the case only: the purpose typed by staff may be personal.
    memo: `${grant.fund.name} → ${grant.case.caseNo}：救急难救助`,
    counterparty: grant.fund.name,
    createdById: input.actorId,
    occurredAt: input.now,
    entries: movementEntries("GRANT", from, to, grant.amountFen),
  });
  await tx.fundGrant.update({ where: { id: grant.id }, data: { transactionId: posting.id } });

  const commitmentId = await findGrantCommitmentId(tx, grant);
  if (commitmentId) await applyCommitmentIntent(tx, { commitmentId, intent: "receive", actor: "staff", actorId: input.actorId, now: input.now });
  return posting;
}

/**
 * The cash line's commitment reserved with a grant request: by the id derived from the grant, or —
 * for grants written before that convention (the demo data) — a pledged FUND commitment of the same
 * fund, case and amount.
 */
export async function findGrantCommitmentId(tx: Tx, grant: { id: string; amountFen: number; fund: { id: string }; case: { id: string } }): Promise<string | null> {
  const own = await tx.commitment.findUnique({ where: { id: commitmentIdForGrant(grant.id) }, select: { id: true } });
  if (own) return own.id;
  const legacy = await tx.commitment.findFirst({
    where: { source: "FUND", status: "PLEDGED", fundId: grant.fund.id, caseId: grant.case.id, amount: grant.amountFen },
    orderBy: { pledgedAt: "asc" },
    select: { id: true },
  });
  return legacy?.id ?? null;
}
