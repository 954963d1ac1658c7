import { prisma } from "~/utils/db.server.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import type { CaseEventName } from "~/domain/case-lifecycle/case-transitions.ts";
import { transitionCase } from "./transition-case.server.ts";

/** A plain state-machine event (accept, reject, withdraw …) in its own short transaction. */
export function fireCaseEvent(input: { caseId: string; user: CurrentUser; event: CaseEventName; version: number; reason?: string }) {
  return prisma.$transaction((tx) =>
    transitionCase(tx, { caseId: input.caseId, event: input.event, actor: input.user, expectedVersion: input.version, reason: input.reason }),
  );
}
