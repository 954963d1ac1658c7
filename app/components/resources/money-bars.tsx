import { fen, formatFen } from "~/domain/money.ts";

export type Bar = { key: string; label: string; amountFen: number };

/**
 * A horizontal bar chart made of divs: each bar carries its label and amount as text, so nothing
 * is told by colour or length alone. `maxFen` is shared between charts that are compared.
 */
export function MoneyBars({ title, bars, maxFen, tone, emptyText }: { title: string; bars: Bar[]; maxFen: number; tone: "in" | "out"; emptyText: string }) {
  const barClass = tone === "in" ? "bg-emerald-700" : "bg-brand-700";
  return (
    <div>
      <h4 className="text-sm font-semibold text-stone-800">{title}</h4>
      {bars.length === 0 ? (
        <p className="mt-2 text-sm text-stone-700">{emptyText}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {bars.map((bar) => {
            const percent = maxFen > 0 ? Math.max(1, Math.round((bar.amountFen / maxFen) * 100)) : 0;
            return (
              <li key={bar.key} className="text-sm">
                <div className="flex justify-between gap-2">
                  <span className="text-stone-800">{bar.label}</span>
                  <span className="tabular-nums text-stone-900">{formatFen(fen(bar.amountFen))}</span>
                </div>
                <div aria-hidden="true" className="mt-0.5 h-3 w-full rounded bg-stone-100">
                  <div className={`h-full rounded ${barClass}`} style={{ width: `${percent}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
