import { z } from "zod";
import { isReasonRequired } from "~/domain/case-lifecycle/case-transitions.ts";
import type { DisclosureContent } from "~/domain/disclosure/build-disclosure.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { loadBeneficiaryPii, piiFieldErrors } from "../publication/check-public-text.server.ts";
import type { CloseCaseForm } from "./close-case-schema.ts";
import { draftDisclosure } from "./load-disclosure-records.server.ts";

export const CLOSABLE_STATUSES = ["PUBLISHED", "FULFILLED"] as const;

const ContentSchema = z.object({
  sources: z.array(z.object({ kind: z.string(), name: z.string(), amountFen: z.number() })).catch([]),
  goods: z.array(z.object({ name: z.string(), quantity: z.number(), unit: z.string() })).catch([]),
  hours: z.array(z.object({ service: z.string(), hours: z.number() })).catch([]),
  payments: z.array(z.object({ payeeKind: z.string(), payeeName: z.string(), amountFen: z.number() })).catch([]),
});

/** A stored disclosure's content, read defensively (a malformed part shows as empty, not as an error). */
function contentOf(json: Prisma.JsonValue): DisclosureContent {
  const parsed = ContentSchema.safeParse(json);
  return parsed.success ? (parsed.data as DisclosureContent) : { sources: [], goods: [], hours: [], payments: [] };
}

/**
 * The close tab: for a closable case the disclosure it would get now, for a closed one the
 * disclosure as published. Only public data: the beneficiary's row is not read.
 */
export async function getCloseForm(caseId: string) {
  const record = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      caseNo: true,
      status: true,
      version: true,
      outcome: true,
      disclosure: { select: { publishedAt: true, outcome: true, totalInFen: true, totalOutFen: true, content: true } },
    },
  });
  const isClosable = (CLOSABLE_STATUSES as readonly string[]).includes(record.status);
  const { disclosure: stored, ...rest } = record;
  const disclosure = stored
    ? { outcome: stored.outcome, totalInFen: stored.totalInFen, totalOutFen: stored.totalOutFen, content: contentOf(stored.content) }
    : isClosable
      ? { outcome: null, ...(await draftDisclosure(prisma, caseId)) }
      : null;
  return { ...rest, isClosable, isReasonRequired: isReasonRequired(record.status, "close"), disclosure, isDraft: !stored };
}

/** The preview of closing: the draft disclosure with the outcome typed, and the guard's messages. */
export async function previewClosing(caseId: string, form: CloseCaseForm) {
  const record = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } });
  const [disclosure, pii] = await Promise.all([draftDisclosure(prisma, caseId), loadBeneficiaryPii(prisma, caseId)]);
  const fieldErrors = piiFieldErrors([{ formField: "outcome", field: "outcome", text: form.outcome }], pii);
  if (isReasonRequired(record.status, "close") && !form.reason?.trim()) fieldErrors.reason = ["validation.required"];
  return { disclosure: { ...disclosure, outcome: form.outcome }, fieldErrors };
}
