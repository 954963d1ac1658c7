import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { NeedCard } from "~/components/needs/need-card.tsx";
import { Money } from "~/components/ui/money.tsx";
import { getHomeFigures } from "~/modules/public/get-home-figures.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, figures] = await Promise.all([getT(request), getHomeFigures()]);
  return { meta: { title: t("home.title"), description: t("home.metaDescription") }, ...figures };
}

export default function HomePage() {
  const { openNeeds, fundBalanceFen, casesClosed, medianResponseHours, urgent } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-10">
      <section className="rounded-xl bg-brand-800 px-6 py-10 text-white">
        <h1 className="text-3xl font-bold">{t("home.heroTitle")}</h1>
        <p className="mt-3 max-w-3xl text-brand-50">{t("home.heroBody")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link to="/needs" className="rounded bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">{t("home.seeAllNeeds")}</Link>
          <Link to="/report" className="rounded border border-white px-4 py-2 font-semibold text-white hover:bg-brand-700">{t("nav.report")}</Link>
        </div>
      </section>

      <section aria-label={t("home.title")}>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Figure label={t("home.openNeeds")} value={<span data-testid="open-needs">{openNeeds}</span>} />
          <Figure label={t("home.fundBalance")} value={<Money fen={fundBalanceFen} />} />
          <Figure label={t("home.casesClosed")} value={casesClosed} />
          <Figure label={t("home.medianResponse")} value={medianResponseHours === null ? t("common.none") : t("home.hours", { count: medianResponseHours })} />
        </dl>
      </section>

      <section aria-labelledby="urgent-title">
        <div className="flex items-baseline justify-between">
          <h2 id="urgent-title" className="text-xl font-semibold">{t("home.urgentNeeds")}</h2>
          <Link to="/needs" className="text-sm text-brand-700 underline">{t("home.seeAllNeeds")}</Link>
        </div>
        {urgent.length === 0 ? (
          <p className="mt-4 text-stone-700">{t("home.noNeeds")}</p>
        ) : (
          <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {urgent.map((item) => <NeedCard key={item.caseNo} item={item} />)}
          </div>
        )}
      </section>
    </div>
  );
}

function Figure({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4">
      <dt className="text-sm text-stone-700">{label}</dt>
      <dd className="mt-1 text-2xl font-bold text-stone-900">{value}</dd>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
