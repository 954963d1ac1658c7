import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { lineAmountText } from "~/components/plan/line-amount-text.ts";
import { PrintPlanButton } from "~/components/plan/print-plan-button.tsx";
import { requireCaseAccess } from "~/modules/cases/require-case-access.server.ts";
import { getPlanSheet } from "~/modules/plan/get-plan-sheet.server.ts";
import { formatDate, formatDateTime } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

// The printable 一案一策 sheet (/staff/cases/:caseNo/plan/print) for the paper case file. The
// trailing underscore of `$caseNo_` keeps it out of the case file's tab frame, so it prints alone.
// Staff covering the case only; public facts of the case and givers' public names, nothing personal.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  const [t, locale, sheet] = await Promise.all([getT(request), getLocale(request), getPlanSheet(caseRow.id)]);
  return {
    meta: { title: t("planDesk.print.title", { caseNo: caseRow.caseNo }) },
    locale,
    sheet,
    printedBy: user.displayName,
    printedAt: new Date().toISOString(),
  };
}

const cell = "border border-stone-400 px-2 py-1 align-top";

export default function PlanPrintPage() {
  const { sheet, locale, printedBy, printedAt } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="mx-auto max-w-4xl space-y-5 bg-white p-6 text-stone-900 print:max-w-none print:p-0 print:text-black" data-testid="plan-sheet">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link to={`/staff/cases/${sheet.caseNo}/plan`} className="text-brand-800 underline">{t("planDesk.print.back")}</Link>
        <PrintPlanButton />
      </div>
      <header className="space-y-1 text-center">
        <h1 className="text-2xl font-bold">{t("planDesk.print.heading")}</h1>
        <p className="text-sm">{sheet.ownerOffice.name}</p>
      </header>
      <dl className="grid grid-cols-[7rem_1fr_7rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-semibold">{t("planDesk.print.caseNo")}</dt><dd className="font-mono">{sheet.caseNo}</dd>
        <dt className="font-semibold">{t("planDesk.print.status")}</dt><dd>{t(`case.status.${sheet.status}`)}</dd>
        <dt className="font-semibold">{t("planDesk.print.category")}</dt><dd>{t(`case.category.${sheet.category}`)}</dd>
        <dt className="font-semibold">{t("planDesk.print.urgency")}</dt><dd>{t(`case.urgency.${sheet.urgency}`)}</dd>
        <dt className="font-semibold">{t("planDesk.print.region")}</dt><dd>{sheet.region.fullName}</dd>
        <dt className="font-semibold">{t("planDesk.print.alias")}</dt><dd>{sheet.alias ?? "–"}</dd>
        <dt className="font-semibold">{t("planDesk.print.publishedAt")}</dt><dd>{sheet.publishedAt ? formatDate(sheet.publishedAt, locale) : "–"}</dd>
      </dl>

      {sheet.lines.map((line, index) => {
        const amount = (n: number) => lineAmountText(t, line.kind, n, line.unit);
        return (
          <section key={line.id} aria-labelledby={`sheet-line-${line.id}`} className="space-y-1 break-inside-avoid">
            <h2 id={`sheet-line-${line.id}`} className="font-semibold">
              {index + 1}. {t(`need.kind.${line.kind}`)} · {line.title}
              <span className="ml-2 text-sm font-normal">
                {t("planDesk.print.lineTotals", { target: amount(line.target), committed: amount(line.committed), delivered: amount(line.delivered) })}
                {line.status !== "OPEN" && ` · ${t(`planDesk.line.status.${line.status}`)}`}
              </span>
            </h2>
            {line.commitments.length === 0 ? (
              <p className="text-sm">{t("planDesk.print.none")}</p>
            ) : (
              <table className="w-full border-collapse text-sm">
                <thead>
                  <tr className="text-left">
                    <th scope="col" className={cell}>{t("planDesk.print.resource")}</th>
                    <th scope="col" className={cell}>{t("planDesk.print.amount")}</th>
                    <th scope="col" className={cell}>{t("planDesk.print.commitmentStatus")}</th>
                    <th scope="col" className={cell}>{t("planDesk.print.plannedBy")}</th>
                  </tr>
                </thead>
                <tbody>
                  {line.commitments.map((c) => (
                    <tr key={c.id}>
                      <td className={cell}>
                        {t(`pledgeDesk.source.${c.source}`)} · {c.giverName ?? t("planDesk.print.anonymousGiver")}
                        {c.resourceName && <span> · {c.resourceName}</span>}
                      </td>
                      <td className={`${cell} whitespace-nowrap`}>{amount(c.amount)}</td>
                      <td className={cell}>{t(`account.commitmentStatus.${c.status}`)}</td>
                      <td className={cell}>{c.plannedBy ?? "–"} · {formatDateTime(c.plannedAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}

      <footer className="grid grid-cols-3 gap-6 pt-8 text-sm">
        <p>{t("planDesk.print.handler")} <span className="inline-block w-28 border-b border-stone-700" /></p>
        <p>{t("planDesk.print.reviewer")} <span className="inline-block w-28 border-b border-stone-700" /></p>
        <p>{t("planDesk.print.date")} <span className="inline-block w-28 border-b border-stone-700" /></p>
        <p className="col-span-3 text-xs text-stone-700 print:text-black">{t("planDesk.print.printed", { who: printedBy, at: formatDateTime(printedAt, locale) })}</p>
      </footer>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
