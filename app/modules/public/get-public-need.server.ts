import { prisma } from "~/utils/db.server.ts";
import { PUBLIC_CASE_SELECT, PUBLIC_STATUSES } from "./public-case-select.server.ts";

/** A published (or fulfilled/closed) case's public face and timeline; null when not public. */
export async function getPublicNeed(caseNo: string) {
  return prisma.case.findFirst({
    where: { caseNo, status: { in: [...PUBLIC_STATUSES] } },
    select: {
      ...PUBLIC_CASE_SELECT,
      updates: { where: { isPublic: true }, orderBy: { at: "desc" }, select: { id: true, at: true, text: true } },
    },
  });
}
