import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Money } from "~/components/ui/money.tsx";
import type { Locale } from "~/i18n.ts";
import { formatDateTime } from "~/utils/dates.ts";

export type ReceiptSheetProps = {
  locale: Locale;
  receipt: {
    receiptNo: string;
    amountFen: number;
    method: "CARD" | "TRANSFER";
    status: "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "REFUNDED" | "HELD";
    date: string | Date;
    redirectedToFund: boolean;
    case: { caseNo: string; publicTitle: string | null; isPublic: boolean } | null;
    fund: { id: string; name: string } | null;
  };
  donorName: string;
  statusNote: string;
  redirectNote: string | null;
};

/** The receipt itself: one bordered sheet on screen, plain black on white on paper. */
export function ReceiptSheet({ locale, receipt, donorName, statusNote, redirectNote }: ReceiptSheetProps) {
  const { t } = useTranslation();
  const showFund = receipt.fund && (receipt.redirectedToFund || !receipt.case);
  return (
    <article
      aria-labelledby="receipt-title"
      className="mx-auto max-w-2xl space-y-6 rounded-lg border border-stone-300 bg-white p-6 print:max-w-none print:rounded-none print:border-0 print:p-0 print:text-black"
    >
      <header className="border-b border-stone-300 pb-4 text-center">
        <p className="text-sm text-stone-700 print:text-black">{t("receiptPage.issuer")}</p>
        <h1 id="receipt-title" className="mt-1 text-2xl font-bold tracking-widest">{t("receiptPage.title")}</h1>
        <p className="mt-1 font-mono text-sm" data-testid="receipt-no">{t("account.receiptNo")}: {receipt.receiptNo}</p>
      </header>

      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-3">
        <Row term={t("account.amount")}><span className="text-xl font-semibold"><Money fen={receipt.amountFen} /></span></Row>
        <Row term={t("receiptPage.donor")}>{donorName}</Row>
        <Row term={t("receiptPage.date")}>
          <time dateTime={new Date(receipt.date).toISOString()}>{formatDateTime(receipt.date, locale)}</time>
        </Row>
        <Row term={t("receiptPage.method")}>{t(`receiptPage.methodName.${receipt.method}`)}</Row>
        {receipt.case && (
          <Row term={t("receiptPage.case")}>
            {receipt.case.isPublic ? (
              <Link reloadDocument to={`/needs/${encodeURIComponent(receipt.case.caseNo)}`} className="text-brand-800 underline print:text-black print:no-underline">
                {receipt.case.publicTitle ?? receipt.case.caseNo}
              </Link>
            ) : receipt.case.caseNo}
            {receipt.case.publicTitle && <span className="block text-sm text-stone-700 print:text-black">{receipt.case.caseNo}</span>}
          </Row>
        )}
        {showFund && (
          <Row term={t("receiptPage.fund")}>
            <Link reloadDocument to="/fund" className="text-brand-800 underline print:text-black print:no-underline">{receipt.fund!.name}</Link>
          </Row>
        )}
        <Row term={t("account.status")}><span data-testid="receipt-status">{t(`account.donationStatus.${receipt.status}`)}</span></Row>
      </dl>

      <p role="status" className="rounded border border-stone-300 bg-stone-50 px-3 py-2 print:border-0 print:bg-white print:px-0">{statusNote}</p>
      {redirectNote && <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 print:border-0 print:bg-white print:px-0" data-testid="redirect-note">{redirectNote}</p>}
    </article>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-stone-700 print:text-black">{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
