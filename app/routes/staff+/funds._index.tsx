import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Money } from "~/components/ui/money.tsx";
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
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="min-w-full text-sm" data-testid="staff-funds">
            <thead className="bg-stone-50 text-left"><tr>
              <th scope="col" className="px-3 py-2">{t("fundDesk.columns.fund")}</th>
              <th scope="col" className="px-3 py-2">{t("fundDesk.columns.region")}</th>
              <th scope="col" className="px-3 py-2">{t("fundDesk.columns.balance")}</th>
              <th scope="col" className="px-3 py-2">{t("fundDesk.columns.threshold")}</th>
              <th scope="col" className="px-3 py-2">{t("fundDesk.columns.perCaseCap")}</th>
              <th scope="col" className="px-3 py-2">{t("fundDesk.columns.pending")}</th>
            </tr></thead>
            <tbody>
              {funds.map((f) => (
                <tr key={f.id} className="border-t border-stone-100">
                  <td className="px-3 py-2"><Link to={`/staff/funds/${f.id}`} className="font-medium text-brand-800 underline">{f.name}</Link>{f.status !== "ACTIVE" && ` · ${t("fundDesk.closed")}`}</td>
                  <td className="px-3 py-2">{f.region.fullName}</td>
                  <td className="px-3 py-2"><Money fen={f.balanceFen} /></td>
                  <td className="px-3 py-2"><Money fen={f.reviewThresholdFen} /></td>
                  <td className="px-3 py-2"><Money fen={f.perCaseCapFen} /></td>
                  <td className="px-3 py-2">{f.pendingReviews}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
