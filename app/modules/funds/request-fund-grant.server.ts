import { randomUUID } from "node:crypto";
import { checkGrantRequest, grantNeedsReview } from "~/domain/ledger-grants.ts";
import { fen, formatFen } from "~/domain/money.ts";
import { can } from "~/domain/permissions.ts";
import { commitmentIdForGrant, remainingOnLine } from "~/domain/pledges/pledge-rules.ts";
import { forbidden, type CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { msg } from "~/utils/validation.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { NeedLineFullError, reserveNeedLine } from "../needs/need-line-coverage.server.ts";
import { FundActionRefusedError } from "./fund-errors.server.ts";
import type { GrantRequestForm } from "./fund-schemas.server.ts";
import { listCaseFunds } from "./list-case-funds.server.ts";
import { postFundGrant } from "./post-fund-grant.server.ts";

/** Grants (other than 先行救助, which has its own tab) go to verified or published cases. */
export const GRANTABLE_CASE_STATUSES = ["VERIFIED", "PUBLISHED"] as const;

/**
 * A grant from a relief fund to a case, in one transaction:
 * - the fund must be one that may grant to the case (region and category, list-case-funds) and the
 *   user must record that fund's money (fund.record on the fund's region);
 * - the fund row is locked (SELECT … FOR NO KEY UPDATE) so two requests cannot both pass the per-case cap
 *   or the balance check; the cap and balance are checked (domain/ledger-grants.ts);
 * - the case's cash line, when it has any, is reserved with a Commitment (FUND, PLEDGED) through
 *   reserveNeedLine — never more than the line still needs;
 * - at or below the fund's review threshold the grant is POSTED at once (postFundGrant: fund −X,
 *   case +X, the commitment DELIVERED); above it the FundGrant waits as REQUESTED for a reviewer
 *   who is not the requester (review-fund-grant.server.ts).
 */
export function requestFundGrant(input: { caseId: string; user: CurrentUser; form: GrantRequestForm; now?: Date }) {
  const { user, form } = input;
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { id: true, caseNo: true, status: true, regionCode: true, category: true } });
    if (!(GRANTABLE_CASE_STATUSES as readonly string[]).includes(found.status)) throw new FundActionRefusedError({}, { formError: "fundDesk.errors.caseStatus" });

    await tx.$queryRaw`SELECT "id" FROM "ReliefFund" WHERE "id" = ${form.fundId} FOR NO KEY UPDATE`;
    const fund = (await listCaseFunds(tx, found)).find((f) => f.id === form.fundId);
    if (!fund) throw new FundActionRefusedError({ fundId: [msg("fundDesk.errors.fundNotForCase")] }, { status: 400 });
    if (!can(user, "fund.record", { regionCode: fund.regionCode })) forbidden();

    const refusal = checkGrantRequest({ amountFen: form.amount, perCaseCapFen: fund.perCaseCapFen, usedForCaseFen: fund.usedForCaseFen, balanceFen: fund.balanceFen });
    if (refusal === "overPerCaseCap") throw new FundActionRefusedError({ amount: [msg("fundDesk.errors.overPerCaseCap", { left: formatFen(fen(fund.capLeftFen)) })] });
    if (refusal === "insufficientBalance") throw new FundActionRefusedError({ amount: [msg("fundDesk.errors.fundBalanceIs", { balance: formatFen(fen(fund.balanceFen)) })] });

    const lines = await tx.need.findMany({ where: { caseId: found.id, kind: "CASH", status: { not: "CANCELLED" } }, orderBy: { sortOrder: "asc" }, select: { id: true, status: true, target: true, committed: true } });
    const line = form.needId ? lines.find((l) => l.id === form.needId) : (lines.find((l) => remainingOnLine(l) > 0) ?? lines[0]);
    if (form.needId && !line) throw new FundActionRefusedError({ needId: [msg("pledging.errors.line")] }, { status: 400 });
    if (line) {
      try {
        await reserveNeedLine(tx, line.id, form.amount);
      } catch (error) {
        if (error instanceof NeedLineFullError) throw new FundActionRefusedError({ amount: [msg("pledging.errors.overRemainingFen", { max: formatFen(fen(error.remaining)) })] }, { status: 409 });
        throw error;
      }
    }

    const grantId = randomUUID();
    const needsReview = grantNeedsReview(form.amount, fund.reviewThresholdFen);
    await tx.fundGrant.create({
      data: {
        id: grantId,
        fundId: fund.id,
        caseId: found.id,
        amountFen: form.amount,
        purpose: form.purpose,
        status: needsReview ? "REQUESTED" : "POSTED",
        requestedById: user.id,
        // At or below the threshold one person may grant: they are requester and reviewer, as for an advance.
        reviewedById: needsReview ? null : user.id,
        requestedAt: now,
        reviewedAt: needsReview ? null : now,
      },
    });
    if (line) {
      await tx.commitment.create({
        data: { id: commitmentIdForGrant(grantId), caseId: found.id, needId: line.id, source: "FUND", fundId: fund.id, pledgerName: fund.name, amount: form.amount, status: "PLEDGED", pledgedAt: now },
      });
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: "grant.request",
      entityType: "FundGrant",
      entityId: grantId,
      caseId: found.id,
      toState: needsReview ? "REQUESTED" : "POSTED",
      detail: { fundId: fund.id, amountFen: form.amount, needsReview, needId: line?.id ?? null },
    });
    if (!needsReview) {
      await postFundGrant(tx, { id: grantId, amountFen: form.amount, fund, case: found }, { actorId: user.id, now });
    }
    return { grantId, status: needsReview ? ("REQUESTED" as const) : ("POSTED" as const) };
  });
}
