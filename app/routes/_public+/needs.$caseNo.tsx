import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useOutlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CashProgressPanel } from "~/components/donations/cash-progress-panel.tsx";
import { GiversList } from "~/components/donations/givers-list.tsx";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { NeedLineProgress } from "~/components/needs/need-line-progress.tsx";
import { UrgencyBadge } from "~/components/needs/urgency-badge.tsx";
import { getPublicNeed } from "~/modules/public/get-public-need.server.ts";
import { formatDate } from "~/utils/dates.ts";
import { getLocale } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

// The need's child pages (/needs/:caseNo/give, /transfer, /pledge …) nest under this route in
// remix-flat-routes: this loader answers 404 for them too when the case is not public, and the
// page below renders only the child when one matches.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const need = await getPublicNeed(params.caseNo ?? "");
  if (!need) throw data({ status: 404 }, { status: 404 });
  const locale = await getLocale(request);
  return { meta: { title: need.publicTitle ?? need.caseNo, description: need.publicStory?.slice(0, 140) }, need, locale };
}

export default function NeedRoute() {
  const outlet = useOutlet();
  return outlet ?? <NeedPage />;
}

function NeedPage() {
  const { need, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const cashLines = need.needs.filter((line) => line.kind === "CASH");
  const otherLines = need.needs.filter((line) => line.kind !== "CASH");
  return (
    <article className="grid gap-8 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <header>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="rounded bg-stone-100 px-2 py-0.5">{t(`case.category.${need.category}`)}</span>
            <UrgencyBadge urgency={need.urgency} />
            <span className="rounded bg-stone-100 px-2 py-0.5">{t(`case.status.${need.status}`)}</span>
          </div>
          <h1 className="mt-2 text-2xl font-bold">{need.publicTitle ?? need.caseNo}</h1>
          <p className="mt-1 text-stone-700">
            {need.alias}{need.ageBand && ` · ${t(`case.ageBand.${need.ageBand}`)}`} · {need.region.fullName}
          </p>
          <p className="text-sm text-stone-700">{t("needs.caseNo")}: {need.caseNo}
            {need.publishedAt && ` · ${t("needs.publishedAt")}: ${formatDate(need.publishedAt, locale)}`}</p>
        </header>
        <p className="whitespace-pre-line leading-7">{need.publicStory}</p>
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title" className="text-lg font-semibold">{t("needs.timeline")}</h2>
          <ol className="mt-3 space-y-3 border-l-2 border-stone-200 pl-4">
            {need.updates.map((u) => (
              <li key={u.id}>
                <p className="text-xs text-stone-700"><time dateTime={new Date(u.at).toISOString()}>{formatDate(u.at, locale)}</time></p>
                <p>{u.text}</p>
              </li>
            ))}
          </ol>
        </section>
        <GiversList givers={need.givers} locale={locale} />
      </div>
      <aside className="space-y-4">
        {need.status === "PUBLISHED" && (
          <section className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
            <Link to={`/needs/${need.caseNo}/give`} className="block rounded bg-brand-700 px-4 py-2 text-center font-semibold text-white hover:bg-brand-800">{t("needs.give")}</Link>
            <p className="text-xs text-stone-700">{t("needMoney.giveHint")}</p>
            <a href={`/needs/${need.caseNo}/pledge`} className="block rounded border border-brand-700 px-4 py-2 text-center font-semibold text-brand-800 hover:bg-brand-50">{t("needs.pledgeGoods")}</a>
            <a href={`/needs/${need.caseNo}/volunteer`} className="block rounded border border-brand-700 px-4 py-2 text-center font-semibold text-brand-800 hover:bg-brand-50">{t("needs.offerTime")}</a>
          </section>
        )}
        <CashProgressPanel cash={need.cash} lines={cashLines} />
        {otherLines.length > 0 && (
          <section aria-labelledby="lines-title" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="lines-title" className="font-semibold">{t("needMoney.goodsTitle")}</h2>
            <div className="mt-3 space-y-3">
              {otherLines.map((line) => <NeedLineProgress key={line.id} line={line} />)}
            </div>
          </section>
        )}
      </aside>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
