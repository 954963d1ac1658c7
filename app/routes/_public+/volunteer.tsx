import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { VolunteerOfferCard } from "~/components/resources/volunteer-offer-card.tsx";
import { buttonClass } from "~/components/ui/field.tsx";
import { listVolunteerOffers } from "~/modules/resources/list-volunteer-offers.server.ts";
import { PageQuerySchema } from "~/modules/resources/page-query.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const query = PageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [t, result] = await Promise.all([getT(request), listVolunteerOffers(query)]);
  return { meta: { title: t("volunteerOffers.title"), description: t("volunteerOffers.metaDescription") }, query, ...result };
}

export default function VolunteerPage() {
  const { query, total, pages, offers } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <header>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-bold">{t("volunteerOffers.title")}</h1>
          <p className="text-stone-700">{t("volunteerOffers.count", { count: total })}</p>
        </div>
        <p className="mt-2 max-w-3xl text-stone-700">{t("volunteerOffers.intro")}</p>
      </header>

      <section aria-labelledby="offer-how" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="offer-how" className="text-lg font-semibold">{t("volunteerOffers.howTitle")}</h2>
        <p className="mt-1 text-stone-700">{t("volunteerOffers.howIntro")}</p>
        <ol className="mt-3 list-decimal space-y-1 pl-6">
          <li>{t("volunteerOffers.howStep1")}</li>
          <li>{t("volunteerOffers.howStep2")}</li>
          <li>{t("volunteerOffers.howStep3")}</li>
        </ol>
        {/* accountType is a hint for the sign-up form; the person still picks the type there. */}
        <Link to="/signup?accountType=VOLUNTEER" className={`${buttonClass} mt-4`}>{t("volunteerOffers.signUp")}</Link>
      </section>

      <section aria-labelledby="offer-list" className="space-y-4">
        <h2 id="offer-list" className="sr-only">{t("volunteerOffers.title")}</h2>
        {offers.length === 0 ? (
          <p className="text-stone-700">{t("volunteerOffers.empty")}</p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            {offers.map((offer) => <VolunteerOfferCard key={offer.id} offer={offer} />)}
          </div>
        )}
        <Pagination page={query.page} pages={pages} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
