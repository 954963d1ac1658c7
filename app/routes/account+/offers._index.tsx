import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { ResourceStatusBadge } from "~/components/owner-resources/resource-status-badge.tsx";
import { buttonClass } from "~/components/ui/field.tsx";
import { listOwnVolunteerOffers } from "~/modules/owner-resources/list-own-volunteer-offers.server.ts";
import { requireAction } from "~/utils/auth.server.ts";
import { formatDate, isoDateOf } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAction(request, "volunteer.manage");
  const [t, locale, offers] = await Promise.all([getT(request), getLocale(request), listOwnVolunteerOffers(user.id)]);
  return { meta: { title: t("myVolunteerOffers.title"), description: t("myVolunteerOffers.metaDescription") }, locale, offers };
}

export default function MyVolunteerOffersPage() {
  const { offers, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("myVolunteerOffers.title")}</h1>
        <p className="text-stone-700">{t("myVolunteerOffers.intro")}</p>
        <Link to="/account/offers/new" className={buttonClass}>{t("myVolunteerOffers.new")}</Link>
      </header>
      {offers.length === 0 ? <p className="text-stone-700">{t("myVolunteerOffers.empty")}</p> : (
        <div className="overflow-x-auto rounded border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-50">
              <tr>
                <th scope="col" className="px-3 py-2">{t("myVolunteerOffers.columns.title")}</th>
                <th scope="col" className="px-3 py-2">{t("myVolunteerOffers.columns.skills")}</th>
                <th scope="col" className="px-3 py-2">{t("myVolunteerOffers.columns.status")}</th>
                <th scope="col" className="px-3 py-2">{t("myVolunteerOffers.columns.hours")}</th>
                <th scope="col" className="px-3 py-2">{t("myVolunteerOffers.columns.until")}</th>
                <th scope="col" className="px-3 py-2">{t("myVolunteerOffers.columns.updatedAt")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {offers.map((o) => (
                <tr key={o.id}>
                  <td className="px-3 py-2"><Link to={`/account/offers/${o.id}`} className="text-brand-800 underline">{o.title}</Link></td>
                  <td className="px-3 py-2">{o.skills.map((s) => t(`resourceTypes.service.${s}`, { defaultValue: s })).join("、")}</td>
                  <td className="px-3 py-2"><ResourceStatusBadge status={o.status} /></td>
                  <td className="px-3 py-2 tabular-nums">
                    {t("myVolunteerOffers.hoursCell", { reserved: o.hoursReserved, offered: o.hoursOffered })}
                    {o.hoursDelivered > 0 && <span className="block text-xs text-stone-700">{t("myVolunteerOffers.delivered", { count: o.hoursDelivered })}</span>}
                  </td>
                  <td className="px-3 py-2">{o.availableUntil ? isoDateOf(new Date(o.availableUntil)) : t("myVolunteerOffers.noEnd")}</td>
                  <td className="px-3 py-2">{formatDate(o.updatedAt, locale)}</td>
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
