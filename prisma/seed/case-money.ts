// The money side of a demo case: fund grants (with 一事一议 review above the threshold), paid
// gifts, and the commitment rows that record every resource against its need line.
import type { Prisma } from "~/generated/prisma/client.ts";
import { caseIdOf, donationIdOf, FUND_REVIEWER, HOUR_MS, sourceOf, type CaseSeedContext, type PlannedNumbers } from "./case-plan.ts";
import type { CaseSpec, CommitmentSpec } from "./case-spec.ts";
import { FUNDS } from "./funds.ts";
import { caseAccount, DONORS_ACCOUNT, fundAccount, postLedgerTransaction } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { ORGS } from "./organizations.ts";
import { PROJECTS, SUPPLY_OFFERS, VOLUNTEER_OFFERS } from "./resources.ts";

const PLEDGE_VALID_DAYS = 7;

export async function writeGrant(tx: Prisma.TransactionClient, ctx: CaseSeedContext, spec: CaseSpec, c: CommitmentSpec, caseNo: string, t: (h: number) => Date) {
  const { users } = ctx;
  const fundKey = c.fund!;
  const fund = FUNDS[fundKey];
  const grant = c.grant!;
  const id = `${caseIdOf(spec.key)}-grant-${c.key}`;
  const needsReview = c.amount > fund.reviewThresholdFen;
  const reviewerKey = FUND_REVIEWER[fundKey];
  const reviewed = needsReview && (grant.status === "POSTED" || grant.status === "APPROVED" || grant.status === "REJECTED");
  if (reviewed && !reviewerKey) throw new Error(`Case ${spec.key}: no reviewer for ${fund.name}`);
  if (needsReview && grant.status === "POSTED" && !reviewed) throw new Error(`Case ${spec.key}: grant above threshold posted without review`);
  const reviewedAt = reviewed ? t(c.at + 2) : null;
  const requestedById = users[spec.staff];

  let transactionId: string | null = null;
  if (grant.status === "POSTED") {
    const posting = await postLedgerTransaction(tx, {
      kind: "GRANT",
      idempotencyKey: `seed:grant:${id}`,
      memo: `${fund.name} → ${caseNo}：${grant.purpose}`,
      counterparty: fund.name,
      createdById: reviewed ? users[reviewerKey!] : requestedById,
      occurredAt: reviewedAt ?? t(c.at),
      entries: [
        { accountCode: fundAccount(fund.id), amountFen: -c.amount },
        { accountCode: caseAccount(caseNo), amountFen: c.amount },
      ],
    });
    transactionId = posting.id;
  }
  await tx.fundGrant.create({
    data: {
      id,
      fundId: fund.id,
      caseId: caseIdOf(spec.key),
      amountFen: c.amount,
      purpose: grant.purpose,
      isAdvance: grant.isAdvance ?? false,
      status: grant.status,
      requestedById,
      reviewedById: reviewed ? users[reviewerKey!] : null,
      reviewNote: reviewed ? (grant.reviewNote ?? "同意。") : null,
      requestedAt: t(c.at),
      reviewedAt,
      transactionId,
    },
  });
}

export async function writeDonation(
  tx: Prisma.TransactionClient,
  ctx: CaseSeedContext,
  spec: CaseSpec,
  c: CommitmentSpec,
  caseNo: string,
  numbers: PlannedNumbers,
  t: (h: number) => Date,
  needId: string,
) {
  const id = donationIdOf(spec, c.key);
  const paidAt = t(c.at);
  const isCard = c.donation!.method === "CARD";
  const donorName = c.isAnonymous ? null : (c.pledgerName ?? null);
  await tx.donation.create({
    data: {
      id,
      receiptNo: numbers.receipts.get(id)!,
      caseId: caseIdOf(spec.key),
      needId,
      amountFen: c.amount,
      method: c.donation!.method,
      status: "PAID",
      donorName,
      isAnonymous: c.isAnonymous ?? false,
      donorEmail: c.donation!.donorEmail ?? null,
      userId: c.pledger ? ctx.users[c.pledger] : null,
      // Recognisably fake Stripe ids: the demo never talked to Stripe.
      stripeCheckoutSessionId: isCard ? `cs_seed_${spec.key}_${c.key}` : null,
      stripePaymentIntentId: isCard ? `pi_seed_${spec.key}_${c.key}` : null,
      createdAt: new Date(paidAt.getTime() - 0.2 * HOUR_MS),
      paidAt,
    },
  });
  await postLedgerTransaction(tx, {
    kind: "DONATION",
    idempotencyKey: `seed:donation:${id}`,
    memo: `${isCard ? "银行卡在线捐款" : "线下转账捐款"} → ${caseNo}`,
    counterparty: donorName ?? "爱心人士",
    donationId: id,
    createdById: isCard ? undefined : ctx.users[spec.staff],
    occurredAt: paidAt,
    entries: [
      { accountCode: DONORS_ACCOUNT, amountFen: -c.amount },
      { accountCode: caseAccount(caseNo), amountFen: c.amount },
    ],
  });
}

export function commitmentRow(ctx: CaseSeedContext, spec: CaseSpec, c: CommitmentSpec, caseId: string, needId: string, t: (h: number) => Date): Prisma.CommitmentCreateManyInput {
  const { users } = ctx;
  const staffId = users[spec.staff];
  const pledgedAt = t(c.at);
  const fundReviewed = c.source === "FUND" && c.amount > FUNDS[c.fund!].reviewThresholdFen && c.status === "DELIVERED";
  // Fund grants and gifts are confirmed and delivered when posted; the rest as the spec says.
  const immediate = c.source === "FUND" || c.source === "DONATION" || c.source === "GOVERNMENT";
  const confirmedAt =
    c.status === "CONFIRMED" || c.status === "DELIVERED" ? t(c.at + (immediate ? (fundReviewed ? 2 : 0) : (c.confirmedAfter ?? 0))) : null;
  const deliveredAt = c.status === "DELIVERED" ? t(c.at + (immediate ? (fundReviewed ? 2 : 0) : (c.deliveredAfter ?? c.confirmedAfter ?? 0))) : null;
  const expiresAt = c.source === "DIRECT_PLEDGE" && (c.status === "PLEDGED" || c.status === "EXPIRED") ? new Date(pledgedAt.getTime() + PLEDGE_VALID_DAYS * 24 * HOUR_MS) : null;
  if (c.status === "EXPIRED" && expiresAt! > ctx.clock.now) throw new Error(`Case ${spec.key}: ${c.key} cannot have expired yet`);
  const cancelledAt = c.status === "CANCELLED" ? t(c.at + 20) : c.status === "EXPIRED" ? expiresAt : null;
  const giver = sourceOf(c);

  return {
    id: `${caseId}-${c.key}`,
    caseId,
    needId,
    source: c.source,
    fundId: c.fund ? FUNDS[c.fund].id : null,
    projectId: c.project ? PROJECTS[c.project].id : null,
    volunteerOfferId: c.volunteerOffer ? VOLUNTEER_OFFERS[c.volunteerOffer].id : null,
    supplyOfferId: c.supplyOffer ? SUPPLY_OFFERS[c.supplyOffer].id : null,
    organizationId: c.org ? ORGS[c.org].id : null,
    pledgerId: c.pledger ? users[c.pledger] : null,
    pledgerName: c.isAnonymous ? "爱心人士" : (c.pledgerName ?? giver?.name ?? null),
    isAnonymous: c.isAnonymous ?? false,
    amount: c.amount,
    status: c.status,
    version: { PLEDGED: 0, CONFIRMED: 1, DELIVERED: 2, CANCELLED: 1, EXPIRED: 1 }[c.status],
    note: c.note ?? null,
    pledgedAt,
    expiresAt,
    confirmedAt,
    confirmedById: confirmedAt ? staffId : null,
    deliveredAt,
    deliveredById: deliveredAt ? (c.pledger && !immediate ? users[c.pledger] : staffId) : null,
    cancelledAt,
    cancelReason: c.cancelReason ?? null,
  };
}
