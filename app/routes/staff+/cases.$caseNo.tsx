import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { getCaseHeader } from "~/modules/cases/get-case-header.server.ts";
import { requireCaseAccess } from "~/modules/cases/require-case-access.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

// The case file's frame: header and tabs. Each tab is its own route and authorises itself too,
// because Remix runs parent and child loaders in parallel.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRow } = await requireCaseAccess(request, params.caseNo);
  const [t, locale, header] = await Promise.all([getT(request), getLocale(request), getCaseHeader(caseRow.id)]);
  return { meta: { title: t("staff.caseTitle", { caseNo: header.caseNo }) }, header, locale };
}

const TABS = [
  ["", "overview"],
  ["verify", "verify"],
  ["advance", "advance"],
  ["publish", "publish"],
  ["referrals", "referrals"],
  ["close", "close"],
  ["transfer", "transfer"],
  ["pledges", "pledges"],
  ["money", "money"],
  ["plan", "plan"],
] as const;

/** Tabs whose labels live in another section's locale file than caseActions.tabs. */
const TAB_LABELS: Partial<Record<(typeof TABS)[number][1], string>> = { pledges: "pledgeDesk.tab", money: "fundDesk.moneyTab", plan: "planDesk.tab" };

export default function StaffCaseLayout() {
  const { header, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("staff.caseTitle", { caseNo: header.caseNo })}</h1>
        <p className="text-stone-700">
          <span data-testid="case-status" className="font-semibold">{t(`case.status.${header.status}`)}</span> ·{" "}
          {t(`case.category.${header.category}`)} · {t(`case.urgency.${header.urgency}`)} · {t(`case.source.${header.source}`)} ·{" "}
          {header.region.fullName}
        </p>
        <p className="text-sm text-stone-700">{t("staff.owner")}: {header.ownerOffice.name} · {formatDateTime(header.receivedAt, locale)}</p>
      </header>
      <nav aria-label={t("staff.caseTitle", { caseNo: header.caseNo })} className="border-b border-stone-200">
        <ul className="flex flex-wrap gap-1 text-sm">
          {TABS.map(([path, key]) => (
            <li key={key}>
              <NavLink to={path} end className={({ isActive }) =>
                `block rounded-t px-3 py-2 ${isActive ? "border border-b-white border-stone-200 bg-white font-semibold text-brand-800" : "text-stone-700 hover:bg-stone-100"}`}>
                {t(TAB_LABELS[key] ?? `caseActions.tabs.${key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
