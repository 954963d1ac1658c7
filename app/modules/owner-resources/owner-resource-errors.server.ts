import { data } from "@remix-run/node";
import type { FieldErrors } from "~/utils/validation.ts";

export class OwnedResourceNotFoundError extends Error {
  constructor() {
    super("resource not found");
    this.name = "OwnedResourceNotFoundError";
  }
}

/** Only a vetted organisation's members keep projects and supply offers. */
export class OrganizationNotVettedError extends Error {
  constructor() {
    super("organization is not vetted");
    this.name = "OrganizationNotVettedError";
  }
}

/** A volunteer offer belongs to the volunteer who keeps it. */
export class NotResourceOwnerError extends Error {
  constructor() {
    super("not the resource's owner");
    this.name = "NotResourceOwnerError";
  }
}

/** The step the status does not allow (pause a draft, edit a closed resource …). */
export class ResourceStepRefusedError extends Error {
  constructor(readonly reason: "notAllowedFromStatus" | "closed") {
    super(`resource step refused: ${reason}`);
    this.name = "ResourceStepRefusedError";
  }
}

/** Someone changed the row between our read and our compare-and-set. */
export class ResourceChangedError extends Error {
  constructor() {
    super("resource changed concurrently");
    this.name = "ResourceChangedError";
  }
}

/** A rule about the submitted values that needs the database (reserved amounts, unknown regions, a taken code). */
export class ResourceFieldsRefusedError extends Error {
  constructor(readonly fieldErrors: FieldErrors, readonly status: 400 | 409 | 422 = 422) {
    super(`resource fields refused: ${Object.keys(fieldErrors).join(", ")}`);
    this.name = "ResourceFieldsRefusedError";
  }
}

/** Expected failures of an owner's write as a form answer (nothing was written); anything else is a real error. */
export function ownedResourceActionError(error: unknown, values: Record<string, string> = {}) {
  if (error instanceof OwnedResourceNotFoundError) throw data({ status: 404 }, { status: 404 });
  if (error instanceof OrganizationNotVettedError || error instanceof NotResourceOwnerError) throw data({ status: 403 }, { status: 403 });
  const answer = (status: number, formError: string, fieldErrors: FieldErrors = {}) => data({ formError, fieldErrors, values }, { status });
  if (error instanceof ResourceChangedError) return answer(409, "errors.conflictBody");
  if (error instanceof ResourceStepRefusedError) return answer(422, `ownerResources.errors.${error.reason}`);
  if (error instanceof ResourceFieldsRefusedError) return answer(error.status, "validation.formHasErrors", error.fieldErrors);
  throw error;
}
