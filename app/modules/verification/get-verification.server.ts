import { maskIdNumber } from "~/domain/id-number.ts";
import type { HouseholdFacts } from "~/domain/indices/household-facts.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { isoDateOf, shanghaiDate } from "~/utils/dates.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { assessHousehold, CASE_ASSESSMENT_SELECT, HOUSEHOLD_FACT_FIELDS, type StoredIndices } from "./assess-household.server.ts";
import { assistanceRecordRow } from "./assistance-record-row.server.ts";
import { findDuplicates, NO_DUPLICATES } from "./find-duplicates.server.ts";

/** The person's assistance records listed on the tab (newest first). */
export const RECORDS_SHOWN = 50;

function storedIndices(value: unknown): StoredIndices | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<StoredIndices>;
  return v.poverty && v.need && Array.isArray(v.poverty.parts) && Array.isArray(v.need.parts) ? (v as StoredIndices) : null;
}

/**
 * Everything the verify tab shows: the household data (the ID number masked — the full number
 * never leaves the server), the person's assistance records, the duplicate check, the indices and
 * the missed-aid hints. Reading the household's personal data is audited in the same transaction.
 *
 * While the case is ACCEPTED the indices are a preview computed from the data saved so far; after
 * verification they are the stored ones (Case.indexParts), as they were when the case was verified.
 */
export function getVerification(caseId: string, user: CurrentUser, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const found = await tx.case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        ...CASE_ASSESSMENT_SELECT,
        caseNo: true,
        verifiedAt: true,
        verificationDueOn: true,
        povertyIndex: true,
        needIndex: true,
        indexParts: true,
        beneficiary: { select: { ...CASE_ASSESSMENT_SELECT.beneficiary.select, idNumberEncrypted: true } },
      },
    });
    const b = found.beneficiary;
    if (b) {
      await recordAudit(tx, {
        actorId: user.id,
        action: "case.viewPersonalData",
        entityType: "Beneficiary",
        entityId: b.id,
        caseId,
        detail: { fields: ["idNumber", ...HOUSEHOLD_FACT_FIELDS, "assistanceRecords"], tab: "verify" },
      });
    }
    const idNumberHash = b?.idNumberHash ?? null;
    const records = idNumberHash
      ? await tx.assistanceRecord.findMany({
          where: { idNumberHash },
          orderBy: [{ startedOn: "desc" }, { createdAt: "desc" }],
          take: RECORDS_SHOWN,
          select: { id: true, programme: true, startedOn: true, endedOn: true, amountFen: true, purpose: true, case: { select: { caseNo: true } } },
        })
      : [];
    const duplicates = idNumberHash
      ? await findDuplicates(tx, { caseId, idNumberHash, scopeRegionCode: user.scopeRegionCode, today: shanghaiDate(now) })
      : NO_DUPLICATES;

    const household: HouseholdFacts | null = b && {
      householdSize: b.householdSize,
      monthlyIncomeFen: b.monthlyIncomeFen,
      monthlyEssentialFen: b.monthlyEssentialFen,
      housing: b.housing,
      vulnerableMembers: b.vulnerableMembers,
    };
    const live = household ? await assessHousehold(tx, { caseRow: found, household, idNumberHash, now }) : null;
    const stored = storedIndices(found.indexParts);
    const indices = found.status === "ACCEPTED" ? live : stored;

    return {
      caseNo: found.caseNo,
      status: found.status,
      version: found.version,
      verifiedAt: found.verifiedAt,
      verificationDueOn: found.verificationDueOn && isoDateOf(found.verificationDueOn),
      isVerificationOverdue: !!found.verificationDueOn && isoDateOf(found.verificationDueOn) < shanghaiDate(now),
      household,
      hasBeneficiary: !!b,
      idNumberMasked: b?.idNumberEncrypted ? maskIdNumber(piiCrypto().decrypt(b.idNumberEncrypted)) : null,
      hasIdNumber: !!idNumberHash,
      records: records.map((r) => ({ ...assistanceRecordRow(r), purpose: r.purpose })),
      duplicates,
      indices: indices && { poverty: indices.poverty, need: indices.need, inputs: indices.inputs },
      isIndexPreview: found.status === "ACCEPTED",
      hints: live?.hints ?? [],
    };
  });
}
