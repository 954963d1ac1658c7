// One gift's receipt, for the printable page /receipts/:donationId and the receipt mail. The
// donation id (a cuid, unguessable) is the capability to see it, so the receipt carries only what
// its holder may know: never the donor's email, never anything about the beneficiary beyond the
// case's public face, and that only while the case is public.
import { PUBLIC_STATUSES } from "~/modules/public/public-case-select.server.ts";
import { prisma } from "~/utils/db.server.ts";

/** cuids are 25 characters; anything much longer is not an id and is not looked up. */
const MAX_ID_LENGTH = 64;

export type DonationReceipt = NonNullable<Awaited<ReturnType<typeof getDonationReceipt>>>;

export async function getDonationReceipt(donationId: string) {
  if (!donationId || donationId.length > MAX_ID_LENGTH) return null;
  const row = await prisma.donation.findUnique({
    where: { id: donationId },
    select: {
      id: true,
      receiptNo: true,
      amountFen: true,
      method: true,
      status: true,
      donorName: true,
      isAnonymous: true,
      createdAt: true,
      paidAt: true,
      expiresAt: true,
      redirectedToFund: true,
      case: { select: { caseNo: true, publicTitle: true, status: true } },
      fund: { select: { id: true, name: true } },
    },
  });
  if (!row) return null;
  const { donorName, isAnonymous, case: caseRow, ...rest } = row;
  const isCasePublic = caseRow !== null && (PUBLIC_STATUSES as readonly string[]).includes(caseRow.status);
  return {
    ...rest,
    /** null for an anonymous gift: shown as 爱心人士. */
    donorName: isAnonymous || !donorName?.trim() ? null : donorName.trim(),
    /** When the gift was made (paid, else pledged): the date the receipt shows. */
    date: rest.paidAt ?? rest.createdAt,
    case: caseRow ? { caseNo: caseRow.caseNo, publicTitle: isCasePublic ? caseRow.publicTitle : null, isPublic: isCasePublic } : null,
  };
}
