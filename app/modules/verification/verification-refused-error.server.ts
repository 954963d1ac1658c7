import type { FieldErrors } from "~/utils/validation.ts";
import type { DuplicateHits } from "./find-duplicates.server.ts";

/**
 * Bad input found once the case's own data is known (no ID number on file, duplicates not
 * acknowledged): thrown inside the transaction so nothing is written, answered 400 (or 422 when
 * the case itself is not fit for the step). Carries the duplicate hits so the form can show them.
 */
export class VerificationRefusedError extends Error {
  constructor(
    readonly fieldErrors: FieldErrors,
    readonly options: { formError?: string; duplicates?: DuplicateHits; status?: 400 | 422 } = {},
  ) {
    super("verification refused");
    this.name = "VerificationRefusedError";
  }
}
