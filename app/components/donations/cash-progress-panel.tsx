import { useTranslation } from "react-i18next";
import { fen, formatFen } from "~/domain/money.ts";
import { ProgressBar } from "../ui/progress-bar.tsx";

type CashLine = { id: string; title: string; target: number };

/** The case's cash progress from its ledger account (money actually received) against the cash target. */
export function CashProgressPanel({ cash, lines }: { cash: { targetFen: number; receivedFen: number }; lines: CashLine[] }) {
  const { t } = useTranslation();
  if (lines.length === 0) return null;
  const label = t("needMoney.received", { received: formatFen(fen(cash.receivedFen)), target: formatFen(fen(cash.targetFen)) });
  return (
    <section aria-labelledby="cash-title" className="rounded-lg border border-stone-200 bg-white p-4" data-testid="cash-progress">
      <h2 id="cash-title" className="font-semibold">{t("needMoney.cashTitle")}</h2>
      <div className="mt-3">
        <ProgressBar value={cash.receivedFen} max={cash.targetFen} label={label} />
      </div>
      <p className="mt-2 text-xs text-stone-700">{t("needMoney.receivedNote")}</p>
      <h3 className="mt-3 text-sm font-medium">{t("needMoney.cashLines")}</h3>
      <ul className="mt-1 space-y-1 text-sm text-stone-800">
        {lines.map((line) => <li key={line.id}>{t("needMoney.lineTarget", { title: line.title, target: formatFen(fen(line.target)) })}</li>)}
      </ul>
    </section>
  );
}
