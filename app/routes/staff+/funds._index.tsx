import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Money } from "~/components/ui/money.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { can } from "~/domain/permissions.ts";
import { listStaffFunds } from "~/modules/funds/list-staff-funds.server.ts";
import { requireStaff } from "~/utils/auth.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

// The relief funds a staff member records money for or reviews grants of.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const [t, funds] = await Promise.all([getT(request), listStaffFunds(user)]);
  const isReviewer = can(user, "grant.review", { regionCode: user.scopeRegionCode ?? "" });
  return { meta: { title: t("fundDesk.title") }, funds, isReviewer };
}

export default function StaffFundsPage() {
  const { funds, isReviewer } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("fundDesk.title")}</h1>
          <p className="text-stone-700">{t("fundDesk.intro")}</p>
        </div>
        {isReviewer && <Link to="/staff/funds/reviews" className="rounded border border-stone-400 px-3 py-2 text-sm hover:bg-stone-100">{t("fundDesk.reviews.link")}</Link>}
      </header>
      {funds.length === 0 ? <p>{t("fundDesk.empty")}</p> : (
        <DataTable testId="staff-funds" rows={funds} rowKey={(f) => f.id} columns={[
          { header: t("fundDesk.columns.fund"), cell: (f) => <><Link to={`/staff/funds/${f.id}`} className="font-medium text-brand-800 underline">{f.name}</Link>{f.status !== "ACTIVE" && ` · ${t("fundDesk.closed")}`}</> },
          { header: t("fundDesk.columns.region"), cell: (f) => f.region.fullName },
          { header: t("fundDesk.columns.balance"), cell: (f) => <Money fen={f.balanceFen} /> },
          { header: t("fundDesk.columns.threshold"), cell: (f) => <Money fen={f.reviewThresholdFen} /> },
          { header: t("fundDesk.columns.perCaseCap"), cell: (f) => <Money fen={f.perCaseCapFen} /> },
          { header: t("fundDesk.columns.pending"), cell: (f) => f.pendingReviews },
        ]} />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
