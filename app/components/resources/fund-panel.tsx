import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Money } from "~/components/ui/money.tsx";
import type { FundWithLedger } from "~/modules/resources/list-funds.server.ts";
import { formatDate } from "~/utils/dates.ts";
import { MoneyBars } from "./money-bars.tsx";
import { Fact, TagList } from "./tag-list.tsx";

const cell = "px-3 py-2";

function percentOf(amount: number, total: number): string {
  if (total <= 0) return "–";
  const percent = Math.round((amount / total) * 100);
  // A real but small share should not read as nothing.
  return percent === 0 && amount > 0 ? "<1%" : `${percent}%`;
}

/** One relief fund: balance, rules, a picture of money in and out, the figures, and its grants. */
export function FundPanel({ fund, locale }: { fund: FundWithLedger; locale: string }) {
  const { t } = useTranslation();
  const { ledger } = fund;
  const headingId = `fund-${fund.id}`;
  const inBars = ledger.moneyIn.map((l) => ({ key: l.key, label: t(`fund.inSource.${l.key}`, { defaultValue: l.key }), amountFen: l.amountFen }));
  const outBars = ledger.moneyOut.map((l) => ({ key: l.key, label: t(`fund.outKind.${l.key}`, { defaultValue: l.key }), amountFen: l.amountFen }));
  const maxFen = Math.max(0, ...inBars.map((b) => b.amountFen), ...outBars.map((b) => b.amountFen));

  return (
    <section aria-labelledby={headingId} className="space-y-6 rounded-lg border border-stone-200 bg-white p-5" data-testid="fund-panel">
      <header>
        <h2 id={headingId} className="text-xl font-semibold">{fund.name}</h2>
        <p className="text-sm text-stone-700">{t("fund.region")}: {fund.region.fullName}</p>
        {fund.description && <p className="mt-2 max-w-3xl leading-7">{fund.description}</p>}
      </header>

      <div className="grid gap-6 md:grid-cols-2">
        <dl className="grid grid-cols-3 gap-3 rounded-lg bg-stone-50 p-4">
          <div className="col-span-3">
            <dt className="text-sm text-stone-700">{t("fund.balance")}</dt>
            <dd className="text-3xl font-bold text-stone-900" data-testid="fund-balance"><Money fen={fund.balanceFen} /></dd>
          </div>
          <div className="col-span-3 sm:col-span-1">
            <dt className="text-xs text-stone-700">{t("fund.totalIn")}</dt>
            <dd className="font-semibold"><Money fen={ledger.totalInFen} /></dd>
          </div>
          <div className="col-span-3 sm:col-span-1">
            <dt className="text-xs text-stone-700">{t("fund.totalOut")}</dt>
            <dd className="font-semibold"><Money fen={ledger.totalOutFen} /></dd>
          </div>
        </dl>
        <div>
          <h3 className="font-semibold">{t("fund.rules")}</h3>
          <dl className="mt-2 space-y-1 text-sm">
            <Fact term={t("fund.perCaseCap")}><Money fen={fund.perCaseCapFen} /></Fact>
            <Fact term={t("fund.reviewThreshold")}>
              <Money fen={fund.reviewThresholdFen} /> <span className="font-normal text-stone-700">({t("fund.reviewThresholdHint")})</span>
            </Fact>
            <Fact term={t("fund.advanceCap")}><Money fen={fund.advanceCapFen} /></Fact>
          </dl>
          <p className="mt-2 text-sm text-stone-700">{t("fund.scope")}</p>
          <div className="mt-1">
            <TagList label={t("fund.scope")} items={fund.scopeCategories.map((c) => t(`case.category.${c}`))} />
          </div>
        </div>
      </div>

      <figure className="space-y-4">
        <h3 className="font-semibold">{t("fund.chartTitle")}</h3>
        <div className="grid gap-6 md:grid-cols-2">
          <MoneyBars title={t("fund.moneyIn")} bars={inBars} maxFen={maxFen} tone="in" emptyText={t("fund.noMoneyIn")} />
          <MoneyBars title={t("fund.moneyOut")} bars={outBars} maxFen={maxFen} tone="out" emptyText={t("fund.noMoneyOut")} />
        </div>
        <figcaption className="text-xs text-stone-700">{t("fund.chartNote")}</figcaption>
      </figure>

      <div className="grid gap-6 md:grid-cols-2">
        <FlowTable caption={t("fund.moneyIn")} firstColumn={t("fund.columns.source")} bars={inBars} totalLabel={t("fund.totalIn")} totalFen={ledger.totalInFen} />
        <FlowTable caption={t("fund.moneyOut")} firstColumn={t("fund.columns.use")} bars={outBars} totalLabel={t("fund.totalOut")} totalFen={ledger.totalOutFen} />
      </div>

      {/* Not a labelled region: every fund has one, and landmarks with the same name are ambiguous. */}
      <div>
        <h3 className="font-semibold">{t("fund.grants")}</h3>
        {ledger.grants.length === 0 ? (
          <p className="mt-2 text-sm text-stone-700">{t("fund.noGrants")}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-stone-700">{t("fund.grantsIntro", { count: ledger.grants.length })}</p>
            <div className="mt-2 overflow-x-auto rounded border border-stone-200">
              <table className="min-w-full text-sm">
                <caption className="sr-only">{t("fund.grants")}</caption>
                <thead className="bg-stone-100 text-left">
                  <tr>
                    <th scope="col" className={cell}>{t("fund.columns.date")}</th>
                    <th scope="col" className={cell}>{t("fund.columns.caseNo")}</th>
                    <th scope="col" className={cell}>{t("fund.columns.type")}</th>
                    <th scope="col" className={`${cell} text-right`}>{t("fund.columns.amount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {ledger.grants.map((g) => (
                    <tr key={g.id} className="border-t border-stone-100">
                      <td className={cell}>{formatDate(g.occurredAt, locale)}</td>
                      <td className={`${cell} font-mono`}>
                        {g.caseNo && g.isPublic ? (
                          <Link to={`/needs/${g.caseNo}`} className="text-brand-800 underline">{g.caseNo}</Link>
                        ) : (
                          <span>{g.caseNo ?? "–"} <span className="font-sans text-stone-700">({t("fund.notPublic")})</span></span>
                        )}
                      </td>
                      <td className={cell}>{g.isAdvance ? t("fund.advance") : t("fund.regular")}</td>
                      <td className={`${cell} text-right`}><Money fen={g.amountFen} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </section>
  );
}

function FlowTable({ caption, firstColumn, bars, totalLabel, totalFen }: { caption: string; firstColumn: string; bars: { key: string; label: string; amountFen: number }[]; totalLabel: string; totalFen: number }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto rounded border border-stone-200">
      <table className="min-w-full text-sm">
        <caption className="bg-stone-50 px-3 py-2 text-left font-semibold">{caption}</caption>
        <thead className="bg-stone-100 text-left">
          <tr>
            <th scope="col" className={cell}>{firstColumn}</th>
            <th scope="col" className={`${cell} text-right`}>{t("fund.columns.amount")}</th>
            <th scope="col" className={`${cell} text-right`}>{t("fund.columns.share")}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.key} className="border-t border-stone-100">
              <th scope="row" className={`${cell} text-left font-normal`}>{bar.label}</th>
              <td className={`${cell} text-right`}><Money fen={bar.amountFen} /></td>
              <td className={`${cell} text-right tabular-nums`}>{percentOf(bar.amountFen, totalFen)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-stone-300 font-semibold">
            <th scope="row" className={`${cell} text-left`}>{totalLabel}</th>
            <td className={`${cell} text-right`}><Money fen={totalFen} /></td>
            <td className={`${cell} text-right tabular-nums`}>{totalFen > 0 ? "100%" : "–"}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
