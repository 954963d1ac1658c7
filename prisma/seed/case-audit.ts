// The audit trail a demo case would have: each transition, the personal-data view before
// verification, grant requests and reviews, confirmations of pledges.
import type { Prisma } from "~/generated/prisma/client.ts";
import { ACTIVE_COMMITMENT, FUND_REVIEWER, type CaseSeedContext } from "./case-plan.ts";
import type { CaseSpec } from "./case-spec.ts";
import { FUNDS } from "./funds.ts";

/** The trail staff would have left: each transition, the personal-data views, the grant reviews. */
export async function writeAuditTrail(tx: Prisma.TransactionClient, ctx: CaseSeedContext, spec: CaseSpec, caseId: string, t: (h: number) => Date) {
  const actorId = ctx.users[spec.staff];
  const events: Prisma.AuditEventCreateManyInput[] = [];
  const step = (after: number | undefined, action: string, fromState: string, toState: string) => {
    if (after !== undefined) events.push({ at: t(after), actorId, action, entityType: "Case", entityId: caseId, caseId, fromState, toState });
  };
  step(spec.acceptedAfter, "case.accept", "REPORTED", "ACCEPTED");
  if (spec.verifiedAfter !== undefined) {
    events.push({ at: t(spec.verifiedAfter - 1), actorId, action: "case.viewPersonalData", entityType: "Beneficiary", entityId: caseId, caseId, detail: { fields: ["name", "idNumber", "phone", "address"] } });
  }
  step(spec.verifiedAfter, "case.verify", "ACCEPTED", "VERIFIED");
  step(spec.publishedAfter, "case.publish", "VERIFIED", "PUBLISHED");
  step(spec.fulfilledAfter, "case.fulfil", "PUBLISHED", "FULFILLED");
  step(spec.closedAfter, "case.close", spec.fulfilledAfter !== undefined ? "FULFILLED" : "PUBLISHED", "CLOSED");
  if (spec.status === "REJECTED" || spec.status === "WITHDRAWN") {
    step(spec.endedAfter, spec.status === "REJECTED" ? "case.reject" : "case.withdraw", spec.acceptedAfter !== undefined ? "ACCEPTED" : "REPORTED", spec.status);
  }
  for (const c of spec.commitments.filter((c) => c.source === "FUND")) {
    const grantId = `${caseId}-grant-${c.key}`;
    events.push({ at: t(c.at), actorId, action: c.grant!.isAdvance ? "grant.advance" : "grant.request", entityType: "FundGrant", entityId: grantId, caseId, toState: "REQUESTED", detail: { amountFen: c.amount } });
    const reviewer = FUND_REVIEWER[c.fund!];
    if (c.amount > FUNDS[c.fund!].reviewThresholdFen && c.grant!.status === "POSTED" && reviewer) {
      events.push({ at: t(c.at + 2), actorId: ctx.users[reviewer], action: "grant.approve", entityType: "FundGrant", entityId: grantId, caseId, fromState: "REQUESTED", toState: "POSTED", detail: { amountFen: c.amount } });
    }
  }
  const active = spec.commitments.filter((c) => ACTIVE_COMMITMENT.has(c.status) && c.status !== "PLEDGED" && c.source !== "FUND" && c.source !== "DONATION" && c.source !== "GOVERNMENT");
  for (const c of active) {
    events.push({ at: t(c.at + (c.confirmedAfter ?? 0)), actorId, action: "commitment.confirm", entityType: "Commitment", entityId: `${caseId}-${c.key}`, caseId, fromState: "PLEDGED", toState: "CONFIRMED" });
  }
  if (events.length) await tx.auditEvent.createMany({ data: events });
}
