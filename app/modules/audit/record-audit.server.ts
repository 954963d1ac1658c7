import type { Prisma } from "~/generated/prisma/client.ts";
import type { Db, Tx } from "~/utils/db.server.ts";

export type AuditInput = {
  actorId: string | null;
  action: string; // "case.accept", "case.viewPersonalData", "case.transfer" …
  entityType: string;
  entityId: string;
  caseId?: string | null;
  fromState?: string | null;
  toState?: string | null;
  /** Never personal data: ids, field names, reasons. */
  detail?: Prisma.InputJsonValue;
};

/** Writes one AuditEvent; pass the transaction client so it commits or fails with the change. */
export function recordAudit(db: Db | Tx, input: AuditInput) {
  return db.auditEvent.create({ data: { ...input, caseId: input.caseId ?? null } });
}
