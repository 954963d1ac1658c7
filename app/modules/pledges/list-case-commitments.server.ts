import { allowedCommitmentIntents, type CommitmentIntent } from "~/domain/pledges/commitment-status.ts";
import { donationIdOfCommitment } from "~/domain/pledges/pledge-rules.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * The case file's pledges tab: every commitment of the case (newest first) with its line, giver,
 * private contact (staff only), who confirmed and delivered it, the offline transfer behind a
 * transfer pledge, and the steps staff may take now. Fund grants' commitments are listed without
 * steps (they move with the grant's review), and so are card gifts (the webhook records them).
 */
export async function listCaseCommitments(caseId: string) {
  const rows = await prisma.commitment.findMany({
    where: { caseId },
    orderBy: [{ pledgedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      source: true,
      status: true,
      version: true,
      amount: true,
      pledgerName: true,
      isAnonymous: true,
      pledgerContact: true,
      note: true,
      pledgedAt: true,
      expiresAt: true,
      confirmedAt: true,
      confirmedById: true,
      deliveredAt: true,
      deliveredById: true,
      cancelledAt: true,
      cancelReason: true,
      organization: { select: { name: true } },
      need: { select: { id: true, kind: true, title: true, unit: true } },
    },
  });
  const donationIds = rows.map((r) => donationIdOfCommitment(r.id)).filter((id): id is string => id !== null);
  const userIds = [...new Set(rows.flatMap((r) => [r.confirmedById, r.deliveredById]).filter((id): id is string => id !== null))];
  const [donations, users] = await Promise.all([
    prisma.donation.findMany({ where: { id: { in: donationIds } }, select: { id: true, receiptNo: true, method: true, status: true, amountFen: true, expiresAt: true, paidAt: true } }),
    prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }),
  ]);
  const donationById = new Map(donations.map((d) => [d.id, d]));
  const nameById = new Map(users.map((u) => [u.id, u.displayName]));

  return rows.map(({ confirmedById, deliveredById, ...row }) => {
    const donationId = donationIdOfCommitment(row.id);
    const donation = donationId ? (donationById.get(donationId) ?? null) : null;
    let intents: CommitmentIntent[] = allowedCommitmentIntents(row.status, row.source, row.need.kind, "staff");
    if (row.source === "FUND") intents = [];
    if (row.source === "DONATION") {
      const isPendingTransfer = donation?.method === "TRANSFER" && donation.status === "PENDING";
      intents = isPendingTransfer ? intents.filter((i) => i === "receive" || i === "expire") : [];
    }
    return {
      ...row,
      donation,
      confirmedBy: confirmedById ? (nameById.get(confirmedById) ?? null) : null,
      deliveredBy: deliveredById ? (nameById.get(deliveredById) ?? null) : null,
      intents,
    };
  });
}

export type CaseCommitmentRow = Awaited<ReturnType<typeof listCaseCommitments>>[number];
