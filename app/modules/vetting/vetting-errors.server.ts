import { data } from "@remix-run/node";
import type { OrganizationTransitionError } from "~/domain/organization-status.ts";
import type { FieldErrors } from "~/utils/validation.ts";

export class OrganizationNotFoundError extends Error {
  constructor() {
    super("organization not found");
    this.name = "OrganizationNotFoundError";
  }
}

/** Another staff member decided since the page was loaded: 409. */
export class OrganizationChangedError extends Error {
  constructor() {
    super("organization changed concurrently");
    this.name = "OrganizationChangedError";
  }
}

export class VettingRefusedError extends Error {
  constructor(readonly reason: OrganizationTransitionError) {
    super(`vetting refused: ${reason}`);
    this.name = "VettingRefusedError";
  }
}

/** Expected failures of a vetting decision as a form answer; anything else is a real error. */
export function vettingActionError(error: unknown) {
  if (error instanceof OrganizationNotFoundError) throw data({ status: 404 }, { status: 404 });
  if (error instanceof OrganizationChangedError) return data({ formError: "errors.conflictBody", fieldErrors: {} as FieldErrors }, { status: 409 });
  if (error instanceof VettingRefusedError) {
    if (error.reason === "reasonRequired") return data({ formError: "validation.formHasErrors", fieldErrors: { reason: ["vetting.errors.reasonRequired"] } as FieldErrors }, { status: 400 });
    return data({ formError: `vetting.errors.${error.reason}`, fieldErrors: {} as FieldErrors }, { status: 422 });
  }
  throw error;
}
