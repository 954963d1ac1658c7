import { prisma } from "~/utils/db.server.ts";

export const AUDIT_TRAIL_LIMIT = 200;

/** A case's trail for its staff page, newest first: who did what and when (no personal data). */
export async function listCaseAudit(caseId: string) {
  const events = await prisma.auditEvent.findMany({
    where: { caseId },
    orderBy: { id: "desc" },
    take: AUDIT_TRAIL_LIMIT,
    select: { id: true, at: true, action: true, fromState: true, toState: true, detail: true, actor: { select: { displayName: true } } },
  });
  return events.map((e) => ({ ...e, id: e.id.toString() })); // BigInt ids do not travel as JSON
}
