import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Money } from "~/components/ui/money.tsx";
import { formatDate } from "~/utils/dates.ts";
import { Cell, HistoryTable } from "./history-table.tsx";

export type DonationHistoryRow = {
  id: string;
  receiptNo: string;
  amountFen: number;
  status: string;
  createdAt: string | Date;
  paidAt: string | Date | null;
  redirectedToFund: boolean;
  case: { caseNo: string; publicTitle: string | null; isPublic: boolean } | null;
  fund: { name: string } | null;
};

export function DonationHistory({ donations, locale }: { donations: DonationHistoryRow[]; locale: string }) {
  const { t } = useTranslation();
  if (donations.length === 0) return <p className="text-stone-700">{t("account.noDonations")}</p>;
  return (
    <HistoryTable
      caption={t("account.donations")}
      columns={[t("account.receiptNo"), t("accountHistory.caseOrFund"), t("account.amount"), t("account.status"), t("account.date")]}
    >
      {donations.map((d) => (
        <tr key={d.id}>
          <Cell>
            <Link className="font-mono text-brand-800 underline" to={`/receipts/${d.id}`} aria-label={t("accountHistory.receiptFor", { receiptNo: d.receiptNo })}>
              {d.receiptNo}
            </Link>
          </Cell>
          <Cell>
            {d.case && (d.case.isPublic ? (
              <Link className="underline" to={`/needs/${encodeURIComponent(d.case.caseNo)}`}>{d.case.publicTitle ?? d.case.caseNo}</Link>
            ) : d.case.caseNo)}
            {d.fund && (d.redirectedToFund || !d.case) && <span className="block">{d.fund.name}</span>}
            {d.redirectedToFund && <span className="block text-xs text-stone-700">{t("accountHistory.redirected")}</span>}
          </Cell>
          <Cell className="whitespace-nowrap"><Money fen={d.amountFen} /></Cell>
          <Cell>{t(`account.donationStatus.${d.status}`)}</Cell>
          <Cell className="whitespace-nowrap">{formatDate(d.paidAt ?? d.createdAt, locale)}</Cell>
        </tr>
      ))}
    </HistoryTable>
  );
}
