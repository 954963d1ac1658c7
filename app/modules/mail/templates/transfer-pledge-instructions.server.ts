// "transfer-pledge-instructions" { donationId }: an offline transfer pledge, how to pay it. The
// account itself is the one the owning office publishes; the mail names the office and its public
// phone, and the receipt number to quote so staff can match the payment.
import { fen, formatFen } from "~/domain/money.ts";
import { getDonationReceipt } from "~/modules/account/get-donation-receipt.server.ts";
import { formatDate } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { siteUrl, type MailBlock, type MailContext, type MailDraft } from "./mail-layout.server.ts";
import { donorGreeting, receiptFacts } from "./receipt-facts.server.ts";

export async function draftTransferPledgeInstructions(refs: Record<string, string>, ctx: MailContext): Promise<MailDraft | null> {
  const receipt = await getDonationReceipt(refs.donationId ?? "");
  if (!receipt) return null;
  const { t, locale } = ctx;
  const office = await receivingOffice(refs.donationId!);
  const amount = formatFen(fen(receipt.amountFen), locale);
  const officeName = office?.name ?? t("receiptMail.transferInstructions.defaultOffice");
  const steps = [
    office?.phone
      ? t("receiptMail.transferInstructions.stepAccountPhone", { office: officeName, amount, phone: office.phone })
      : t("receiptMail.transferInstructions.stepAccount", { office: officeName, amount }),
    t("receiptMail.transferInstructions.stepReference", { receiptNo: receipt.receiptNo }),
    t("receiptMail.transferInstructions.stepConfirm"),
  ];
  const blocks: MailBlock[] = [
    { type: "paragraph", text: t("receiptMail.transferInstructions.intro", { amount }) },
    { type: "steps", items: steps },
    { type: "facts", rows: receiptFacts(receipt, ctx) },
    ...(receipt.expiresAt ? [{ type: "paragraph" as const, text: t("receiptMail.transferInstructions.deadline", { date: formatDate(receipt.expiresAt, locale) }) }] : []),
    { type: "link", label: t("receiptMail.transferInstructions.link"), url: siteUrl(ctx, `/receipts/${receipt.id}`) },
  ];
  return { subject: t("receiptMail.transferInstructions.subject", { receiptNo: receipt.receiptNo }), greeting: donorGreeting(receipt, ctx), blocks };
}

/** The office that confirms the transfer: the case's owner, or for a gift to a fund an office of its region. */
async function receivingOffice(donationId: string): Promise<{ name: string; phone: string | null } | null> {
  const row = await prisma.donation.findUnique({
    where: { id: donationId },
    select: { case: { select: { ownerOffice: { select: { name: true, phone: true } } } }, fund: { select: { regionCode: true } } },
  });
  if (row?.case) return row.case.ownerOffice;
  if (!row?.fund) return null;
  return prisma.office.findFirst({ where: { regionCode: row.fund.regionCode }, orderBy: { createdAt: "asc" }, select: { name: true, phone: true } });
}
