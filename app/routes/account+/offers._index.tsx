import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { OwnedResourceTable } from "~/components/owner-resources/owned-resource-table.tsx";
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
      <OwnedResourceTable
        rows={offers}
        empty={t("myVolunteerOffers.empty")}
        name={{ header: t("myVolunteerOffers.columns.title"), text: (o) => o.title, to: (o) => `/account/offers/${o.id}` }}
        before={[{ header: t("myVolunteerOffers.columns.skills"), cell: (o) => o.skills.map((s) => t(`resourceTypes.service.${s}`, { defaultValue: s })).join("、") }]}
        statusHeader={t("myVolunteerOffers.columns.status")}
        columns={[
          {
            header: t("myVolunteerOffers.columns.hours"),
            className: "tabular-nums",
            cell: (o) => (
              <>
                {t("myVolunteerOffers.hoursCell", { reserved: o.hoursReserved, offered: o.hoursOffered })}
                {o.hoursDelivered > 0 && <span className="block text-xs text-stone-700">{t("myVolunteerOffers.delivered", { count: o.hoursDelivered })}</span>}
              </>
            ),
          },
          { header: t("myVolunteerOffers.columns.until"), cell: (o) => (o.availableUntil ? isoDateOf(new Date(o.availableUntil)) : t("myVolunteerOffers.noEnd")) },
          { header: t("myVolunteerOffers.columns.updatedAt"), cell: (o) => formatDate(o.updatedAt, locale) },
        ]}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
