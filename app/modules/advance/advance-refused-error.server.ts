import type { FieldErrors } from "~/utils/validation.ts";

/** An advance the rules refuse (over the cap, no fund): thrown inside the transaction, nothing is written. */
export class AdvanceRefusedError extends Error {
  constructor(readonly fieldErrors: FieldErrors, readonly options: { formError?: string; status?: 400 | 422 } = {}) {
    super("advance refused");
    this.name = "AdvanceRefusedError";
  }
}
