import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { NeedCard } from "~/components/needs/need-card.tsx";
import { buttonClass, inputClass } from "~/components/ui/field.tsx";
import { FilterSelect as Select } from "~/components/ui/filter-select.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { CASE_CATEGORIES, URGENCIES } from "~/domain/case-status.ts";
import { NeedsQuerySchema, listPublishedNeeds } from "~/modules/public/list-published-needs.server.ts";
import { listRegionChoices } from "~/modules/public/list-region-choices.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

const SORTS = ["needIndex", "urgency", "newest"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const query = NeedsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [t, result] = await Promise.all([getT(request), listPublishedNeeds(query)]);
  const regions = await listRegionChoices(result.facets.region, query.region);
  return { meta: { title: t("needs.title"), description: t("needs.metaDescription") }, query, ...result, regions };
}

export default function NeedsPage() {
  const { query, total, pages, cases, facets, regions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const withCount = (label: string, count: number | undefined) => t("needs.optionCount", { label, count: count ?? 0 });
  const isFiltered = Boolean(query.q || query.category || query.urgency || query.region);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("needs.title")}</h1>
        <p className="text-stone-700" role="status">{t("needs.count", { count: total })}</p>
      </div>
      {/* A plain GET form: filters work without JavaScript and give shareable URLs. Each choice shows
          how many needs it would list (the other filters applied). */}
      <Form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <label className="text-sm">
          <span className="mb-1 block font-medium">{t("common.search")}</span>
          <input type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("needs.searchPlaceholder")} className={inputClass} />
        </label>
        <Select name="region" label={t("needs.region")} value={query.region} allLabel={t("needs.allRegions")}
          options={regions.map((r) => [r.code, withCount(`${"\u3000".repeat(r.depth)}${r.name}`, r.count)])} />
        <Select name="category" label={t("staff.columns.category")} value={query.category} allLabel={t("staff.allCategories")}
          options={CASE_CATEGORIES.map((c) => [c, withCount(t(`case.category.${c}`), facets.category[c])])} />
        <Select name="urgency" label={t("staff.columns.urgency")} value={query.urgency} allLabel={t("staff.allUrgencies")}
          options={URGENCIES.map((u) => [u, withCount(t(`case.urgency.${u}`), facets.urgency[u])])} />
        <label className="text-sm">
          <span className="mb-1 block font-medium">{t("needs.sort")}</span>
          <select name="sort" defaultValue={query.sort} className={inputClass}>
            {SORTS.map((s) => <option key={s} value={s}>{t(`needs.sortBy.${s}`)}</option>)}
          </select>
        </label>
        <button type="submit" className={buttonClass}>{t("common.apply")}</button>
        {isFiltered && <Link to="/needs" className="py-2 text-sm text-brand-800 underline">{t("needs.clearFilters")}</Link>}
      </Form>
      <h2 className="sr-only">{t("needs.results")}</h2>
      {cases.length === 0 ? (
        <p className="text-stone-700">{t("needs.empty")}</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {cases.map((item) => <NeedCard key={item.caseNo} item={item} />)}
        </div>
      )}
      <Pagination page={query.page} pages={pages} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
