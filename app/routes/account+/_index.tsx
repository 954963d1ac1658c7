import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Money } from "~/components/ui/money.tsx";
import { getAccountOverview } from "~/modules/account/get-account-overview.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { formatDate } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, locale, overview] = await Promise.all([getT(request), getLocale(request), getAccountOverview(user.id)]);
  return { meta: { title: t("account.title") }, locale, ...overview };
}

export default function AccountPage() {
  const { user, donations, commitments, volunteerOffers, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold">{t("account.title")}</h1>
        <p className="text-stone-700">{user.displayName} · {user.email}</p>
        <p className="text-sm text-stone-700">{t("account.roles")}: {user.roles.map((r) => t(`account.role.${r}`)).join("、")}</p>
      </header>

      <section aria-labelledby="donations-title">
        <h2 id="donations-title" className="text-lg font-semibold">{t("account.donations")}</h2>
        {donations.length === 0 ? <p className="text-stone-700">{t("account.noDonations")}</p> : (
          <ul className="mt-2 divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {donations.map((d) => (
              <li key={d.id} className="flex flex-wrap justify-between gap-2 px-3 py-2 text-sm">
                <span>{t("account.receiptNo")} {d.receiptNo}{d.case && <> · <Link className="underline" to={`/needs/${d.case.caseNo}`}>{d.case.caseNo}</Link></>}</span>
                <span><Money fen={d.amountFen} /> · {t(`account.donationStatus.${d.status}`)} · {formatDate(d.createdAt, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="commitments-title">
        <h2 id="commitments-title" className="text-lg font-semibold">{t("account.commitments")}</h2>
        {commitments.length === 0 ? <p className="text-stone-700">{t("account.noCommitments")}</p> : (
          <ul className="mt-2 divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {commitments.map((c) => (
              <li key={c.id} className="flex flex-wrap justify-between gap-2 px-3 py-2 text-sm">
                <span><Link className="underline" to={`/needs/${c.case.caseNo}`}>{c.case.caseNo}</Link> · {c.need.title}</span>
                <span>{c.need.kind === "CASH" ? <Money fen={c.amount} /> : `${c.amount} ${c.need.kind === "SERVICE" ? t("need.unitHours") : (c.need.unit ?? "")}`} · {t(`account.commitmentStatus.${c.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="offers-title">
        <h2 id="offers-title" className="text-lg font-semibold">{t("account.volunteerOffers")}</h2>
        {volunteerOffers.length === 0 ? <p className="text-stone-700">{t("account.noVolunteerOffers")}</p> : (
          <ul className="mt-2 divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {volunteerOffers.map((o) => (
              <li key={o.id} className="flex flex-wrap justify-between gap-2 px-3 py-2 text-sm">
                <span>{o.title}</span>
                <span>{t("account.hours", { offered: o.hoursOffered, reserved: o.hoursReserved })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
