import { data } from "@remix-run/node";
import type { FieldErrors } from "~/utils/validation.ts";
import { InsufficientBalanceError } from "../ledger/post-ledger-transaction.server.ts";

/** The rules refuse a fund action (over the cap, wrong case status …): nothing is written. */
export class FundActionRefusedError extends Error {
  constructor(readonly fieldErrors: FieldErrors, readonly options: { formError?: string; status?: 400 | 404 | 409 | 422 } = {}) {
    super("fund action refused");
    this.name = "FundActionRefusedError";
  }
}

/** 一事一议 four-eyes: the person who asked for a grant may not decide it (403). */
export class OwnGrantReviewError extends Error {
  constructor() {
    super("a grant may not be reviewed by its requester");
    this.name = "OwnGrantReviewError";
  }
}

/** The grant was decided by someone else first (409). */
export class GrantChangedError extends Error {
  constructor(readonly grantId: string) {
    super("grant changed concurrently");
    this.name = "GrantChangedError";
  }
}

/**
 * Expected failures of a fund action as a form answer (keys translated by the page); the values
 * typed are given back so the form keeps them. A fund or case account that would be overdrawn is
 * 422 with a clear message: the ledger refused and rolled the whole action back.
 */
export function fundActionError(error: unknown, values: Record<string, string> = {}) {
  if (error instanceof FundActionRefusedError) {
    return data({ formError: error.options.formError ?? "validation.formHasErrors", fieldErrors: error.fieldErrors, values }, { status: error.options.status ?? 422 });
  }
  if (error instanceof InsufficientBalanceError) {
    const formError = error.accountCode.startsWith("case:") ? "fundDesk.errors.caseBalance" : "fundDesk.errors.fundBalance";
    return data({ formError, fieldErrors: { amount: [formError] } as FieldErrors, values }, { status: 422 });
  }
  if (error instanceof GrantChangedError) return data({ formError: "errors.conflictBody", fieldErrors: {} as FieldErrors, values }, { status: 409 });
  if (error instanceof OwnGrantReviewError) throw data({ status: 403 }, { status: 403 });
  throw error;
}

/** What the user typed, to give back with a refusal (never a secret: these forms have none). */
export function typedValues(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
