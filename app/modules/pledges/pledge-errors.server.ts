import { data } from "@remix-run/node";
import type { CommitmentTransitionError } from "~/domain/pledges/commitment-status.ts";
import type { FieldErrors } from "~/utils/validation.ts";
import { InsufficientBalanceError } from "../ledger/post-ledger-transaction.server.ts";

/** Someone else moved the commitment since the page was loaded (the hidden version is stale): 409. */
export class CommitmentChangedError extends Error {
  constructor(readonly commitmentId: string) {
    super("commitment changed concurrently");
    this.name = "CommitmentChangedError";
  }
}

/**
 * The rules refuse the step: the state machine's reasons, or
 * - managedElsewhere: a fund grant's commitment moves with the grant's review (money tab);
 * - noLinkedTransfer: `receive` needs a pending offline transfer behind the commitment (card gifts are recorded by the webhook).
 */
export type CommitmentRefusal = CommitmentTransitionError | "managedElsewhere" | "noLinkedTransfer";

export class CommitmentRefusedError extends Error {
  constructor(readonly reason: CommitmentRefusal) {
    super(`commitment step refused: ${reason}`);
    this.name = "CommitmentRefusedError";
  }
}

/** No such commitment (or not on this case): 404. */
export class CommitmentNotFoundError extends Error {
  constructor(readonly commitmentId: string) {
    super("commitment not found");
    this.name = "CommitmentNotFoundError";
  }
}

/** Neither staff covering the case nor the pledger (or a member of the pledging organisation): 403. */
export class CommitmentForbiddenError extends Error {
  constructor() {
    super("not allowed to act on this commitment");
    this.name = "CommitmentForbiddenError";
  }
}

/** A pledge form the rules refuse after validation (line full, organisation not vetted …): nothing is written. */
export class PledgeRefusedError extends Error {
  constructor(readonly fieldErrors: FieldErrors, readonly options: { formError?: string; status?: 400 | 404 | 409 | 422 } = {}) {
    super("pledge refused");
    this.name = "PledgeRefusedError";
  }
}

/**
 * Expected failures of a commitment step as a form answer (keys translated by the page). Anything
 * else is a real error for the error boundary.
 */
export function commitmentActionError(error: unknown) {
  const noFields = {} as FieldErrors;
  if (error instanceof CommitmentChangedError) return data({ formError: "errors.conflictBody", fieldErrors: noFields }, { status: 409 });
  if (error instanceof CommitmentNotFoundError) throw data({ status: 404 }, { status: 404 });
  if (error instanceof CommitmentForbiddenError) throw data({ status: 403 }, { status: 403 });
  if (error instanceof CommitmentRefusedError) {
    if (error.reason === "reasonRequired") return data({ formError: "validation.formHasErrors", fieldErrors: { reason: ["validation.required"] } as FieldErrors }, { status: 400 });
    return data({ formError: `pledgeDesk.refused.${error.reason}`, fieldErrors: noFields }, { status: 422 });
  }
  // A project delivering money it does not hold: the whole step rolled back.
  if (error instanceof InsufficientBalanceError) return data({ formError: "pledgeDesk.refused.projectBalance", fieldErrors: noFields }, { status: 422 });
  throw error;
}
