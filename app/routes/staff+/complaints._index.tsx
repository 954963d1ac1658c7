import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { ComplaintStatusBadge } from "~/components/oversight/status-badges.tsx";
import { buttonClass } from "~/components/ui/field.tsx";
import { FilterSelect } from "~/components/ui/filter-select.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { COMPLAINT_STATUSES } from "~/domain/complaint-status.ts";
import { ComplaintQuerySchema } from "~/modules/complaints/complaint-schemas.server.ts";
import { listComplaints } from "~/modules/complaints/list-complaints.server.ts";
import { requireStaff } from "~/utils/auth.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const query = ComplaintQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [t, locale, list] = await Promise.all([getT(request), getLocale(request), listComplaints(user.scopeRegionCode, query)]);
  return { meta: { title: t("complaints.staff.queueTitle") }, query, ...list, locale };
}

export default function StaffComplaintsPage() {
  const { query, rows, total, pages, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("complaints.staff.queueTitle")}</h1>
        <p className="text-stone-700">{t("complaints.staff.queueIntro")}</p>
      </header>
      <Form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <FilterSelect name="status" label={t("complaints.staff.columns.status")} value={query.status} allLabel={t("complaints.staff.allStatuses")}
          options={COMPLAINT_STATUSES.map((s) => [s, t(`complaints.status.${s}`)])} />
        <button type="submit" className={buttonClass}>{t("staff.filter")}</button>
      </Form>
      <p className="text-sm text-stone-700">{t("complaints.staff.count", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="text-stone-700">{t("complaints.staff.empty")}</p>
      ) : (
        <DataTable rows={rows} rowKey={(row) => row.complaintNo} rowTestId={() => "complaint-row"} columns={[
          { header: t("complaints.staff.columns.complaintNo"), cell: (row) => <Link to={`/staff/complaints/${row.complaintNo}`} className="font-mono text-brand-800 underline">{row.complaintNo}</Link> },
          { header: t("complaints.staff.columns.subject"), cell: (row) => row.subject },
          { header: t("complaints.staff.columns.status"), cell: (row) => <ComplaintStatusBadge status={row.status} /> },
          { header: t("complaints.staff.columns.about"), cell: (row) => (
            <>
              {row.case && <span className="block font-mono text-xs">{t("complaints.staff.aboutCase", { caseNo: row.case.caseNo })}</span>}
              {row.organization && <span className="block">{row.organization.name}</span>}
              {!row.case && !row.organization && t("complaints.staff.aboutGeneral")}
            </>
          ) },
          { header: t("complaints.staff.columns.createdAt"), className: "whitespace-nowrap", cell: (row) => formatDateTime(row.createdAt, locale) },
        ]} />
      )}
      <Pagination page={query.page} pages={pages} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
