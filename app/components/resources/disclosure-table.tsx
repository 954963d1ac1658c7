import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Money } from "~/components/ui/money.tsx";
import { fen, formatFen } from "~/domain/money.ts";
import type { DisclosureRow } from "~/modules/resources/list-disclosures.server.ts";
import { formatDate } from "~/utils/dates.ts";

const cell = "px-3 py-2";

/** Closed cases' public accounts: one row per case with totals and where the money came from. */
export function DisclosureTable({ rows, locale }: { rows: DisclosureRow[]; locale: string }) {
  const { t } = useTranslation();
  const columns = ["caseNo", "region", "category", "closedAt", "outcome", "totalIn", "totalOut", "sources"] as const;
  const numeric = new Set<string>(["totalIn", "totalOut"]);
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("disclosures.tableCaption")}</caption>
        <thead className="bg-stone-100 text-left">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={`${cell} font-semibold ${numeric.has(c) ? "text-right" : ""}`}>{t(`disclosures.columns.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-stone-100 align-top" data-testid="disclosure-row">
              <th scope="row" className={`${cell} text-left font-normal`}>
                <Link to={`/needs/${row.caseNo}`} className="whitespace-nowrap font-mono text-brand-800 underline">{row.caseNo}</Link>
              </th>
              <td className={`${cell} min-w-[9rem]`}>{row.regionName}</td>
              <td className={`${cell} whitespace-nowrap`}>{t(`case.category.${row.category}`)}</td>
              <td className={`${cell} whitespace-nowrap`}>{formatDate(row.closedAt, locale)}</td>
              <td className={`${cell} min-w-[12rem]`}>{row.outcome}</td>
              <td className={`${cell} text-right`}><Money fen={row.totalInFen} /></td>
              <td className={`${cell} text-right`}><Money fen={row.totalOutFen} /></td>
              <td className={`${cell} min-w-[12rem]`}>
                {row.sources.length === 0 ? t("disclosures.noSources") : (
                  <ul className="space-y-0.5">
                    {row.sources.map((s, index) => (
                      <li key={`${s.name ?? s.kind}-${index}`}>
                        {s.name ?? t(`disclosures.sourceKind.${s.kind ?? "OTHER"}`, { defaultValue: s.kind ?? "" })}{" "}
                        <span className="tabular-nums text-stone-700">{formatFen(fen(s.amountFen))}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
