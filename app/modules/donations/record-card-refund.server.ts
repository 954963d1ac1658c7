import { reversalOf } from "~/domain/ledger.ts";
import { fen } from "~/domain/money.ts";
import { commitmentIdForDonation } from "~/domain/pledges/pledge-rules.ts";
import { decidePayment, decideRefund, refundIdempotencyKey } from "~/domain/donations/stripe-event-rules.ts";
import type { StripeCharge } from "~/integrations/stripe.server.ts";
import type { Tx } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { DONORS_ACCOUNT, postLedgerTransaction } from "../ledger/post-ledger-transaction.server.ts";
import { releaseNeedLine, unmarkNeedLineDelivered } from "../needs/need-line-coverage.server.ts";
import { lockCase, lockDonation, type LockedDonation } from "./lock-donation.server.ts";
import { postCardPayment, type EventOutcome } from "./record-card-payment.server.ts";
import { reopenCaseIfUncovered } from "./reopen-case-if-uncovered.server.ts";

/**
 * charge.refunded: a full refund of a recorded gift posts a REFUND transaction reversing its
 * DONATION posting (reversesId), cancels its Commitment and releases the cash line (a FULFILLED
 * case reopens). If the case (or fund) no longer holds the money — it was paid out to the hospital —
 * nothing is posted and the event is HELD for staff. A refund that arrives before the payment event
 * records the payment and its reversal together (see app/domain/donations/stripe-event-rules.ts).
 * The charge is matched by its payment_intent, or by the donation id Stripe copied onto it from the
 * PaymentIntent's metadata; a charge matching neither is not a card gift of this platform (IGNORED).
 */
export async function recordCardRefund(tx: Tx, charge: StripeCharge, now: Date): Promise<EventOutcome> {
  const paymentIntentId = typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null);
  const metadataId = charge.metadata?.donationId ?? null;
  let donation = paymentIntentId ? await lockDonation(tx, { paymentIntentId }) : null;
  if (!donation && metadataId) donation = await lockDonation(tx, { id: metadataId });
  if (!donation) return metadataId ? { eventStatus: "HELD", note: "unknownDonation" } : { eventStatus: "IGNORED", note: "notOurCharge" };

  const refund = { amountRefundedFen: charge.amount_refunded, currency: charge.currency };
  const decision = decideRefund(donation, refund);
  switch (decision.kind) {
    case "alreadyRefunded":
      return { eventStatus: "PROCESSED", note: "already REFUNDED" };
    case "hold":
      await auditRefundHeld(tx, donation, decision.reason, refund.amountRefundedFen);
      return { eventStatus: "HELD", note: decision.reason };
    case "closeWithoutPosting":
      await closeAsRefunded(tx, donation);
      return { eventStatus: "PROCESSED", note: "refundedWithoutPosting" };
    case "recordThenReverse": {
      const paid = { amountFen: charge.amount, currency: charge.currency, paymentIntentId, sessionId: null, locale: "zh-CN" as const };
      const posted = decidePayment(donation, paid).kind === "record" ? await postCardPayment(tx, donation, paid, now, { sendReceipt: false }) : null;
      if (posted?.kind !== "recorded") {
        // The money went back before it could be recorded (or it would have been held): close the gift.
        await closeAsRefunded(tx, donation);
        return { eventStatus: "PROCESSED", note: "refundedWithoutPosting" };
      }
      return reverse(tx, { ...donation, status: "PAID" }, now);
    }
    case "reverse":
      return reverse(tx, donation, now);
  }
}

async function reverse(tx: Tx, donation: LockedDonation, now: Date): Promise<EventOutcome> {
  const reversed = await reverseCardPayment(tx, donation.id, now);
  if (reversed.kind === "hold") {
    await auditRefundHeld(tx, donation, "caseLacksMoneyForRefund", donation.amountFen);
    return { eventStatus: "HELD", note: "caseLacksMoneyForRefund" };
  }
  return { eventStatus: "PROCESSED" };
}

/**
 * Undoes a PAID gift: checks the receiving account (case or fund) still holds the amount, cancels
 * the gift's Commitment and gives the line back, posts the reversal and marks the gift REFUNDED.
 * Lock order as for a payment: case row, then donors and the receiving account, then the line.
 */
async function reverseCardPayment(tx: Tx, donationId: string, now: Date): Promise<{ kind: "reversed" } | { kind: "hold" }> {
  const donation = await tx.donation.findUniqueOrThrow({ where: { id: donationId }, select: { id: true, caseId: true, amountFen: true } });
  if (donation.caseId) await lockCase(tx, donation.caseId);
  const original = await tx.ledgerTransaction.findFirst({
    where: { donationId, kind: "DONATION" },
    orderBy: { occurredAt: "asc" },
    select: { id: true, entries: { select: { amountFen: true, account: { select: { code: true } } } } },
  });
  if (!original) throw new Error(`Donation ${donationId} is PAID without a DONATION posting`);
  const receiving = original.entries.find((e) => e.amountFen > 0)?.account.code;
  if (!receiving) throw new Error(`Donation ${donationId} posting has no receiving account`);

  await tx.$queryRaw`SELECT "id" FROM "LedgerAccount" WHERE "code" = ${DONORS_ACCOUNT} FOR UPDATE`;
  const [account] = await tx.$queryRaw<{ balanceFen: number }[]>`SELECT "balanceFen" FROM "LedgerAccount" WHERE "code" = ${receiving} FOR UPDATE`;
  if (!account || account.balanceFen < donation.amountFen) return { kind: "hold" };

  const commitmentId = commitmentIdForDonation(donationId);
  const commitment = await tx.commitment.findUnique({ where: { id: commitmentId }, select: { needId: true, status: true, amount: true } });
  if (commitment?.status === "DELIVERED") {
    await tx.commitment.updateMany({
      where: { id: commitmentId, status: "DELIVERED" },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "银行卡捐款已退款", version: { increment: 1 } },
    });
    await unmarkNeedLineDelivered(tx, commitment.needId, commitment.amount);
    await releaseNeedLine(tx, commitment.needId, commitment.amount);
  }

  const entries = reversalOf(original.entries.map((e) => ({ accountId: e.account.code, amount: fen(e.amountFen) })))
    .map((e) => ({ accountCode: e.accountId, amountFen: e.amount as number }))
    .sort((a, b) => (a.accountCode === DONORS_ACCOUNT ? -1 : b.accountCode === DONORS_ACCOUNT ? 1 : 0));
  await postLedgerTransaction(tx, {
    kind: "REFUND",
    idempotencyKey: refundIdempotencyKey(donationId),
    memo: "银行卡捐款退款（冲销原捐款）",
    donationId,
    reversesId: original.id,
    occurredAt: now,
    entries,
  });

  const marked = await tx.donation.updateMany({ where: { id: donationId, status: "PAID" }, data: { status: "REFUNDED" } });
  if (marked.count !== 1) throw new Error(`Donation ${donationId} changed under its lock`);
  if (commitment?.status === "DELIVERED" && donation.caseId) await reopenCaseIfUncovered(tx, donation.caseId, { trigger: "cardGiftRefund", donationId });
  await recordAudit(tx, {
    actorId: null,
    action: "donation.refunded",
    entityType: "Donation",
    entityId: donationId,
    caseId: donation.caseId,
    fromState: "PAID",
    toState: "REFUNDED",
    detail: { amountFen: donation.amountFen, reversesTransactionId: original.id, account: receiving },
  });
  return { kind: "reversed" };
}

/** A gift with nothing posted (held, failed or not yet recorded) whose money went back. */
async function closeAsRefunded(tx: Tx, donation: LockedDonation) {
  await tx.donation.updateMany({ where: { id: donation.id, status: { in: ["PENDING", "EXPIRED", "HELD", "FAILED"] } }, data: { status: "REFUNDED" } });
  await recordAudit(tx, {
    actorId: null,
    action: "donation.refunded",
    entityType: "Donation",
    entityId: donation.id,
    caseId: donation.caseId,
    fromState: donation.status,
    toState: "REFUNDED",
    detail: { amountFen: donation.amountFen, posted: false },
  });
}

async function auditRefundHeld(tx: Tx, donation: LockedDonation, reason: string, refundedFen: number) {
  await recordAudit(tx, {
    actorId: null,
    action: "donation.refundHeld",
    entityType: "Donation",
    entityId: donation.id,
    caseId: donation.caseId,
    detail: { reason, amountFen: donation.amountFen, refundedFen },
  });
}
