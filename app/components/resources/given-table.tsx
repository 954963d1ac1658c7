import { useTranslation } from "react-i18next";
import { Money } from "~/components/ui/money.tsx";
import type { GivenLine } from "~/modules/resources/get-organization.server.ts";

const cell = "px-3 py-2";

/** What an organisation has given, by kind: cash in 分 (shown as ¥), goods per unit, service hours. */
export function GivenTable({ lines }: { lines: GivenLine[] }) {
  const { t } = useTranslation();
  if (lines.length === 0) return <p className="text-stone-700">{t("organizations.nothingGiven")}</p>;
  const label = (line: GivenLine) =>
    line.kind === "CASH" ? t("organizations.cash")
      : line.kind === "SERVICE" ? t("organizations.serviceHours")
        : line.unit ? t("organizations.items", { unit: line.unit }) : t("organizations.itemsNoUnit");
  const amount = (line: GivenLine, n: number) => (line.kind === "CASH" ? <Money fen={n} /> : <span className="tabular-nums">{n}</span>);
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("organizations.given")}</caption>
        <thead className="bg-stone-100 text-left">
          <tr>
            <th scope="col" className={cell}>{t("organizations.columns.kind")}</th>
            <th scope="col" className={`${cell} text-right`}>{t("organizations.columns.delivered")}</th>
            <th scope="col" className={`${cell} text-right`}>{t("organizations.columns.confirmed")}</th>
            <th scope="col" className={`${cell} text-right`}>{t("organizations.columns.total")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={`${line.kind}:${line.unit ?? ""}`} className="border-t border-stone-100">
              <th scope="row" className={`${cell} text-left font-normal`}>{label(line)}</th>
              <td className={`${cell} text-right`}>{amount(line, line.delivered)}</td>
              <td className={`${cell} text-right`}>{amount(line, line.confirmed)}</td>
              <td className={`${cell} text-right font-semibold`}>{amount(line, line.delivered + line.confirmed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
