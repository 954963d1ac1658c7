import type { HouseholdFacts } from "~/domain/indices/household-facts.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { CaseChangedError, TransitionRefusedError, transitionCase } from "../cases/transition-case.server.ts";
import { assessHousehold, CASE_ASSESSMENT_SELECT, HOUSEHOLD_FACT_FIELDS, indexColumns } from "./assess-household.server.ts";
import { findDuplicates, hasDuplicates } from "./find-duplicates.server.ts";
import { VerificationRefusedError } from "./verification-refused-error.server.ts";
import type { VerifyCaseForm } from "./verification-schemas.server.ts";

/**
 * 入户核实: saves the household data on Beneficiary and the indices on Case, and with
 * intent=verify also moves the case ACCEPTED → VERIFIED — all in one transaction. Completing needs
 * the ID number (for the duplicate check) and, when the check finds other cases or recent
 * assistance of the same person, the user's acknowledgement that they saw them. Both intents are a
 * compare-and-set on the case's version, so a stale form or a second click gets CaseChangedError.
 * The audit lists field names only.
 */
export function verifyCase(input: { caseId: string; user: CurrentUser; form: VerifyCaseForm; now?: Date }) {
  const { caseId, user, form } = input;
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: CASE_ASSESSMENT_SELECT });
    if (found.version !== form.version) throw new CaseChangedError(caseId);
    if (found.status !== "ACCEPTED") throw new TransitionRefusedError("notAllowedFromStatus");
    const beneficiary = found.beneficiary;
    if (!beneficiary) throw new VerificationRefusedError({}, { formError: "casework.verify.noBeneficiary", status: 422 });

    // The number on file stays: the field is only offered while none is recorded.
    const newIdNumber = beneficiary.idNumberHash ? null : (form.idNumber ?? null);
    const idNumberHash = beneficiary.idNumberHash ?? (newIdNumber ? piiCrypto().hashIdNumber(newIdNumber) : null);
    if (form.intent === "verify" && !idNumberHash) throw new VerificationRefusedError({ idNumber: ["casework.verify.idNumberRequired"] });

    const duplicates = await findDuplicates(tx, { caseId, idNumberHash, scopeRegionCode: user.scopeRegionCode, today: shanghaiDate(now) });
    const isDuplicate = hasDuplicates(duplicates);
    if (form.intent === "verify" && isDuplicate && !form.acknowledgeDuplicates) {
      throw new VerificationRefusedError({ acknowledgeDuplicates: ["casework.verify.acknowledgeRequired"] }, { duplicates });
    }

    const household: HouseholdFacts = {
      householdSize: form.householdSize,
      monthlyIncomeFen: form.monthlyIncome,
      monthlyEssentialFen: form.monthlyEssential,
      housing: form.housing ?? null,
      vulnerableMembers: form.vulnerableMembers,
    };
    const assessment = await assessHousehold(tx, { caseRow: found, household, idNumberHash, now });
    const columns = indexColumns(assessment);
    const indexData = { ...columns, indexParts: columns.indexParts as unknown as Prisma.InputJsonValue };

    const fields: string[] = HOUSEHOLD_FACT_FIELDS.filter((f) => JSON.stringify(beneficiary[f] ?? null) !== JSON.stringify(household[f] ?? null));
    if (newIdNumber) fields.push("idNumber");
    const detail = { fields, duplicateHits: duplicates.cases.length + duplicates.records.length, duplicatesAcknowledged: isDuplicate && form.acknowledgeDuplicates };

    if (form.intent === "verify") {
      await transitionCase(tx, { caseId, event: "verify", actor: user, expectedVersion: form.version, data: { ...indexData, verificationDueOn: null }, detail, now });
    } else {
      const updated = await tx.case.updateMany({
        where: { id: caseId, version: form.version, status: "ACCEPTED" },
        data: { ...indexData, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new CaseChangedError(caseId);
      await recordAudit(tx, { actorId: user.id, action: "case.household.update", entityType: "Beneficiary", entityId: beneficiary.id, caseId, detail });
    }

    await tx.beneficiary.update({
      where: { id: beneficiary.id },
      data: {
        ...household,
        ...(newIdNumber && { idNumberEncrypted: piiCrypto().encrypt(newIdNumber), idNumberHash }),
      },
    });
    return { intent: form.intent, povertyIndex: columns.povertyIndex, needIndex: columns.needIndex };
  });
}
