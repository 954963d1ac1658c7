import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { applyCommitmentIntent } from "../pledges/apply-commitment-intent.server.ts";
import { CommitmentNotFoundError, CommitmentRefusedError } from "../pledges/pledge-errors.server.ts";
import { isPlannable } from "./pick-suggestion.server.ts";
import { PlanRefusedError } from "./plan-errors.server.ts";
import { enqueueResourceIndexUpdate } from "./plan-resource-owners.server.ts";
import { OWNER_SOURCES } from "./reserve-plan-resource.server.ts";

/** Kept on the commitment as its cancel reason (data, not a UI string: the case file reads it as written). */
export const UNPICK_REASON = "一案一策方案调整：民政工作人员撤销选用";

/**
 * Staff take a plan pick back, in one transaction: the pledges state machine's `cancel` step
 * (apply-commitment-intent: compare-and-set on status and the version the page showed — a second
 * click or a stale page gets 409 — both reservations released: the line through releaseNeedLine,
 * the project's budget, the offer's stock or hours), and the resource's search outbox row.
 * A fund pick is a grant and is undone by the grant's review (money tab): refused here, and so is
 * any unpick once the case is no longer PUBLISHED (422).
 * The caller authorises (case.work on the case's region).
 */
export function unpickCommitment(input: { caseId: string; user: CurrentUser; commitmentId: string; version: number; now?: Date }) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.commitment.findUnique({
      where: { id: input.commitmentId },
      select: { caseId: true, source: true, projectId: true, volunteerOfferId: true, supplyOfferId: true },
    });
    if (!row || row.caseId !== input.caseId) throw new CommitmentNotFoundError(input.commitmentId);
    if (!(OWNER_SOURCES as readonly string[]).includes(row.source)) throw new CommitmentRefusedError(row.source === "FUND" ? "managedElsewhere" : "wrongSource");
    // The plan changes only while the case is being planned; afterwards the pledges tab is the place.
    const kase = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { status: true } });
    if (!isPlannable(kase.status)) throw new PlanRefusedError({}, { formError: "planDesk.errors.caseNotPlannable", status: 422 });
    const step = await applyCommitmentIntent(tx, {
      commitmentId: input.commitmentId,
      intent: "cancel",
      actor: "staff",
      actorId: input.user.id,
      expectedVersion: input.version,
      reason: UNPICK_REASON,
      now: input.now,
    });
    await enqueueResourceIndexUpdate(tx, row);
    return step;
  });
}
