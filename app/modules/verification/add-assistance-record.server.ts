import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { TransitionRefusedError } from "../cases/transition-case.server.ts";
import type { AddAssistanceRecordForm } from "./verification-schemas.server.ts";
import { VerificationRefusedError } from "./verification-refused-error.server.ts";

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * Records a benefit the household already gets or got (低保, 临时救助 …), found while verifying,
 * against the person's ID hash so the duplicate check and the missed-aid hints see it. Allowed
 * while the case is being verified (ACCEPTED); it does not change the case, so the verify form's
 * version stays valid. The audit names the programme only.
 */
export function addAssistanceRecord(input: { caseId: string; user: CurrentUser; form: AddAssistanceRecordForm }) {
  const { caseId, user, form } = input;
  return prisma.$transaction(async (tx) => {
    const found = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, regionCode: true, beneficiary: { select: { idNumberHash: true } } } });
    if (found.status !== "ACCEPTED") throw new TransitionRefusedError("notAllowedFromStatus");
    const idNumberHash = found.beneficiary?.idNumberHash;
    if (!idNumberHash) throw new VerificationRefusedError({}, { formError: "casework.records.idNumberFirst", status: 422 });
    const record = await tx.assistanceRecord.create({
      data: {
        idNumberHash,
        programme: form.programme,
        regionCode: found.regionCode,
        amountFen: form.amount,
        purpose: form.purpose ?? null,
        startedOn: dateOnly(form.startedOn),
        endedOn: form.endedOn ? dateOnly(form.endedOn) : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "assistanceRecord.create",
      entityType: "AssistanceRecord",
      entityId: record.id,
      caseId,
      detail: { programme: form.programme },
    });
    return record;
  });
}
