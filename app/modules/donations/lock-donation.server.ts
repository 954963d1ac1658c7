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

export type LockedCase = { id: string; caseNo: string; status: string; regionCode: string };

/** The case row lock: every money movement of one case queues here (coverage, fulfilment, refunds). */
export async function lockCase(tx: Tx, caseId: string): Promise<LockedCase | null> {
  const rows = await tx.$queryRaw<LockedCase[]>`
    SELECT "id", "caseNo", "status"::text AS "status", "regionCode" FROM "Case" WHERE "id" = ${caseId} FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}

/**
 * lockDonation by id, then lockCase of its case, in one statement: the webhook's hot path pays one
 * round trip for the two locks instead of two. The order is the same as calling the two in turn —
 * the MATERIALIZED CTE locks the donation row before the lateral subquery locks the case row (with
 * the same strength as lockCase) — so a refund or a second event about the same gift queues exactly
 * where it did.
 */
export async function lockDonationAndCase(tx: Tx, id: string): Promise<{ donation: LockedDonation; lockedCase: LockedCase | null } | null> {
  const rows = await tx.$queryRaw<Array<LockedDonation & { lockedCaseNo: string | null; lockedCaseStatus: string | null; lockedCaseRegionCode: string | null }>>`
    WITH "d" AS MATERIALIZED (SELECT ${COLUMNS} FROM "Donation" WHERE "id" = ${id} FOR UPDATE)
    SELECT "d".*, "c"."caseNo" AS "lockedCaseNo", "c"."status" AS "lockedCaseStatus", "c"."regionCode" AS "lockedCaseRegionCode"
      FROM "d" LEFT JOIN LATERAL (SELECT "caseNo", "status"::text AS "status", "regionCode" FROM "Case" WHERE "id" = "d"."caseId" FOR NO KEY UPDATE) "c" ON TRUE`;
  const row = rows[0];
  if (!row) return null;
  const { lockedCaseNo, lockedCaseStatus, lockedCaseRegionCode, ...donation } = row;
  const lockedCase = donation.caseId && lockedCaseNo !== null ? { id: donation.caseId, caseNo: lockedCaseNo, status: lockedCaseStatus!, regionCode: lockedCaseRegionCode! } : null;
  return { donation, lockedCase };
}
