import { data } from "@remix-run/node";
import { InsufficientBalanceError } from "../ledger/post-ledger-transaction.server.ts";
import { CaseChangedError, TransitionRefusedError } from "./transition-case.server.ts";

/**
 * Expected failures of a case action as a form answer in the user's language (the key is
 * translated by the page): 409 when someone else changed the case first, 422 when the rules refuse.
 * Anything else is a real error and goes to the error boundary.
 */
export function caseActionError(error: unknown) {
  if (error instanceof CaseChangedError) return data({ formError: "errors.conflictBody", fieldErrors: {} as Record<string, string[]> }, { status: 409 });
  if (error instanceof TransitionRefusedError) {
    const status = error.reason === "reasonRequired" ? 400 : 422;
    const fieldErrors: Record<string, string[]> = error.reason === "reasonRequired" ? { reason: ["validation.required"] } : {};
    return data({ formError: `caseActions.transitionError.${error.reason}`, fieldErrors }, { status });
  }
  if (error instanceof InsufficientBalanceError) return data({ formError: "caseActions.insufficientBalance", fieldErrors: {} as Record<string, string[]> }, { status: 422 });
  throw error;
}
