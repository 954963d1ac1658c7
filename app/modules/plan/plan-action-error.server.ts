import { data } from "@remix-run/node";
import type { IneligibleReason } from "~/domain/matching/match-types.ts";
import type { FieldErrors } from "~/utils/validation.ts";
import { FundActionRefusedError } from "../funds/fund-errors.server.ts";
import { InsufficientBalanceError } from "../ledger/post-ledger-transaction.server.ts";
import { CommitmentChangedError, CommitmentForbiddenError, CommitmentNotFoundError, CommitmentRefusedError } from "../pledges/pledge-errors.server.ts";
import { NotResourceOwnerError, PlanRefusedError } from "./plan-errors.server.ts";

/** What a refused plan or assignment form answers, beside the fields that say which form it was. */
export type PlanAnswer = { formError?: string; fieldErrors: FieldErrors; reasons?: IneligibleReason[] | null };

/**
 * Expected failures of the plan page's and /account/assignments' actions as form answers (keys the
 * page translates), with `form` (which form on the page, the values typed) merged in: 400 bad
 * input, 409 someone else was faster (with what is left), 422 the rules refuse. Unknown records →
 * 404 and someone else's resource → 403, thrown to the error boundary. Anything else is a real error.
 */
export function planActionError<T extends Record<string, unknown>>(error: unknown, form: T) {
  const answer = (status: number, body: PlanAnswer) => data({ ...form, ...body }, { status });
  if (error instanceof PlanRefusedError) {
    const status = error.options.status ?? 422;
    if (status === 404) throw data({ status: 404 }, { status: 404 });
    return answer(status, { formError: error.options.formError ?? "validation.formHasErrors", fieldErrors: error.fieldErrors, reasons: error.options.reasons ?? null });
  }
  if (error instanceof CommitmentChangedError) return answer(409, { formError: "errors.conflictBody", fieldErrors: {} });
  if (error instanceof CommitmentRefusedError) {
    if (error.reason === "reasonRequired") return answer(400, { formError: "validation.formHasErrors", fieldErrors: { reason: ["validation.required"] } });
    return answer(422, { formError: `pledgeDesk.refused.${error.reason}`, fieldErrors: {} });
  }
  if (error instanceof CommitmentNotFoundError) throw data({ status: 404 }, { status: 404 });
  if (error instanceof CommitmentForbiddenError || error instanceof NotResourceOwnerError) throw data({ status: 403 }, { status: 403 });
  if (error instanceof FundActionRefusedError) {
    // The funds module names the fund field `fundId`; on the plan page it is the picked resource.
    const { fundId, ...rest } = error.fieldErrors;
    const fieldErrors: FieldErrors = fundId ? { ...rest, resourceId: fundId } : rest;
    const status = error.options.status ?? 422;
    if (status === 404) throw data({ status: 404 }, { status: 404 });
    return answer(status, { formError: error.options.formError ?? "validation.formHasErrors", fieldErrors });
  }
  if (error instanceof InsufficientBalanceError) {
    const key = error.accountCode.startsWith("case:") ? "fundDesk.errors.caseBalance" : "fundDesk.errors.fundBalance";
    return answer(422, { formError: key, fieldErrors: { amount: [key] } });
  }
  throw error;
}
