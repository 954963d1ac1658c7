import type { IneligibleReason } from "~/domain/matching/match-types.ts";
import type { FieldErrors } from "~/utils/validation.ts";

/**
 * The rules refuse a plan action after validation (the line is full, the resource has less left
 * than asked, the resource cannot serve the line, the case is not being planned …): nothing is
 * written. `reasons` carries the engine's "why not" when the resource is not eligible.
 */
export class PlanRefusedError extends Error {
  constructor(
    readonly fieldErrors: FieldErrors,
    readonly options: { formError?: string; status?: 400 | 404 | 409 | 422; reasons?: IneligibleReason[] } = {},
  ) {
    super("plan action refused");
    this.name = "PlanRefusedError";
  }
}

/** The signed-in user does not own the resource behind the commitment (→ 403). */
export class NotResourceOwnerError extends Error {
  constructor() {
    super("not the owner of the picked resource");
    this.name = "NotResourceOwnerError";
  }
}
