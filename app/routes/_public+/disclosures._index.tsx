import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { DisclosureTable } from "~/components/resources/disclosure-table.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { listDisclosures } from "~/modules/resources/list-disclosures.server.ts";
import { PageQuerySchema } from "~/modules/resources/page-query.server.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const query = PageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [t, locale, result] = await Promise.all([getT(request), getLocale(request), listDisclosures(query)]);
  return { meta: { title: t("disclosures.title"), description: t("disclosures.metaDescription") }, query, locale, ...result };
}

export default function DisclosuresPage() {
  const { query, locale, total, pages, disclosures } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-bold">{t("disclosures.title")}</h1>
          <p className="text-stone-700">{t("disclosures.count", { count: total })}</p>
        </div>
        <p className="mt-2 max-w-3xl text-stone-700">{t("disclosures.intro")}</p>
        {/* A resource route: a plain link so the browser downloads it instead of client routing. */}
        <a href="/disclosures.csv" download="disclosures.csv" className="mt-3 inline-block text-brand-800 underline">{t("disclosures.downloadCsv")}</a>
      </header>
      {disclosures.length === 0 ? (
        <p className="text-stone-700">{t("disclosures.empty")}</p>
      ) : (
        <DisclosureTable rows={disclosures} locale={locale} />
      )}
      <Pagination page={query.page} pages={pages} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
