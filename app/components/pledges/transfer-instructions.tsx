import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Money } from "~/components/ui/money.tsx";
import { formatDate } from "~/utils/dates.ts";

/**
 * How to pay an offline transfer pledge: the receiving account (a demo account, clearly marked as
 * such in the text), the amount, the receipt number to write in the remark, and the deadline.
 */
export function TransferInstructions(props: { caseNo: string; locale: string; pledge: { receiptNo: string; amountFen: number; expiresAt: string; isMailed: boolean } }) {
  const { t } = useTranslation();
  const { pledge } = props;
  return (
    <section role="status" aria-labelledby="instructions-title" className="space-y-4 rounded-lg border border-emerald-300 bg-emerald-50 p-5" data-testid="transfer-instructions">
      <h2 id="instructions-title" className="text-xl font-semibold">{t("pledging.transfer.sentTitle")}</h2>
      <p>{t("pledging.transfer.sentBody")}</p>
      <dl className="grid grid-cols-[9rem_1fr] gap-y-2 rounded border border-stone-200 bg-white p-4 text-sm">
        <dt className="font-medium">{t("pledging.transfer.accountName")}</dt><dd>{t("pledging.transfer.demoAccountName")}</dd>
        <dt className="font-medium">{t("pledging.transfer.bank")}</dt><dd>{t("pledging.transfer.demoBank")}</dd>
        <dt className="font-medium">{t("pledging.transfer.accountNo")}</dt><dd className="font-mono">{t("pledging.transfer.demoAccountNo")}</dd>
        <dt className="font-medium">{t("pledging.transfer.amount")}</dt><dd className="font-semibold"><Money fen={pledge.amountFen} /></dd>
        <dt className="font-medium">{t("pledging.transfer.remark")}</dt><dd className="font-mono text-lg font-bold" data-testid="transfer-receipt-no">{pledge.receiptNo}</dd>
        <dt className="font-medium">{t("pledging.transfer.deadline")}</dt><dd>{formatDate(pledge.expiresAt, props.locale)}</dd>
      </dl>
      <p className="text-sm text-stone-800">{t("pledging.transfer.demoNotice")}</p>
      <p className="text-sm">{t("pledging.transfer.remarkHint")}</p>
      <p className="text-sm">{pledge.isMailed ? t("pledging.transfer.mailed") : t("pledging.transfer.notMailed")}</p>
      <Link to={`/needs/${props.caseNo}`} className="inline-block underline">{t("pledging.backToNeed")}</Link>
    </section>
  );
}
