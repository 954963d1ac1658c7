import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/dates.ts";
import { Cell, HistoryTable } from "./history-table.tsx";
import { NeedQuantity } from "./need-quantity.tsx";

export type CommitmentHistoryItem = {
  id: string;
  source?: string;
  version?: number;
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
  canAct = false,
}: {
  items: CommitmentHistoryItem[];
  locale: string;
  caption: string;
  empty: string;
  /** A leading column: the organisation or the volunteer offer. */
  extra?: "organization" | "volunteerOffer";
  /** The pledger's own steps on goods and hours they pledged (认领): mark delivered, withdraw. */
  canAct?: boolean;
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
    ...(canAct ? [t("accountHistory.actions")] : []),
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
          {canAct && <Cell><PledgerActions item={c} /></Cell>}
        </tr>
      ))}
    </HistoryTable>
  );
}

/** Plain forms (work without JavaScript) posting to /account: the office confirms, the giver delivers or withdraws. */
function PledgerActions({ item }: { item: CommitmentHistoryItem }) {
  const { t } = useTranslation();
  if (item.source !== "DIRECT_PLEDGE" || item.version === undefined) return null;
  const isOpen = item.status === "PLEDGED" || item.status === "CONFIRMED";
  if (!isOpen) return null;
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="commitmentId" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <input type="hidden" name="intent" value={intent} />
    </>
  );
  return (
    <div className="flex flex-col gap-2">
      {item.status === "CONFIRMED" && (
        <Form method="post">
          {hidden("deliver")}
          <button type="submit" className="rounded bg-brand-700 px-2 py-1 text-sm font-semibold text-white hover:bg-brand-800">{t("pledgeDesk.intent.deliver")}</button>
        </Form>
      )}
      <Form method="post" className="flex flex-wrap items-end gap-1">
        {hidden("cancel")}
        <label className="text-xs">
          <span className="block">{t("pledgeDesk.reason")}</span>
          <input name="reason" required maxLength={200} className="w-36 rounded border border-stone-500 px-2 py-1 text-sm" />
        </label>
        <button type="submit" className="rounded border border-stone-500 px-2 py-1 text-sm hover:bg-stone-100">{t("pledgeDesk.intent.cancel")}</button>
      </Form>
    </div>
  );
}
