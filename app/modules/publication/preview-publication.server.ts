import { prisma } from "~/utils/db.server.ts";
import { loadBeneficiaryPii, piiFieldErrors } from "./check-public-text.server.ts";
import { publicTextsOf, type PublishCaseForm } from "./publish-case-schema.ts";
import { PUBLISHED_UPDATE_TEXT } from "./publish-case.server.ts";

/**
 * What the public card and need page will show once published, built from the submitted form and
 * the case's public columns, without writing anything. The PII guard runs too, so staff see its
 * messages before they try to publish.
 */
export async function previewPublication(caseId: string, form: PublishCaseForm) {
  const [record, pii] = await Promise.all([
    prisma.case.findUniqueOrThrow({
      where: { id: caseId },
      select: { caseNo: true, category: true, urgency: true, region: { select: { code: true, fullName: true } } },
    }),
    loadBeneficiaryPii(prisma, caseId),
  ]);
  return {
    need: {
      ...record,
      alias: form.alias,
      ageBand: form.ageBand,
      publicTitle: form.publicTitle,
      publicStory: form.publicStory,
      needs: form.lines.map((line, index) => ({ id: `preview-${index}`, kind: line.kind, title: line.title, unit: line.unit, target: line.target, committed: 0 })),
      updates: [{ id: "preview-update", text: PUBLISHED_UPDATE_TEXT }],
    },
    fieldErrors: piiFieldErrors(publicTextsOf(form), pii),
  };
}

export type PublicationPreview = Awaited<ReturnType<typeof previewPublication>>["need"];
