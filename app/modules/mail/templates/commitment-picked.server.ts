// "commitment-picked" { commitmentId }: a resource of the recipient's (a project, a supply offer,
// volunteer hours) was picked for a case plan. Deliberately generic — the case may not be public
// yet — it names only the case number and sends the owner to /account to accept or decline.
import { prisma } from "~/utils/db.server.ts";
import { siteUrl, type MailContext, type MailDraft } from "./mail-layout.server.ts";

export async function draftCommitmentPicked(refs: Record<string, string>, ctx: MailContext): Promise<MailDraft | null> {
  const commitment = await prisma.commitment.findUnique({ where: { id: refs.commitmentId ?? "" }, select: { case: { select: { caseNo: true } } } });
  if (!commitment) return null;
  const { t } = ctx;
  const caseNo = commitment.case.caseNo;
  return {
    subject: t("receiptMail.commitmentPicked.subject", { caseNo }),
    greeting: t("receiptMail.greetingAnonymous"),
    blocks: [
      { type: "paragraph", text: t("receiptMail.commitmentPicked.intro", { caseNo }) },
      { type: "paragraph", text: t("receiptMail.commitmentPicked.action") },
      { type: "link", label: t("receiptMail.commitmentPicked.link"), url: siteUrl(ctx, "/account") },
    ],
  };
}
