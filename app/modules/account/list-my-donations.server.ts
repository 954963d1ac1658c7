import { PUBLIC_STATUSES } from "~/modules/public/public-case-select.server.ts";
import { prisma } from "~/utils/db.server.ts";

export const MY_HISTORY_LIMIT = 50;

/**
 * A person's gifts: those made while signed in. Gifts given signed out are NOT matched by email:
 * sign-up does not prove the address is one's own, so anyone could claim a donor's history by
 * registering with it. Those donors keep their receipt links from the receipt mail.
 */
export async function listMyDonations(user: { id: string }) {
  const rows = await prisma.donation.findMany({
    where: { userId: user.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MY_HISTORY_LIMIT,
    select: {
      id: true,
      receiptNo: true,
      amountFen: true,
      status: true,
      method: true,
      createdAt: true,
      paidAt: true,
      redirectedToFund: true,
      case: { select: { caseNo: true, publicTitle: true, status: true } },
      fund: { select: { name: true } },
    },
  });
  return rows.map(({ case: caseRow, ...row }) => {
    const isPublic = caseRow !== null && (PUBLIC_STATUSES as readonly string[]).includes(caseRow.status);
    return { ...row, case: caseRow ? { caseNo: caseRow.caseNo, publicTitle: isPublic ? caseRow.publicTitle : null, isPublic } : null };
  });
}
