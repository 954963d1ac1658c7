import type { Prisma } from "~/generated/prisma/client.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { transitionCase } from "../cases/transition-case.server.ts";
import { assertPublicTextClean } from "../publication/check-public-text.server.ts";
import type { CloseCaseForm } from "./close-case-schema.ts";
import { draftDisclosure } from "./load-disclosure-records.server.ts";

/** The last entry of the public timeline (stored as text, like the seed's entries). */
export const CLOSED_UPDATE_TEXT = "个案已结案，救助资金收支情况已公示。";

/**
 * PUBLISHED/FULFILLED → CLOSED in one transaction: the PII guard over the public outcome, the
 * transition (compare-and-set, reason required from PUBLISHED, audit `case.close`), the Disclosure
 * built from the case's records, the closing timeline entry and an outbox row for the search index.
 */
export async function closeCase(input: { caseId: string; caseNo: string; user: CurrentUser; form: CloseCaseForm; now?: Date }) {
  const { caseId, caseNo, form } = input;
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    await assertPublicTextClean(tx, caseId, [{ formField: "outcome", field: "outcome", text: form.outcome }]);
    await transitionCase(tx, {
      caseId,
      event: "close",
      actor: input.user,
      expectedVersion: form.version,
      reason: form.reason,
      now,
      data: { outcome: form.outcome },
      detail: form.reason ? { fields: ["outcome", "statusReason"], reason: form.reason } : { fields: ["outcome"] },
    });
    const disclosure = await draftDisclosure(tx, caseId);
    await tx.disclosure.create({
      data: {
        caseId,
        publishedAt: now,
        outcome: form.outcome,
        totalInFen: disclosure.totalInFen,
        totalOutFen: disclosure.totalOutFen,
        content: disclosure.content satisfies Prisma.InputJsonValue,
      },
    });
    await tx.caseUpdate.create({ data: { caseId, at: now, kind: "CLOSED", text: CLOSED_UPDATE_TEXT, isPublic: true } });
    await tx.outboxEvent.create({ data: { topic: "SEARCH", kind: "case.upsert", payload: { caseNo } } });
    return disclosure;
  });
}
