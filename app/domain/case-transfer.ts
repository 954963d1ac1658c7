// 首问负责制 (issue 3 point 3): the office that first receives a case owns it until it is closed;
// an explicit transfer to another office is the only way ownership moves. Pure.
import { FINAL_STATUSES, type CaseStatusName } from "./case-status.ts";
import { scopeCovers } from "./permissions.ts";
import { regionsOnSameBranch } from "./region-codes.ts";

export type TransferRefusal =
  /** A closed, rejected or withdrawn case has no work left to hand over. */
  | "finalStatus"
  | "sameOffice"
  /** Staff hand cases only to offices inside their own region scope (null scope = nationwide). */
  | "officeOutOfScope"
  /**
   * The case keeps its region code, and staff see cases by region code; the new owner must work
   * on the case's own branch of the region tree (an office of the same region, above it or below
   * it), or its staff could not even open the case.
   */
  | "officeOffBranch";

export type TransferCheckInput = {
  caseStatus: CaseStatusName;
  caseRegionCode: string;
  ownerOfficeId: string;
  target: { id: string; regionCode: string };
  actorScopeRegionCode: string | null;
};

export function checkTransfer(input: TransferCheckInput): { ok: true } | { ok: false; refusal: TransferRefusal } {
  if (FINAL_STATUSES.includes(input.caseStatus)) return { ok: false, refusal: "finalStatus" };
  if (input.target.id === input.ownerOfficeId) return { ok: false, refusal: "sameOffice" };
  if (!scopeCovers(input.actorScopeRegionCode, input.target.regionCode)) return { ok: false, refusal: "officeOutOfScope" };
  if (!regionsOnSameBranch(input.caseRegionCode, input.target.regionCode)) return { ok: false, refusal: "officeOffBranch" };
  return { ok: true };
}
