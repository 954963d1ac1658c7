import { reviewGrant } from "~/domain/ledger-grants.ts";
import { can } from "~/domain/permissions.ts";
import { isFinalStatus } from "~/domain/case-lifecycle/case-transitions.ts";
import type { CaseStatusName } from "~/domain/case-status.ts";
import { forbidden, type CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { applyCommitmentIntent } from "../pledges/apply-commitment-intent.server.ts";
import { FundActionRefusedError, GrantChangedError, OwnGrantReviewError } from "./fund-errors.server.ts";
import type { GrantReviewForm } from "./fund-schemas.server.ts";
import { findGrantCommitmentId, postFundGrant } from "./post-fund-grant.server.ts";

/**
 * 一事一议: a reviewer decides a grant waiting above the fund's threshold, in one transaction —
 * grant.review on the fund's region (else 403), never one's own request (four-eyes, 403), a
 * compare-and-set REQUESTED → POSTED/REJECTED (a second reviewer gets 409), then either the
 * payment (postFundGrant; a fund that cannot pay rolls it all back) or, on rejection, the cash
 * line's reservation given back (its commitment CANCELLED with the note as reason).
 */
export function reviewFundGrant(input: { user: CurrentUser; form: GrantReviewForm; now?: Date }) {
  const { user, form } = input;
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const grant = await tx.fundGrant.findUnique({
      where: { id: form.grantId },
      select: {
        id: true,
        status: true,
        amountFen: true,
        requestedById: true,
        fund: { select: { id: true, name: true, regionCode: true } },
        case: { select: { id: true, caseNo: true, status: true } },
      },
    });
    if (!grant) throw new FundActionRefusedError({}, { status: 404 });
    if (!can(user, "grant.review", { regionCode: grant.fund.regionCode })) forbidden();

    const decision = reviewGrant(grant, user.id, form.intent, { note: form.note });
    if (!decision.ok) {
      if (decision.error === "ownRequest") throw new OwnGrantReviewError();
      if (decision.error === "noteRequired") throw new FundActionRefusedError({ note: ["validation.required"] }, { status: 400 });
      throw new GrantChangedError(grant.id);
    }
    if (decision.postsLedger && isFinalStatus(grant.case.status as CaseStatusName)) throw new FundActionRefusedError({}, { formError: "fundDesk.errors.caseStatus" });

    const updated = await tx.fundGrant.updateMany({
      where: { id: grant.id, status: "REQUESTED" },
      data: { status: decision.to, reviewedById: user.id, reviewedAt: now, reviewNote: form.note ?? null },
    });
    if (updated.count !== 1) throw new GrantChangedError(grant.id);

    if (decision.postsLedger) await postFundGrant(tx, grant, { actorId: user.id, now });
    if (decision.releasesLine) {
      const commitmentId = await findGrantCommitmentId(tx, grant);
      if (commitmentId) await applyCommitmentIntent(tx, { commitmentId, intent: "cancel", actor: "staff", actorId: user.id, reason: form.note, now });
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: `grant.${form.intent}`,
      entityType: "FundGrant",
      entityId: grant.id,
      caseId: grant.case.id,
      fromState: "REQUESTED",
      toState: decision.to,
      detail: { fundId: grant.fund.id, amountFen: grant.amountFen },
    });
    return { grantId: grant.id, status: decision.to };
  });
}
