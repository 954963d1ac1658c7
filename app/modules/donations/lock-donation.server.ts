import type { DonationStatusName } from "~/domain/donations/stripe-event-rules.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import type { Tx } from "~/utils/db.server.ts";

/** The columns the webhook's decisions read. */
export type LockedDonation = {
  id: string;
  receiptNo: string;
  status: DonationStatusName;
  amountFen: number;
  currency: string;
  caseId: string | null;
  needId: string | null;
  fundId: string | null;
  redirectedToFund: boolean;
  donorName: string | null;
  isAnonymous: boolean;
  donorEmail: string | null;
  userId: string | null;
  createdAt: Date;
  stripeCheckoutSessionId: string | null;
  stripePaymentIntentId: string | null;
};

// A fixed list of quoted column names (no input in it), so Prisma.raw is safe here.
const COLUMNS = Prisma.raw(
  [
    '"id"', '"receiptNo"', '"status"::text AS "status"', '"amountFen"', '"currency"', '"caseId"', '"needId"', '"fundId"', '"redirectedToFund"',
    '"donorName"', '"isAnonymous"', '"donorEmail"', '"userId"', '"createdAt"', '"stripeCheckoutSessionId"', '"stripePaymentIntentId"',
  ].join(", "),
);

/**
 * Finds a donation and locks its row for the rest of the transaction (SELECT … FOR UPDATE, one
 * statement on the webhook's hot path): every event about one payment — duplicates, the
 * completed/async pair, a refund — queues here, and the second one reads what the first one wrote.
 */
export async function lockDonation(tx: Tx, by: { id: string } | { sessionId: string } | { paymentIntentId: string }): Promise<LockedDonation | null> {
  const rows =
    "id" in by
      ? await tx.$queryRaw<LockedDonation[]>`SELECT ${COLUMNS} FROM "Donation" WHERE "id" = ${by.id} FOR UPDATE`
      : "sessionId" in by
        ? await tx.$queryRaw<LockedDonation[]>`SELECT ${COLUMNS} FROM "Donation" WHERE "stripeCheckoutSessionId" = ${by.sessionId} FOR UPDATE`
        : await tx.$queryRaw<LockedDonation[]>`SELECT ${COLUMNS} FROM "Donation" WHERE "stripePaymentIntentId" = ${by.paymentIntentId} FOR UPDATE`;
  return rows[0] ?? null;
}

/** The case row lock: every money movement of one case queues here (coverage, fulfilment, refunds). */
export async function lockCase(tx: Tx, caseId: string) {
  const rows = await tx.$queryRaw<{ id: string; caseNo: string; status: string; regionCode: string }[]>`
    SELECT "id", "caseNo", "status"::text AS "status", "regionCode" FROM "Case" WHERE "id" = ${caseId} FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}
