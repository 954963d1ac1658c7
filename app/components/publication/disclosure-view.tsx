import { useTranslation } from "react-i18next";
import { Money } from "~/components/ui/money.tsx";
import type { DisclosureContent } from "~/domain/disclosure/build-disclosure.ts";
import { fen, formatFen } from "~/domain/money.ts";

export type DisclosureViewData = { outcome: string | null; totalInFen: number; totalOutFen: number; content: DisclosureContent };

const cell = "px-3 py-1.5";

function Table({ caption, headers, rows, numeric }: { caption: string; headers: string[]; rows: React.ReactNode[][]; numeric: number[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <h4 className="font-semibold">{caption}</h4>
      {rows.length === 0 ? <p className="text-sm text-stone-600">{t("closing.none")}</p> : (
        <table className="mt-1 min-w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-stone-100 text-left">
            <tr>{headers.map((h, i) => <th key={h} scope="col" className={`${cell} ${numeric.includes(i) ? "text-right" : ""}`}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r} className="border-t border-stone-100">
                {row.map((value, i) => <td key={i} className={`${cell} ${numeric.includes(i) ? "text-right tabular-nums" : ""}`}>{value}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** A case's 公示 as it is (or will be) published: sources, goods, hours, payments and the totals. */
export function DisclosureView({ disclosure, title, showBalance }: { disclosure: DisclosureViewData; title: string; showBalance?: boolean }) {
  const { t } = useTranslation();
  const { content } = disclosure;
  const difference = disclosure.totalInFen - disclosure.totalOutFen;
  return (
    <section aria-labelledby="disclosure-title" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" data-testid="disclosure-view">
      <h3 id="disclosure-title" className="text-lg font-semibold">{title}</h3>
      {disclosure.outcome && (
        <p><span className="font-medium">{t("closing.outcome")}：</span>{disclosure.outcome}</p>
      )}
      <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
        <dt>{t("closing.totalIn")}</dt><dd><Money fen={disclosure.totalInFen} /></dd>
        <dt>{t("closing.totalOut")}</dt><dd><Money fen={disclosure.totalOutFen} /></dd>
      </dl>
      {showBalance && difference !== 0 && (
        <p role="status" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("closing.balanceWarning", { amount: formatFen(fen(difference)) })}
        </p>
      )}
      <Table
        caption={t("closing.sources")}
        headers={[t("closing.columns.kind"), t("closing.columns.name"), t("closing.columns.amount")]}
        numeric={[2]}
        rows={content.sources.map((s) => [t(`closing.sourceKind.${s.kind}`, { defaultValue: s.kind }), s.name, <Money key="m" fen={s.amountFen} />])}
      />
      <Table
        caption={t("closing.goods")}
        headers={[t("closing.columns.item"), t("closing.columns.quantity")]}
        numeric={[1]}
        rows={content.goods.map((g) => [g.name, `${g.quantity} ${g.unit}`.trim()])}
      />
      <Table
        caption={t("closing.hours")}
        headers={[t("closing.columns.service"), t("closing.columns.hours")]}
        numeric={[1]}
        rows={content.hours.map((h) => [h.service, h.hours])}
      />
      <Table
        caption={t("closing.payments")}
        headers={[t("closing.columns.payeeKind"), t("closing.columns.payee"), t("closing.columns.amount")]}
        numeric={[2]}
        rows={content.payments.map((p) => [t(`closing.payeeKind.${p.payeeKind}`, { defaultValue: p.payeeKind }), p.payeeName, <Money key="m" fen={p.amountFen} />])}
      />
    </section>
  );
}
