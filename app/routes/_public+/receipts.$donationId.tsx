import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { PrintButton } from "~/components/receipts/print-button.tsx";
import { ReceiptSheet } from "~/components/receipts/receipt-sheet.tsx";
import { getDonationReceipt } from "~/modules/account/get-donation-receipt.server.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

/** A card payment is confirmed by Stripe's webhook within seconds: the page looks again this often. */
const PENDING_POLL_MS = 5000;

// The donation id is the capability to see the receipt: keep the page out of search engines and caches.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageMeta(data?.meta),
  { name: "robots", content: "noindex, nofollow" },
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const receipt = await getDonationReceipt(params.donationId ?? "");
  if (!receipt) throw data({ status: 404 }, { status: 404 });
  const [t, locale] = await Promise.all([getT(request), getLocale(request)]);
  // A card gift waits seconds for the webhook, so the page looks again by itself; a transfer waits
  // days for the office to confirm it and is not polled.
  const isAwaitingCard = receipt.status === "PENDING" && receipt.method === "CARD";
  const noteKey = receipt.status === "PENDING" ? (isAwaitingCard ? "PENDING_CARD" : "PENDING_TRANSFER") : receipt.status;
  const redirectNote = receipt.redirectedToFund
    ? receipt.fund
      ? t("receiptPage.redirectedToFund", { fund: receipt.fund.name })
      : t("receiptPage.redirectedToFundUnnamed")
    : null;
  return {
    meta: { title: t("receiptPage.metaTitle", { receiptNo: receipt.receiptNo }) },
    locale,
    isAwaitingCard,
    receipt,
    donorName: receipt.donorName ?? t("receiptPage.anonymousDonor"),
    statusNote: t(`receiptPage.statusNote.${noteKey}`),
    redirectNote,
  };
}

export default function ReceiptPage() {
  const { locale, receipt, donorName, statusNote, redirectNote, isAwaitingCard } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  // With JavaScript the data is fetched again quietly until the payment is confirmed; the page is
  // not reloaded (a timed <meta refresh> fails WCAG 2.2.1). Without it, the reader follows the link.
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!isAwaitingCard) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [isAwaitingCard, revalidator]);
  const receiptPath = `/receipts/${receipt.id}`;
  return (
    <div className="space-y-6 print:space-y-4">
      <ReceiptSheet locale={locale} receipt={receipt} donorName={donorName} statusNote={statusNote} redirectNote={redirectNote} />
      {isAwaitingCard && (
        <p className="mx-auto max-w-2xl text-sm text-stone-700 print:hidden">
          {t("receiptPage.autoRefresh")} <Link to={receiptPath} className="text-brand-800 underline">{t("receiptPage.refreshNow")}</Link>
        </p>
      )}
      <div className="mx-auto flex max-w-2xl flex-wrap items-center gap-4 print:hidden">
        <PrintButton />
        <p className="text-sm text-stone-700">{t("receiptPage.printHint")}</p>
      </div>
      <p className="mx-auto max-w-2xl text-sm text-stone-700 print:hidden">{t("receiptPage.capabilityNote")}</p>
      {receipt.case?.isPublic && (
        <p className="mx-auto max-w-2xl print:hidden">
          <Link to={`/needs/${encodeURIComponent(receipt.case.caseNo)}`} className="text-brand-800 underline">{t("receiptPage.viewCase")}</Link>
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
