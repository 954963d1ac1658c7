import { data } from "@remix-run/node";
import type { ComplaintTransitionError } from "~/domain/complaint-status.ts";
import type { FieldErrors } from "~/utils/validation.ts";

/** Unknown, or about a case outside the user's scope: the page answers 404 either way. */
export class ComplaintNotFoundError extends Error {
  constructor() {
    super("complaint not found");
    this.name = "ComplaintNotFoundError";
  }
}

/** Someone else handled the complaint since the page was loaded: 409. */
export class ComplaintChangedError extends Error {
  constructor() {
    super("complaint changed concurrently");
    this.name = "ComplaintChangedError";
  }
}

export class ComplaintRefusedError extends Error {
  constructor(readonly reason: ComplaintTransitionError) {
    super(`complaint transition refused: ${reason}`);
    this.name = "ComplaintRefusedError";
  }
}

/** Expected failures of the handling form as a form answer; anything else is a real error. */
export function complaintActionError(error: unknown) {
  if (error instanceof ComplaintNotFoundError) throw data({ status: 404 }, { status: 404 });
  if (error instanceof ComplaintChangedError) return data({ formError: "errors.conflictBody", fieldErrors: {} as FieldErrors }, { status: 409 });
  if (error instanceof ComplaintRefusedError) {
    if (error.reason === "replyRequired") return data({ formError: "validation.formHasErrors", fieldErrors: { reply: ["complaints.errors.replyRequired"] } as FieldErrors }, { status: 400 });
    return data({ formError: "complaints.errors.notAllowedFromStatus", fieldErrors: {} as FieldErrors }, { status: 422 });
  }
  throw error;
}
