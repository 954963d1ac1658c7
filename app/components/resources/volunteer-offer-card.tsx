import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import type { PublicVolunteerOffer } from "~/modules/resources/list-volunteer-offers.server.ts";
import { isoDateOf } from "~/utils/dates.ts";
import { serviceLabel } from "./resource-labels.tsx";
import { Fact, TagList } from "./tag-list.tsx";

/** One volunteer offer: what, where, when and how many hours are still free. Name only, no contact. */
export function VolunteerOfferCard({ offer }: { offer: PublicVolunteerOffer }) {
  const { t } = useTranslation();
  return (
    <article className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="volunteer-offer">
      <div>
        <h3 className="text-lg font-semibold">{offer.title}</h3>
        {offer.offeredBy.name && (
          <p className="text-sm text-stone-700">
            {t("volunteerOffers.offeredBy")}:{" "}
            {offer.offeredBy.organizationId ? (
              <Link to={`/organizations/${offer.offeredBy.organizationId}`} className="text-brand-800 underline">{offer.offeredBy.name}</Link>
            ) : offer.offeredBy.name}
          </p>
        )}
      </div>
      {offer.description && <p className="text-sm leading-6 text-stone-800">{offer.description}</p>}
      <TagList label={t("volunteerOffers.skills")} items={offer.skills.map((s) => serviceLabel(t, s))} />
      <dl className="space-y-1 text-sm">
        <Fact term={t("volunteerOffers.regions")}>
          <TagList label={t("volunteerOffers.regions")} items={offer.regions.map((r) => r.fullName)} emptyText={t("volunteerOffers.allRegions")} />
        </Fact>
        <Fact term={t("volunteerOffers.availability")}>{offer.availability}</Fact>
        <Fact term={t("volunteerOffers.hours")}>
          {t("volunteerOffers.hoursOffered", { count: offer.hoursOffered })} · {t("volunteerOffers.hoursRemaining", { count: offer.hoursRemaining })}
        </Fact>
      </dl>
      <div className="mt-auto space-y-1">
        <ProgressBar value={offer.hoursReserved} max={offer.hoursOffered}
          label={t("volunteerOffers.hoursUsed", { reserved: offer.hoursReserved, offered: offer.hoursOffered })} />
        {offer.availableUntil && <p className="text-xs text-stone-700">{t("volunteerOffers.until", { date: isoDateOf(new Date(offer.availableUntil)) })}</p>}
      </div>
    </article>
  );
}
