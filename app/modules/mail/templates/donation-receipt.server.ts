// "donation-receipt" { donationId }: a card gift or a confirmed transfer, with the link to the
// printable receipt page.
import { getDonationReceipt } from "~/modules/account/get-donation-receipt.server.ts";
import { siteUrl, type MailBlock, type MailContext, type MailDraft } from "./mail-layout.server.ts";
import { donorGreeting, receiptFacts, redirectedNote } from "./receipt-facts.server.ts";

export async function draftDonationReceipt(refs: Record<string, string>, ctx: MailContext): Promise<MailDraft | null> {
  const receipt = await getDonationReceipt(refs.donationId ?? "");
  if (!receipt) return null;
  const { t } = ctx;
  const note = redirectedNote(receipt, ctx);
  const blocks: MailBlock[] = [
    { type: "paragraph", text: t("receiptMail.donationReceipt.intro") },
    { type: "facts", rows: receiptFacts(receipt, ctx) },
    ...(note ? [{ type: "paragraph" as const, text: note }] : []),
    { type: "link", label: t("receiptMail.donationReceipt.link"), url: siteUrl(ctx, `/receipts/${receipt.id}`) },
  ];
  return { subject: t("receiptMail.donationReceipt.subject", { receiptNo: receipt.receiptNo }), greeting: donorGreeting(receipt, ctx), blocks };
}
