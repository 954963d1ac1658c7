// The facts a receipt states, shared by the receipt mail and the transfer instructions: receipt
// number, amount, where the gift went (the case's public title and number, or the fund), date,
// method and status. Nothing about the beneficiary beyond the case's public face.
import { fen, formatFen } from "~/domain/money.ts";
import type { DonationReceipt } from "~/modules/account/get-donation-receipt.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import type { MailContext } from "./mail-layout.server.ts";

export function donorGreeting(receipt: Pick<DonationReceipt, "donorName">, ctx: MailContext): string {
  return receipt.donorName ? ctx.t("receiptMail.greeting", { name: receipt.donorName }) : ctx.t("receiptMail.greetingAnonymous");
}

/** "急需手术费（JJN-341322-2026-0007）", or the case number alone while the case is not public. */
export function caseLabel(receiptCase: NonNullable<DonationReceipt["case"]>, ctx: MailContext): string {
  if (!receiptCase.publicTitle) return receiptCase.caseNo;
  return ctx.locale === "zh-CN" ? `${receiptCase.publicTitle}（${receiptCase.caseNo}）` : `${receiptCase.publicTitle} (${receiptCase.caseNo})`;
}

export function receiptFacts(receipt: DonationReceipt, ctx: MailContext): Array<[string, string]> {
  const { t, locale } = ctx;
  const rows: Array<[string, string]> = [
    [t("account.receiptNo"), receipt.receiptNo],
    [t("account.amount"), formatFen(fen(receipt.amountFen), locale)],
  ];
  if (receipt.case) rows.push([t("receiptPage.case"), caseLabel(receipt.case, ctx)]);
  if (receipt.fund && (receipt.redirectedToFund || !receipt.case)) rows.push([t("receiptPage.fund"), receipt.fund.name]);
  rows.push(
    [t("receiptPage.date"), formatDateTime(receipt.date, locale)],
    [t("receiptPage.method"), t(`receiptPage.methodName.${receipt.method}`)],
    [t("account.status"), t(`account.donationStatus.${receipt.status}`)],
  );
  return rows;
}

/** The sentence a redirected gift's receipt carries: the case was covered, the fund got it. */
export function redirectedNote(receipt: Pick<DonationReceipt, "redirectedToFund" | "fund">, ctx: MailContext): string | null {
  if (!receipt.redirectedToFund) return null;
  return receipt.fund ? ctx.t("receiptPage.redirectedToFund", { fund: receipt.fund.name }) : ctx.t("receiptPage.redirectedToFundUnnamed");
}
