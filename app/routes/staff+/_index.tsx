import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { UrgencyBadge } from "~/components/needs/urgency-badge.tsx";
import { buttonClass } from "~/components/ui/field.tsx";
import { FilterSelect } from "~/components/ui/filter-select.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { CASE_CATEGORIES, CASE_STATUSES, URGENCIES } from "~/domain/case-status.ts";
import { QueueQuerySchema, listCaseQueue } from "~/modules/staff/list-case-queue.server.ts";
import { listQueueRegions } from "~/modules/staff/list-queue-regions.server.ts";
import { getRegionName } from "~/modules/regions/get-region-name.server.ts";
import { requireStaff } from "~/utils/auth.server.ts";
import { formatDate } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const query = QueueQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [t, locale, rows, regions, scopeName] = await Promise.all([
    getT(request),
    getLocale(request),
    listCaseQueue(user.scopeRegionCode, query),
    listQueueRegions(user.scopeRegionCode),
    user.scopeRegionCode ? getRegionName(user.scopeRegionCode) : Promise.resolve(null),
  ]);
  return { meta: { title: t("staff.queueTitle") }, query, rows, regions, scopeName, locale };
}

export default function StaffQueuePage() {
  const { query, rows, regions, scopeName, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("staff.queueTitle")}</h1>
          <p className="text-stone-700">{t("staff.queueIntro")} {scopeName && t("staff.scope", { region: scopeName })}</p>
        </div>
        <nav aria-label={t("staff.queueTitle")} className="flex flex-wrap gap-2 text-sm">
          <Link to="/staff/cases/new" className={buttonClass}>{t("staff.newCase")}</Link>
          <Link to="/staff/complaints" className="rounded border border-stone-400 px-3 py-2 hover:bg-stone-100">{t("staff.complaintsLink")}</Link>
          <Link to="/staff/organizations" className="rounded border border-stone-400 px-3 py-2 hover:bg-stone-100">{t("staff.organizationsLink")}</Link>
          <Link to="/staff/funds" className="rounded border border-stone-400 px-3 py-2 hover:bg-stone-100">{t("fundDesk.title")}</Link>
        </nav>
      </header>
      <Form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <FilterSelect name="status" label={t("staff.columns.status")} value={query.status} allLabel={t("staff.allStatuses")}
          options={CASE_STATUSES.map((s) => [s, t(`case.status.${s}`)])} />
        <FilterSelect name="category" label={t("staff.columns.category")} value={query.category} allLabel={t("staff.allCategories")}
          options={CASE_CATEGORIES.map((c) => [c, t(`case.category.${c}`)])} />
        <FilterSelect name="urgency" label={t("staff.columns.urgency")} value={query.urgency} allLabel={t("staff.allUrgencies")}
          options={URGENCIES.map((u) => [u, t(`case.urgency.${u}`)])} />
        <FilterSelect name="region" label={t("staff.columns.region")} value={query.region} allLabel={t("staff.allRegions")}
          options={regions.map((r) => [r.code, r.fullName])} />
        <button type="submit" className={buttonClass}>{t("staff.filter")}</button>
      </Form>
      {rows.length === 0 ? (
        <p className="text-stone-700">{t("staff.empty")}</p>
      ) : (
        <DataTable rows={rows} rowKey={(row) => row.caseNo} rowTestId={() => "queue-row"} columns={[
          { header: t("staff.columns.caseNo"), cell: (row) => <Link to={`/staff/cases/${row.caseNo}`} className="font-mono text-brand-800 underline">{row.caseNo}</Link> },
          { header: t("staff.columns.status"), cell: (row) => t(`case.status.${row.status}`) },
          { header: t("staff.columns.category"), cell: (row) => t(`case.category.${row.category}`) },
          { header: t("staff.columns.urgency"), cell: (row) => <UrgencyBadge urgency={row.urgency} /> },
          { header: t("staff.columns.region"), cell: (row) => row.region.fullName },
          { header: t("staff.columns.needIndex"), className: "tabular-nums", cell: (row) => row.needIndex ?? "–" },
          { header: t("staff.columns.due"), cell: (row) => row.deadline && (
            <span className={row.deadline.state === "overdue" ? "font-semibold text-brand-700" : ""}>
              {formatDate(row.deadline.dueOn, locale)}
              {row.deadline.state === "overdue" && ` · ${t("staff.overdue")}`}
              {row.deadline.state === "dueToday" && ` · ${t("staff.dueToday")}`}
            </span>
          ) },
        ]} />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
