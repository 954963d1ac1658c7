import { findPiiInPublicText, type BeneficiaryPii } from "~/domain/pii-guard.ts";
import type { Db, Tx } from "~/utils/db.server.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { msg, type FieldErrors } from "~/utils/validation.ts";

/** Which kind of public text a field is, for the message ("标题中含有…"): publication.piiField.*. */
export type PublicTextField = "alias" | "publicTitle" | "publicStory" | "lineTitle" | "outcome";

export type PublicText = { formField: string; field: PublicTextField; text: string };

/** Public text gave the beneficiary away: refused with a message on each offending field (422). */
export class PublicTextPiiError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("public text contains personal data");
    this.name = "PublicTextPiiError";
  }
}

/** The beneficiary's identifying data, decrypted for the comparison only: never returned or logged. */
export async function loadBeneficiaryPii(db: Db | Tx, caseId: string): Promise<BeneficiaryPii> {
  const beneficiary = await db.beneficiary.findUnique({
    where: { caseId },
    select: { name: true, idNumberEncrypted: true, phone: true, address: true },
  });
  if (!beneficiary) return {};
  return {
    name: beneficiary.name,
    idNumber: beneficiary.idNumberEncrypted ? piiCrypto().decrypt(beneficiary.idNumberEncrypted) : undefined,
    phone: beneficiary.phone ?? undefined,
    address: beneficiary.address ?? undefined,
  };
}

/**
 * The PII guard over every public text of a form: a message per offending field saying which kind
 * of personal data it holds (publication.pii.found), empty when all is clean.
 */
export function piiFieldErrors(texts: readonly PublicText[], pii: BeneficiaryPii): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const { formField, field, text } of texts) {
    const findings = findPiiInPublicText(text, pii);
    if (findings.length > 0) fieldErrors[formField] = findings.map((f) => msg("publication.pii.found", { field, kind: f.kind }));
  }
  return fieldErrors;
}

/** Throws PublicTextPiiError (inside the caller's transaction, so nothing is written) when any text leaks. */
export async function assertPublicTextClean(db: Db | Tx, caseId: string, texts: readonly PublicText[]) {
  const fieldErrors = piiFieldErrors(texts, await loadBeneficiaryPii(db, caseId));
  if (Object.keys(fieldErrors).length > 0) throw new PublicTextPiiError(fieldErrors);
}
