import { FINAL_STATUSES, type CaseStatusName } from "~/domain/case-status.ts";
import type { Tx } from "~/utils/db.server.ts";
import { ReferralRefusedError } from "./referral-errors.server.ts";

/**
 * Referrals belong to open cases. Reading the case row FOR SHARE both checks that and keeps the
 * case from changing status until the transaction ends, so a referral cannot be written into a
 * case that is being closed at the same moment (the close waits, or the referral sees it closed).
 */
export async function lockOpenCase(tx: Tx, caseId: string) {
  const rows = await tx.$queryRaw<{ status: CaseStatusName }[]>`SELECT "status"::text AS "status" FROM "Case" WHERE "id" = ${caseId} FOR SHARE`;
  const status = rows[0]?.status;
  if (!status || FINAL_STATUSES.includes(status)) throw new ReferralRefusedError("caseFinal");
}
