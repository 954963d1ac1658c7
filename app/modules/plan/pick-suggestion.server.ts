import { randomUUID } from "node:crypto";
import type { CaseCategoryName } from "~/domain/matching/match-types.ts";
import type { DuplicateAidWarning } from "~/domain/matching/duplicate-aid.ts";
import type { IneligibleReason } from "~/domain/matching/match-types.ts";
import { commitmentIdForGrant } from "~/domain/pledges/pledge-rules.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { requestFundGrant } from "../funds/request-fund-grant.server.ts";
import { explainCaseCandidate } from "../matching/explain-case-candidate.server.ts";
import { NeedLineFullError, reserveNeedLine } from "../needs/need-line-coverage.server.ts";
import { findPlanDuplicateAid } from "./find-plan-duplicate-aid.server.ts";
import { lineAmountMessage } from "./line-amount-message.server.ts";
import { PlanRefusedError } from "./plan-errors.server.ts";
import { enqueueResourceIndexUpdate, getPickedResource, tellOwnersOfPick } from "./plan-resource-owners.server.ts";
import type { PickForm } from "./plan-schemas.server.ts";
import { reservePlanResource, ResourceCapacityError, type OwnerSource } from "./reserve-plan-resource.server.ts";

/** Plans are made for published cases: their need lines are fixed then (publishCase writes them). */
export const PLANNABLE_CASE_STATUSES = ["PUBLISHED"] as const;

/** "Why not" reasons that only say the resource has nothing left for this case: a 409, not a rule. */
const EXHAUSTED = new Set(["fundExhausted", "budgetExhausted", "hoursExhausted", "stockExhausted", "perCaseCapReached"]);

export type PickResult =
  | { outcome: "picked"; commitmentId: string }
  | { outcome: "warning"; warnings: DuplicateAidWarning[] };

/**
 * Staff pick one suggestion for one need line (一案一策). Checks first, outside any transaction:
 * the case is PUBLISHED, the line is the case's and of the form's kind, the engine still finds the
 * resource eligible and able to give the amount (else 422 with its reasons, or 409 with what is
 * left), and — unless acknowledged — the household got no such aid from the same programme in the
 * last 12 months (else the warnings come back and nothing is written).
 *
 * Then ONE transaction: the need line through reserveNeedLine, the resource by compare-and-set
 * (reserve-plan-resource), the Commitment (PLEDGED), the audit event, the search outbox row for the
 * resource and the `commitment-picked` mail to its owners. Either reservation losing a race throws
 * PlanRefusedError 409 naming what is left, and the whole pick rolls back.
 *
 * A fund pick is a grant request and goes through the funds module (requestFundGrant: its own single
 * transaction, the fund row locked, the per-case cap and balance checked, the line reserved, the
 * commitment created; posted at once at or below the fund's review threshold, else waiting for a
 * reviewer). Its result's commitment id is derived from the grant's.
 */
export async function pickSuggestion(input: { caseId: string; user: CurrentUser; form: PickForm; now?: Date }): Promise<PickResult> {
  const { form, user } = input;
  const now = input.now ?? new Date();
  const today = shanghaiDate(now);

  const found = await prisma.case.findUnique({ where: { id: input.caseId }, select: { id: true, status: true, category: true } });
  if (!found) throw new PlanRefusedError({}, { status: 404 });
  if (!isPlannable(found.status)) throw new PlanRefusedError({}, { formError: "planDesk.errors.caseNotPlannable", status: 422 });
  const need = await prisma.need.findFirst({ where: { id: form.needId, caseId: found.id }, select: { id: true, kind: true, title: true, unit: true } });
  if (!need || need.kind !== form.kind) throw new PlanRefusedError({ needId: ["planDesk.errors.line"] }, { status: 400 });

  const explanation = await explainCaseCandidate(found.id, need.id, { source: form.source, id: form.resourceId }, now);
  if (!explanation) throw new PlanRefusedError({ resourceId: ["planDesk.errors.unknownResource"] }, { status: 400 });
  if (!explanation.eligible) throw refusalFor(explanation.reasons, need);
  if (form.amount > explanation.suggestion.amount) {
    throw new PlanRefusedError({ amount: [lineAmountMessage("planDesk.errors.overAvailable", need, explanation.suggestion.amount)] }, { status: 409 });
  }

  const warnings = await findPlanDuplicateAid(prisma, { caseId: found.id, caseCategory: found.category as CaseCategoryName, source: form.source, resourceId: form.resourceId, today });
  if (warnings.length > 0 && !form.acknowledge) return { outcome: "warning", warnings };

  if (form.source === "FUND") {
    const grant = await requestFundGrant({
      caseId: found.id,
      user,
      now,
      form: { requestKey: randomUUID(), fundId: form.resourceId, needId: need.id, amount: form.amount, purpose: `一案一策：${need.title}`.slice(0, 200) },
    });
    return { outcome: "picked", commitmentId: commitmentIdForGrant(grant.grantId) };
  }

  const source: OwnerSource = form.source;
  const commitmentId = await prisma.$transaction(async (tx) => {
    const current = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { status: true } });
    if (!isPlannable(current.status)) throw new PlanRefusedError({}, { formError: "planDesk.errors.caseNotPlannable", status: 422 });
    try {
      await reserveNeedLine(tx, need.id, form.amount);
    } catch (error) {
      if (error instanceof NeedLineFullError) {
        if (error.remaining === 0) throw new PlanRefusedError({}, { formError: "planDesk.errors.lineFull", status: 409 });
        throw new PlanRefusedError({ amount: [lineAmountMessage("planDesk.errors.lineHasLess", need, error.remaining)] }, { status: 409 });
      }
      throw error;
    }
    try {
      await reservePlanResource(tx, { source, resourceId: form.resourceId, caseId: found.id, amount: form.amount, today });
    } catch (error) {
      if (error instanceof ResourceCapacityError) {
        throw new PlanRefusedError({ amount: [lineAmountMessage("planDesk.errors.overAvailable", need, error.remaining)] }, { status: 409 });
      }
      throw error;
    }

    const resource = await getPickedResource(tx, source, form.resourceId);
    if (!resource) throw new PlanRefusedError({ resourceId: ["planDesk.errors.unknownResource"] }, { status: 400 });
    const commitment = await tx.commitment.create({
      data: {
        caseId: found.id,
        needId: need.id,
        source,
        projectId: source === "PROJECT" ? form.resourceId : null,
        supplyOfferId: source === "SUPPLY_OFFER" ? form.resourceId : null,
        volunteerOfferId: source === "VOLUNTEER_OFFER" ? form.resourceId : null,
        organizationId: resource.organization?.id ?? null,
        // A person's own offer: they are the pledger (and see it under their account).
        pledgerId: resource.organization ? null : (resource.person?.id ?? null),
        pledgerName: resource.organization?.name ?? resource.person?.displayName ?? null,
        amount: form.amount,
        status: "PLEDGED",
        pledgedAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "plan.pick",
      entityType: "Commitment",
      entityId: commitment.id,
      caseId: found.id,
      toState: "PLEDGED",
      detail: { needId: need.id, source, resourceId: form.resourceId, amount: form.amount, duplicateAidWarnings: warnings.length, duplicateAidAcknowledged: warnings.length > 0 },
    });
    await enqueueResourceIndexUpdate(tx, {
      projectId: source === "PROJECT" ? form.resourceId : null,
      volunteerOfferId: source === "VOLUNTEER_OFFER" ? form.resourceId : null,
      supplyOfferId: source === "SUPPLY_OFFER" ? form.resourceId : null,
    });
    await tellOwnersOfPick(tx, resource, commitment.id);
    return commitment.id;
  });
  return { outcome: "picked", commitmentId };
}

export function isPlannable(status: string): boolean {
  return (PLANNABLE_CASE_STATUSES as readonly string[]).includes(status);
}

function refusalFor(reasons: IneligibleReason[], need: { kind: "CASH" | "ITEM" | "SERVICE"; unit: string | null }) {
  const keys = reasons.map((r) => r.key.replace("matching.ineligible.", ""));
  if (keys.includes("lineNotOpen")) return new PlanRefusedError({}, { formError: "planDesk.errors.lineFull", status: 409 });
  if (keys.every((key) => EXHAUSTED.has(key))) return new PlanRefusedError({ amount: [lineAmountMessage("planDesk.errors.overAvailable", need, 0)] }, { status: 409, reasons });
  return new PlanRefusedError({}, { formError: "planDesk.errors.notEligible", status: 422, reasons });
}
