import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/dates.ts";
import { Cell, HistoryTable } from "./history-table.tsx";
import { NeedQuantity } from "./need-quantity.tsx";

export type CommitmentHistoryItem = {
  id: string;
  amount: number;
  status: string;
  pledgedAt: string | Date;
  deliveredAt: string | Date | null;
  need: { title: string; kind: "CASH" | "ITEM" | "SERVICE"; unit: string | null };
  case: { caseNo: string; isPublic: boolean };
  organization?: { name: string } | null;
  volunteerOffer?: { title: string } | null;
};

/** Pledges, organisation commitments or volunteer assignments: case, line, amount, status, date. */
export function CommitmentHistory({
  items,
  locale,
  caption,
  empty,
  extra,
}: {
  items: CommitmentHistoryItem[];
  locale: string;
  caption: string;
  empty: string;
  /** A leading column: the organisation or the volunteer offer. */
  extra?: "organization" | "volunteerOffer";
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="text-stone-700">{empty}</p>;
  const columns = [
    ...(extra === "organization" ? [t("accountHistory.organization")] : extra === "volunteerOffer" ? [t("accountHistory.offer")] : []),
    t("accountHistory.case"),
    t("accountHistory.need"),
    t("accountHistory.quantity"),
    t("account.status"),
    t("account.date"),
  ];
  return (
    <HistoryTable caption={caption} columns={columns}>
      {items.map((c) => (
        <tr key={c.id}>
          {extra === "organization" && <Cell>{c.organization?.name ?? ""}</Cell>}
          {extra === "volunteerOffer" && <Cell>{c.volunteerOffer?.title ?? ""}</Cell>}
          <Cell className="whitespace-nowrap">
            {c.case.isPublic ? <Link className="underline" to={`/needs/${encodeURIComponent(c.case.caseNo)}`}>{c.case.caseNo}</Link> : c.case.caseNo}
          </Cell>
          <Cell>{c.need.title}</Cell>
          <Cell className="whitespace-nowrap"><NeedQuantity amount={c.amount} need={c.need} /></Cell>
          <Cell>{t(`account.commitmentStatus.${c.status}`)}</Cell>
          <Cell className="whitespace-nowrap">{formatDate(c.deliveredAt ?? c.pledgedAt, locale)}</Cell>
        </tr>
      ))}
    </HistoryTable>
  );
}
