// "pledge-confirmed" { commitmentId }: a goods or hours pledge confirmed by the owning office.
// The need line's title and the case's public title appear only while the case is public.
import { PUBLIC_STATUSES } from "~/modules/public/public-case-select.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { siteUrl, type MailBlock, type MailContext, type MailDraft } from "./mail-layout.server.ts";
import { formatNeedQuantity } from "./need-quantity.server.ts";

export async function draftPledgeConfirmed(refs: Record<string, string>, ctx: MailContext): Promise<MailDraft | null> {
  const commitment = await prisma.commitment.findUnique({
    where: { id: refs.commitmentId ?? "" },
    select: {
      amount: true,
      confirmedAt: true,
      pledgerName: true,
      isAnonymous: true,
      need: { select: { title: true, kind: true, unit: true } },
      case: { select: { caseNo: true, status: true, publicTitle: true, ownerOffice: { select: { name: true, phone: true } } } },
    },
  });
  if (!commitment) return null;
  const { t, locale } = ctx;
  const { case: caseRow, need } = commitment;
  const isPublic = (PUBLIC_STATUSES as readonly string[]).includes(caseRow.status);
  const office = caseRow.ownerOffice;
  const caseText = isPublic && caseRow.publicTitle ? (locale === "zh-CN" ? `${caseRow.publicTitle}（${caseRow.caseNo}）` : `${caseRow.publicTitle} (${caseRow.caseNo})`) : caseRow.caseNo;
  const rows: Array<[string, string]> = [
    [t("accountHistory.case"), caseText],
    ...(isPublic ? [[t("receiptMail.pledgeConfirmed.need"), need.title] as [string, string]] : []),
    [t("receiptMail.pledgeConfirmed.quantity"), formatNeedQuantity(commitment.amount, need, ctx)],
    ...(commitment.confirmedAt ? [[t("receiptMail.pledgeConfirmed.confirmedAt"), formatDateTime(commitment.confirmedAt, locale)] as [string, string]] : []),
  ];
  const blocks: MailBlock[] = [
    { type: "paragraph", text: t("receiptMail.pledgeConfirmed.intro", { caseNo: caseRow.caseNo, office: office.name }) },
    { type: "facts", rows },
    {
      type: "paragraph",
      text: office.phone ? t("receiptMail.pledgeConfirmed.nextPhone", { office: office.name, phone: office.phone }) : t("receiptMail.pledgeConfirmed.next", { office: office.name }),
    },
    ...(isPublic ? [{ type: "link" as const, label: t("receiptMail.pledgeConfirmed.linkCase"), url: siteUrl(ctx, `/needs/${encodeURIComponent(caseRow.caseNo)}`) }] : []),
    { type: "link", label: t("receiptMail.pledgeConfirmed.linkAccount"), url: siteUrl(ctx, "/account") },
  ];
  const name = commitment.isAnonymous ? null : commitment.pledgerName?.trim();
  return {
    subject: t("receiptMail.pledgeConfirmed.subject", { caseNo: caseRow.caseNo }),
    greeting: name ? t("receiptMail.greeting", { name }) : t("receiptMail.greetingAnonymous"),
    blocks,
  };
}
