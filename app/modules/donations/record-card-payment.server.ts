import { commitmentIdForDonation } from "~/domain/pledges/pledge-rules.ts";
import { decidePayment, paymentIdempotencyKey, type HoldReason } from "~/domain/donations/stripe-event-rules.ts";
import type { LedgerAccountKind } from "~/generated/prisma/client.ts";
import type { StripeCheckoutSession } from "~/integrations/stripe.server.ts";
import type { Tx } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { caseAccount, DONORS_ACCOUNT, ensureAccount, postLedgerTransaction } from "../ledger/post-ledger-transaction.server.ts";
import { enqueueMail } from "../mail/enqueue-mail.server.ts";
import { fulfilCaseIfCovered } from "../needs/fulfil-case-if-covered.server.ts";
import { markNeedLineDelivered, NeedLineFullError, reserveNeedLine } from "../needs/need-line-coverage.server.ts";
import { findReliefFundForRegion } from "./find-relief-fund-for-region.server.ts";
import { lockCase, type LockedCase, type LockedDonation } from "./lock-donation.server.ts";

/** How an event ended, as stored in the webhook inbox. `note` is an English code, never personal data. */
export type EventOutcome = { eventStatus: "PROCESSED" | "HELD" | "IGNORED"; note?: string };

/** What Stripe says was paid (a Checkout Session's amount_total/currency, or a charge's amount). */
export type PaidFacts = { amountFen: number | null; currency: string | null; paymentIntentId: string | null; sessionId: string | null; locale: "zh-CN" | "en" };

/** The paid facts of a Checkout Session, as the webhook reads them. */
export function paidFactsOf(session: StripeCheckoutSession): PaidFacts {
  return {
    amountFen: session.amount_total,
    currency: session.currency,
    paymentIntentId: typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null),
    sessionId: session.id,
    locale: session.metadata?.locale === "en" ? "en" : "zh-CN",
  };
}

const ANONYMOUS_COUNTERPARTY = "爱心人士";
const DONORS = { code: DONORS_ACCOUNT, kind: "EXTERNAL_DONORS", name: "外部资金来源（捐赠人、出资方）" } as const;

/**
 * checkout.session.completed (paid) / async_payment_succeeded for a locked donation: checks the
 * amount and currency, then records the payment once (postCardPayment) with its receipt mail.
 * A mismatch is held for staff with nothing posted.
 */
export async function recordCardPayment(tx: Tx, donation: LockedDonation, paid: PaidFacts, now: Date, lockedCase?: LockedCase | null): Promise<EventOutcome> {
  const decision = decidePayment(donation, paid);
  if (decision.kind === "alreadyRecorded") return { eventStatus: "PROCESSED", note: `already ${donation.status}` };
  if (decision.kind === "hold") {
    await holdDonation(tx, donation, decision.reason, paid);
    return { eventStatus: "HELD", note: decision.reason };
  }
  const posted = await postCardPayment(tx, donation, paid, now, { sendReceipt: true, lockedCase });
  if (posted.kind === "hold") {
    await holdDonation(tx, donation, posted.reason, paid);
    return { eventStatus: "HELD", note: posted.reason };
  }
  return { eventStatus: "PROCESSED", note: posted.redirectedToFund ? "redirectedToFund" : undefined };
}

export type PostedPayment = { kind: "recorded"; redirectedToFund: boolean } | { kind: "hold"; reason: HoldReason };

/**
 * Records a payment that passed the checks, in the caller's transaction: PENDING → PAID
 * (compare-and-set), a DELIVERED Commitment reserving the cash line, and the DONATION posting from
 * the donors to the case — or, when the case no longer needs it (its cash lines are covered, or it
 * is no longer PUBLISHED), to the region's relief fund. Covering the last line fires
 * PUBLISHED → FULFILLED when every line is delivered. Holds (nothing written) when a redirected gift
 * finds no fund.
 *
 * Locks, in the same order for every money movement of a card gift: donation row (caller), case
 * row (here, unless the caller locked it with the donation: `lockedCase`), need line, then the
 * ledger accounts (donors, then the case or fund). The posting comes last because every gift
 * updates the one donors account: its row lock is then held only for the posting and the commit,
 * not for the rest of the work.
 */
export async function postCardPayment(
  tx: Tx,
  donation: LockedDonation,
  paid: PaidFacts,
  now: Date,
  opts: { sendReceipt: boolean; lockedCase?: LockedCase | null },
): Promise<PostedPayment> {
  const amount = donation.amountFen;
  const theCase = opts.lockedCase !== undefined ? opts.lockedCase : donation.caseId ? await lockCase(tx, donation.caseId) : null;
  const line = theCase?.status === "PUBLISHED" ? await reserveCashLine(tx, theCase.id, donation.needId, amount) : null;

  let destination: { code: string; kind: LedgerAccountKind; name: string; caseId?: string; fundId?: string };
  let fundId: string | null = null;
  if (line && theCase) {
    destination = { code: caseAccount(theCase.caseNo), kind: "CASE", name: `个案 ${theCase.caseNo}`, caseId: theCase.id };
  } else {
    const fund = theCase ? await findReliefFundForRegion(tx, theCase.regionCode) : null;
    if (!fund) return { kind: "hold", reason: "noFundForRedirect" };
    fundId = fund.id;
    destination = { code: fund.accountCode, kind: "FUND", name: fund.name, fundId: fund.id };
  }
  await ensureAccountsExist(tx, [DONORS, destination]);

  const marked = await tx.donation.updateMany({
    where: { id: donation.id, status: { in: ["PENDING", "EXPIRED"] } },
    data: {
      status: "PAID",
      paidAt: now,
      ...(paid.paymentIntentId && { stripePaymentIntentId: paid.paymentIntentId }),
      ...(paid.sessionId && !donation.stripeCheckoutSessionId && { stripeCheckoutSessionId: paid.sessionId }),
      ...(line && { needId: line.id }),
      fundId,
      redirectedToFund: line === null,
    },
  });
  // The row is locked, so only a bug elsewhere could get here; roll everything back rather than post.
  if (marked.count !== 1) throw new Error(`Donation ${donation.id} changed under its lock`);

  if (line && theCase) {
    await tx.commitment.create({
      data: {
        id: commitmentIdForDonation(donation.id),
        caseId: theCase.id,
        needId: line.id,
        source: "DONATION",
        pledgerId: donation.userId,
        pledgerName: donation.isAnonymous ? null : donation.donorName,
        isAnonymous: donation.isAnonymous,
        amount,
        status: "DELIVERED",
        note: donation.receiptNo,
        pledgedAt: donation.createdAt,
        confirmedAt: now,
        deliveredAt: now,
      },
    });
    await markNeedLineDelivered(tx, line.id, amount);
    if (line.isCovered) await fulfilCaseIfCovered(tx, theCase.id, { now });
  } else {
    await recordAudit(tx, {
      actorId: null,
      action: "donation.redirectedToFund",
      entityType: "Donation",
      entityId: donation.id,
      caseId: donation.caseId,
      detail: { fundId, amountFen: amount, caseStatus: theCase?.status ?? null },
    });
  }
  if (opts.sendReceipt && donation.donorEmail) {
    await enqueueMail(tx, { template: "donation-receipt", to: donation.donorEmail, locale: paid.locale, refs: { donationId: donation.id } });
  }

  const caseNo = theCase?.caseNo ?? "";
  await postLedgerTransaction(tx, {
    kind: "DONATION",
    idempotencyKey: paymentIdempotencyKey(paid.paymentIntentId, paid.sessionId ?? donation.stripeCheckoutSessionId, donation.id),
    memo: line ? `银行卡在线捐款 → ${caseNo}` : `银行卡在线捐款（${caseNo} 已无资金缺口，转入${destination.name}）`,
    counterparty: donation.isAnonymous ? ANONYMOUS_COUNTERPARTY : (donation.donorName ?? ANONYMOUS_COUNTERPARTY),
    donationId: donation.id,
    occurredAt: now,
    entries: [
      { accountCode: DONORS_ACCOUNT, amountFen: -amount },
      { accountCode: destination.code, amountFen: amount },
    ],
  });
  return { kind: "recorded", redirectedToFund: line === null };
}

/**
 * Reserves the gift on the line it was given to, or — if that one filled up meanwhile — on another
 * open cash line of the same case (the donor gave to the case). A gift is never split across lines.
 * Null when no line can take the whole amount.
 */
async function reserveCashLine(tx: Tx, caseId: string, preferredId: string | null, amount: number) {
  const tryLine = async (id: string) => {
    try {
      return { id, isCovered: (await reserveNeedLine(tx, id, amount)).isCovered };
    } catch (error) {
      // A refused compare-and-set changes nothing, so the transaction can go on to the next line.
      if (error instanceof NeedLineFullError) return null;
      throw error;
    }
  };
  if (preferredId) {
    const reserved = await tryLine(preferredId);
    if (reserved) return reserved;
  }
  const others = await tx.need.findMany({ where: { caseId, kind: "CASH", status: "OPEN", id: { not: preferredId ?? "" } }, orderBy: { sortOrder: "asc" }, select: { id: true } });
  for (const { id } of others) {
    const reserved = await tryLine(id);
    if (reserved) return reserved;
  }
  return null;
}

/** One plain read in the usual case; the upsert (which would lock the row) only the first time. */
async function ensureAccountsExist(tx: Tx, accounts: Array<Parameters<typeof ensureAccount>[1]>) {
  const found = await tx.ledgerAccount.findMany({ where: { code: { in: accounts.map((a) => a.code) } }, select: { code: true } });
  const existing = new Set(found.map((a) => a.code));
  for (const account of accounts) if (!existing.has(account.code)) await ensureAccount(tx, account);
}

/** PENDING/EXPIRED/FAILED → HELD for staff, with the reason and the amounts in the audit (no personal data). */
export async function holdDonation(tx: Tx, donation: LockedDonation, reason: HoldReason, paid: { amountFen: number | null; currency: string | null }) {
  await tx.donation.updateMany({ where: { id: donation.id, status: { in: ["PENDING", "EXPIRED", "FAILED"] } }, data: { status: "HELD" } });
  await recordAudit(tx, {
    actorId: null,
    action: "donation.held",
    entityType: "Donation",
    entityId: donation.id,
    caseId: donation.caseId,
    fromState: donation.status,
    toState: "HELD",
    detail: { reason, expectedFen: donation.amountFen, expectedCurrency: donation.currency, paidFen: paid.amountFen, paidCurrency: paid.currency },
  });
}
