import type { CaseStatusName } from "~/domain/case-status.ts";
import { transition, type CaseEventName, type TransitionError } from "~/domain/case-lifecycle/case-transitions.ts";
import type { RoleName } from "~/domain/permissions.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { Tx } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";

/** Someone else changed the case since the form was loaded (or in the same instant): answer 409. */
export class CaseChangedError extends Error {
  constructor(readonly caseId: string) {
    super("case changed concurrently");
    this.name = "CaseChangedError";
  }
}

/** The state machine refused the event: answer 422 (or 400 for a missing reason) with this key. */
export class TransitionRefusedError extends Error {
  constructor(readonly reason: TransitionError) {
    super(`transition refused: ${reason}`);
    this.name = "TransitionRefusedError";
  }
}

export type TransitionInput = {
  caseId: string;
  event: CaseEventName;
  actor: { id: string; roles: readonly RoleName[] } | "SYSTEM";
  /** The version the user saw (hidden form field); omitted for system events. */
  expectedVersion?: number;
  reason?: string;
  /** Other columns written by the same compare-and-set (verification data, public face …). */
  data?: Prisma.CaseUncheckedUpdateManyInput;
  /** Audit detail: never personal data. */
  detail?: Prisma.InputJsonValue;
  now?: Date;
};

/**
 * Moves a case through one event of the state machine inside the caller's transaction: the rule
 * comes from app/domain, the write is a compare-and-set on (id, status, version), and the audit
 * event commits with it. Two staff acting at once: one wins, the other gets CaseChangedError.
 */
export async function transitionCase(tx: Tx, input: TransitionInput) {
  const current = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { status: true, version: true } });
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) throw new CaseChangedError(input.caseId);

  const from = current.status as CaseStatusName;
  const actor = input.actor === "SYSTEM" ? { roles: "SYSTEM" as const } : { roles: input.actor.roles };
  const result = transition(from, input.event, actor, { reason: input.reason });
  if (!result.ok) throw new TransitionRefusedError(result.error);

  const now = input.now ?? new Date();
  const timestamps: Record<string, Date | null> = {};
  if (result.stamp) timestamps[result.stamp] = now;
  for (const field of result.clear) timestamps[field] = null;

  const updated = await tx.case.updateMany({
    where: { id: input.caseId, status: from, version: current.version },
    data: {
      ...input.data,
      ...timestamps,
      status: result.to,
      version: { increment: 1 },
      ...(input.reason !== undefined && { statusReason: input.reason }),
    },
  });
  if (updated.count !== 1) throw new CaseChangedError(input.caseId);

  await recordAudit(tx, {
    actorId: input.actor === "SYSTEM" ? null : input.actor.id,
    action: `case.${input.event}`,
    entityType: "Case",
    entityId: input.caseId,
    caseId: input.caseId,
    fromState: from,
    toState: result.to,
    detail: input.detail ?? (input.reason ? { reason: input.reason } : undefined),
  });
  return { from, to: result.to as CaseStatusName, setsVerificationDue: result.setsVerificationDue, version: current.version + 1 };
}
