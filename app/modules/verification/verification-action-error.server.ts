import { data } from "@remix-run/node";
import { caseActionError } from "../cases/case-action-errors.server.ts";
import { VerificationRefusedError } from "./verification-refused-error.server.ts";

/**
 * A refused verify-tab form as a form answer: VerificationRefusedError → 400/422 with the field
 * messages, the duplicate hits to show and the user's input to refill (never the ID number);
 * the case-level errors (409 changed, 422 not allowed) as caseActionError answers them.
 */
export function verificationActionError(error: unknown, formId: "household" | "record", values?: Record<string, string>) {
  if (error instanceof VerificationRefusedError) {
    return data(
      { formId, formError: error.options.formError ?? "validation.formHasErrors", fieldErrors: error.fieldErrors, values, duplicates: error.options.duplicates ?? null },
      { status: error.options.status ?? 400 },
    );
  }
  return caseActionError(error);
}
