import { movementEntries } from "~/domain/ledger-postings.ts";
import { donationIdOfCommitment } from "~/domain/pledges/pledge-rules.ts";
import type { Tx } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { caseAccount, DONORS_ACCOUNT, ensureAccount, ensureSystemAccounts, postLedgerTransaction } from "../ledger/post-ledger-transaction.server.ts";
import { enqueueMail } from "../mail/enqueue-mail.server.ts";
import { applyCommitmentIntent, type CommitmentStepRow } from "../pledges/apply-commitment-intent.server.ts";
import { CommitmentChangedError, CommitmentRefusedError } from "../pledges/pledge-errors.server.ts";

/**
 * Staff confirm an offline transfer arrived, inside the caller's transaction: the Donation moves
 * PENDING → PAID (compare-and-set on its status), its Commitment PLEDGED → DELIVERED (the line's
 * delivered total moves, and the case may become FULFILLED), the ledger records donors → case
 * under the key `transfer:<donationId>` (a second confirmation posts nothing), and the receipt is
 * mailed when the donor left an e-mail address.
 */
export async function receiveTransfer(tx: Tx, input: { commitment: CommitmentStepRow; actorId: string; expectedVersion?: number; now?: Date }) {
  const now = input.now ?? new Date();
  const { commitment } = input;
  const donationId = donationIdOfCommitment(commitment.id);
  const donation = donationId
    ? await tx.donation.findUnique({ where: { id: donationId }, select: { id: true, method: true, status: true, amountFen: true, donorName: true, isAnonymous: true, donorEmail: true, user: { select: { locale: true } } } })
    : null;
  if (!donation || donation.method !== "TRANSFER") throw new CommitmentRefusedError("noLinkedTransfer");

  // The commitment's step first: a stale form or a lapsed pledge is answered by its own rule.
  const step = await applyCommitmentIntent(tx, { commitmentId: commitment.id, intent: "receive", actor: "staff", actorId: input.actorId, expectedVersion: input.expectedVersion, now });
  const paid = await tx.donation.updateMany({ where: { id: donation.id, status: "PENDING" }, data: { status: "PAID", paidAt: now } });
  if (paid.count !== 1) throw new CommitmentChangedError(commitment.id);

  const account = caseAccount(commitment.case.caseNo);
  await ensureSystemAccounts(tx);
  await ensureAccount(tx, { code: account, kind: "CASE", name: `${commitment.case.caseNo} 个案账户`, caseId: commitment.caseId });
  await postLedgerTransaction(tx, {
    kind: "DONATION",
    idempotencyKey: `transfer:${donation.id}`,
    memo: `线下转账捐款 → ${commitment.case.caseNo}`,
    counterparty: donation.isAnonymous || !donation.donorName ? "爱心人士" : donation.donorName,
    donationId: donation.id,
    createdById: input.actorId,
    occurredAt: now,
    entries: movementEntries("DONATION", { code: DONORS_ACCOUNT, kind: "EXTERNAL_DONORS" }, { code: account, kind: "CASE" }, donation.amountFen),
  });
  if (donation.donorEmail) {
    const locale = donation.user?.locale === "en" ? "en" : "zh-CN";
    await enqueueMail(tx, { template: "donation-receipt", to: donation.donorEmail, locale, refs: { donationId: donation.id } });
  }
  await recordAudit(tx, {
    actorId: input.actorId,
    action: "donation.transferReceived",
    entityType: "Donation",
    entityId: donation.id,
    caseId: commitment.caseId,
    fromState: "PENDING",
    toState: "PAID",
    detail: { amountFen: donation.amountFen, commitmentId: commitment.id },
  });
  return step;
}
