import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { OrganizationStatusBadge } from "~/components/oversight/status-badges.tsx";
import { buttonClass } from "~/components/ui/field.tsx";
import { FilterSelect } from "~/components/ui/filter-select.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { ORGANIZATION_STATUSES } from "~/domain/organization-status.ts";
import { listOrganizationsForVetting } from "~/modules/vetting/list-organizations-for-vetting.server.ts";
import { OrganizationQuerySchema } from "~/modules/vetting/vetting-schemas.server.ts";
import { requireAction } from "~/utils/auth.server.ts";
import { formatDate } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

// Vetting is not region-bound: organisations act across regions, so any staff member may vet.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAction(request, "organization.vet");
  const query = OrganizationQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [t, locale, list] = await Promise.all([getT(request), getLocale(request), listOrganizationsForVetting(query)]);
  return { meta: { title: t("vetting.title") }, query, ...list, locale };
}

export default function StaffOrganizationsPage() {
  const { query, rows, total, pending, pages, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("vetting.title")}</h1>
        <p className="text-stone-700">{t("vetting.intro")}</p>
        <p className="mt-1 font-semibold" data-testid="pending-count">{t("vetting.pending", { count: pending })}</p>
      </header>
      <Form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <FilterSelect name="status" label={t("vetting.columns.status")} value={query.status} allLabel={t("vetting.allStatuses")}
          options={ORGANIZATION_STATUSES.map((s) => [s, t(`org.status.${s}`)])} />
        <button type="submit" className={buttonClass}>{t("staff.filter")}</button>
      </Form>
      <p className="text-sm text-stone-700">{t("vetting.count", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="text-stone-700">{t("vetting.empty")}</p>
      ) : (
        <DataTable rows={rows} rowKey={(row) => row.id} rowTestId={() => "organization-row"} columns={[
          { header: t("vetting.columns.name"), cell: (row) => <Link to={`/staff/organizations/${row.id}`} className="text-brand-800 underline">{row.name}</Link> },
          { header: t("vetting.columns.status"), cell: (row) => <OrganizationStatusBadge status={row.status} /> },
          { header: t("vetting.columns.kind"), cell: (row) => t(`org.kind.${row.kind}`) },
          { header: t("vetting.columns.creditCode"), className: "font-mono", cell: (row) => row.creditCode },
          { header: t("vetting.columns.region"), cell: (row) => row.region.fullName },
          { header: t("vetting.columns.createdAt"), className: "whitespace-nowrap", cell: (row) => formatDate(row.createdAt, locale) },
        ]} />
      )}
      <Pagination page={query.page} pages={pages} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
