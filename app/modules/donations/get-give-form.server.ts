import { pickCashLine, remainingFen } from "~/domain/donations/gift-amount.ts";
import { isCardGivingEnabled } from "~/integrations/stripe.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { PUBLIC_STATUSES } from "../public/public-case-select.server.ts";

/**
 * What /needs/:caseNo/give shows: the case's public title, whether it takes gifts (PUBLISHED with
 * an open cash line) and up to how much, and whether card giving is configured. Null when the case
 * is not public.
 */
export async function getGiveForm(caseNo: string) {
  const found = await prisma.case.findFirst({
    where: { caseNo, status: { in: [...PUBLIC_STATUSES] } },
    select: {
      caseNo: true,
      status: true,
      alias: true,
      publicTitle: true,
      needs: { where: { kind: "CASH" }, select: { id: true, kind: true, status: true, target: true, committed: true, sortOrder: true } },
    },
  });
  if (!found) return null;
  const line = found.status === "PUBLISHED" ? pickCashLine(found.needs) : null;
  return {
    caseNo: found.caseNo,
    alias: found.alias,
    publicTitle: found.publicTitle,
    isOpen: line !== null,
    capFen: line ? remainingFen(line) : 0,
    isCardEnabled: isCardGivingEnabled(),
  };
}

export type GiveFormData = NonNullable<Awaited<ReturnType<typeof getGiveForm>>>;
