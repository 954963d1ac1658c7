import { shanghaiDate } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { suggestPublicFace } from "./suggest-public-face.server.ts";

/**
 * The publish tab: the case's public face and need lines as they stand, the consent on record and
 * suggestions for the alias and age band. The beneficiary's name, ID number and birth data are
 * read here only to derive the suggestions; showing the consent (who agreed) is a view of personal
 * data and is audited in the same transaction, like the overview tab.
 */
export async function getPublishForm(caseId: string, actorId: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const record = await tx.case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        caseNo: true,
        status: true,
        version: true,
        category: true,
        urgency: true,
        alias: true,
        ageBand: true,
        publicTitle: true,
        publicStory: true,
        publishedAt: true,
        region: { select: { fullName: true } },
        needs: {
          where: { status: { not: "CANCELLED" } },
          orderBy: { sortOrder: "asc" },
          select: { id: true, kind: true, title: true, category: true, unit: true, target: true, committed: true },
        },
        beneficiary: {
          select: { name: true, gender: true, birthYear: true, idNumberEncrypted: true, consentBy: true, consentAt: true, consentMethod: true },
        },
      },
    });
    const isEditable = record.status === "VERIFIED";
    const b = record.beneficiary;
    let consent: { by: string | null; at: string | null; method: "SIGNED_FORM" | "RECORDED_CALL" | null } | null = null;
    let suggestion: ReturnType<typeof suggestPublicFace> = { alias: null, ageBand: null };
    if (isEditable && b) {
      consent = { by: b.consentBy, at: b.consentAt && shanghaiDate(b.consentAt), method: b.consentMethod };
      suggestion = suggestPublicFace(
        { name: b.name, gender: b.gender, birthYear: b.birthYear, idNumber: b.idNumberEncrypted ? piiCrypto().decrypt(b.idNumberEncrypted) : null },
        shanghaiDate(now),
      );
      await recordAudit(tx, {
        actorId,
        action: "case.viewPersonalData",
        entityType: "Beneficiary",
        entityId: caseId,
        caseId,
        detail: { fields: ["consentBy", "consentAt", "consentMethod"], tab: "publish" },
      });
    }
    const { beneficiary: _beneficiary, ...rest } = record;
    return {
      ...rest,
      isEditable,
      hasBeneficiary: !!b,
      consent,
      suggestion,
    };
  });
}

export type PublishFormData = Awaited<ReturnType<typeof getPublishForm>>;
