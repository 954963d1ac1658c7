import { checkTransfer } from "~/domain/case-transfer.ts";
import type { CaseStatusName } from "~/domain/case-status.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { CaseChangedError } from "../cases/transition-case.server.ts";
import { TransferRefusedError } from "./transfer-errors.server.ts";

export type TransferCaseInput = {
  caseId: string;
  toOfficeId: string;
  reason: string;
  /** The version the user saw (hidden form field). */
  expectedVersion: number;
  user: Pick<CurrentUser, "id" | "scopeRegionCode">;
};

/**
 * 首问负责制: hands a case to another office, the only way its owner changes. One transaction:
 * a compare-and-set on (id, owner office, version) moves the owner and bumps the version (the
 * case's region and status stay), the CaseTransfer row records from/to/why/who, and the audit
 * event `case.transfer` commits with them. Two transfers of the same version: one wins, the other
 * gets CaseChangedError (409).
 */
export function transferCase(input: TransferCaseInput, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.case.findUniqueOrThrow({
      where: { id: input.caseId },
      select: { status: true, version: true, ownerOfficeId: true, regionCode: true },
    });
    if (current.version !== input.expectedVersion) throw new CaseChangedError(input.caseId);

    const target = await tx.office.findUnique({ where: { id: input.toOfficeId }, select: { id: true, regionCode: true } });
    if (!target) throw new TransferRefusedError("officeNotFound");
    const check = checkTransfer({
      caseStatus: current.status as CaseStatusName,
      caseRegionCode: current.regionCode,
      ownerOfficeId: current.ownerOfficeId,
      target,
      actorScopeRegionCode: input.user.scopeRegionCode,
    });
    if (!check.ok) throw new TransferRefusedError(check.refusal);

    const updated = await tx.case.updateMany({
      where: { id: input.caseId, ownerOfficeId: current.ownerOfficeId, version: current.version },
      data: { ownerOfficeId: target.id, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new CaseChangedError(input.caseId);

    await tx.caseTransfer.create({
      data: { caseId: input.caseId, fromOfficeId: current.ownerOfficeId, toOfficeId: target.id, reason: input.reason, byUserId: input.user.id, at: now },
    });
    await recordAudit(tx, {
      actorId: input.user.id,
      action: "case.transfer",
      entityType: "Case",
      entityId: input.caseId,
      caseId: input.caseId,
      detail: { fromOfficeId: current.ownerOfficeId, toOfficeId: target.id },
    });
    return { fromOfficeId: current.ownerOfficeId, toOfficeId: target.id, version: current.version + 1 };
  });
}
