import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Money } from "~/components/ui/money.tsx";
import { getAdminOverview } from "~/modules/admin/get-admin-overview.server.ts";
import { requireAction } from "~/utils/auth.server.ts";
import { formatDate } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAction(request, "admin.manage");
  const [t, locale, overview] = await Promise.all([getT(request), getLocale(request), getAdminOverview()]);
  return { meta: { title: t("admin.title") }, locale, ...overview };
}

export default function AdminPage() {
  const { users, regions, funds, calendarDays, standards, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("admin.title")}</h1>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3">
        <div className="rounded border border-stone-200 bg-white p-4"><dt className="text-sm text-stone-700">{t("admin.users")}</dt><dd className="text-2xl font-bold">{users}</dd></div>
        <div className="rounded border border-stone-200 bg-white p-4"><dt className="text-sm text-stone-700">{t("admin.regions")}</dt><dd className="text-2xl font-bold">{regions}</dd></div>
        <div className="rounded border border-stone-200 bg-white p-4"><dt className="text-sm text-stone-700">{t("admin.funds")}</dt><dd className="text-2xl font-bold">{funds.length}</dd></div>
      </dl>
      <section aria-labelledby="standards-title">
        <h2 id="standards-title" className="text-lg font-semibold">{t("admin.standards")}</h2>
        <ul className="mt-2 divide-y divide-stone-200 rounded border border-stone-200 bg-white text-sm">
          {standards.map((s) => (
            <li key={s.id} className="flex flex-wrap justify-between gap-2 px-3 py-2">
              <span>{s.region.fullName} · {t(`admin.standardKind.${s.kind}`)}</span>
              <span><Money fen={s.monthlyFen} /> · {t("admin.effectiveFrom", { date: formatDate(s.effectiveFrom, locale) })}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="calendar-title">
        <h2 id="calendar-title" className="text-lg font-semibold">{t("admin.calendar")}</h2>
        <ul className="mt-2 divide-y divide-stone-200 rounded border border-stone-200 bg-white text-sm">
          {calendarDays.map((d) => (
            <li key={d.id} className="flex flex-wrap justify-between gap-2 px-3 py-2">
              <span>{formatDate(d.date, locale)} · {d.region.fullName} · {d.name}</span>
              <span>{d.isWorkingDay ? t("admin.workingDay") : t("admin.holiday")}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
