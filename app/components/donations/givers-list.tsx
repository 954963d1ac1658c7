import { useTranslation } from "react-i18next";
import { fen, formatFen } from "~/domain/money.ts";
import { formatDate } from "~/utils/dates.ts";

export type PublicGiver = { id: string; name: string | null; kind: "CASH" | "ITEM" | "SERVICE"; unit: string | null; amount: number; at: string | Date };

/** Confirmed and delivered givers by public name; anonymous ones as 爱心人士. Never an email. */
export function GiversList({ givers, locale }: { givers: PublicGiver[]; locale: string }) {
  const { t } = useTranslation();
  const amount = (g: PublicGiver) =>
    g.kind === "CASH" ? formatFen(fen(g.amount)) : `${g.amount} ${g.kind === "SERVICE" ? t("need.unitHours") : (g.unit ?? "")}`.trim();
  return (
    <section aria-labelledby="givers-title" className="rounded-lg border border-stone-200 bg-white p-4" data-testid="givers">
      <h2 id="givers-title" className="font-semibold">{t("needMoney.giversTitle")}</h2>
      {givers.length === 0 ? (
        <p className="mt-2 text-sm text-stone-700">{t("needMoney.giversEmpty")}</p>
      ) : (
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">{t("needMoney.giversTitle")}</caption>
          <thead className="text-xs text-stone-700">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">{t("needMoney.columns.name")}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t("needMoney.columns.kind")}</th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">{t("needMoney.columns.amount")}</th>
              <th scope="col" className="py-1 font-medium">{t("needMoney.columns.date")}</th>
            </tr>
          </thead>
          <tbody>
            {givers.map((g) => (
              <tr key={g.id} className="border-t border-stone-100">
                <td className="py-1 pr-2">{g.name ?? t("needMoney.anonymous")}</td>
                <td className="py-1 pr-2">{t(`need.kind.${g.kind}`)}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{amount(g)}</td>
                <td className="py-1 text-stone-700"><time dateTime={new Date(g.at).toISOString()}>{formatDate(g.at, locale)}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
