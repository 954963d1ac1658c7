import type { CurrentUser } from "~/utils/auth.server.ts";
import { changeCommitment } from "./change-commitment.server.ts";

/**
 * Goods handed over / hours served: CONFIRMED → DELIVERED, with who and when, the line's delivered
 * total, and the FULFILLED check — in one transaction. Usable from the staff desk and from /org:
 * the user must be staff covering the case, the pledger, or a member of the pledging organisation
 * (else CommitmentForbiddenError → 403). `version` is the commitment's version the user saw.
 * Errors: see commitmentActionError in pledge-errors.server.ts.
 */
export function markCommitmentDelivered(input: { commitmentId: string; version: number; user: CurrentUser; now?: Date }) {
  return changeCommitment({ ...input, intent: "deliver" });
}
