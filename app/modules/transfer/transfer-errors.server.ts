import { data } from "@remix-run/node";
import type { TransferRefusal } from "~/domain/case-transfer.ts";
import type { FieldErrors } from "~/utils/validation.ts";
import { caseActionError } from "../cases/case-action-errors.server.ts";

export class TransferRefusedError extends Error {
  constructor(readonly reason: TransferRefusal | "officeNotFound") {
    super(`transfer refused: ${reason}`);
    this.name = "TransferRefusedError";
  }
}

/**
 * A refused transfer as a form answer: a bad choice of office is a field error (400 for an
 * unknown or the same office, 422 for one the rules exclude); a closed case is 422; a stale
 * version is the case actions' 409.
 */
export function transferActionError(error: unknown) {
  if (!(error instanceof TransferRefusedError)) return caseActionError(error);
  const fieldError = (status: number) =>
    data({ formError: "validation.formHasErrors", fieldErrors: { toOfficeId: [`transfer.errors.${error.reason}`] } as FieldErrors }, { status });
  switch (error.reason) {
    case "finalStatus":
      return data({ formError: "transfer.errors.finalStatus", fieldErrors: {} as FieldErrors }, { status: 422 });
    case "sameOffice":
    case "officeNotFound":
      return fieldError(400);
    case "officeOutOfScope":
    case "officeOffBranch":
      return fieldError(422);
  }
}
