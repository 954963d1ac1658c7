import { useTranslation } from "react-i18next";
import type { PublicOrganization } from "~/modules/resources/get-organization.server.ts";
import { isoDateOf } from "~/utils/dates.ts";
import { itemCategoryLabel } from "./resource-labels.tsx";

const cell = "px-3 py-2";

/** Goods an organisation has on offer: item, category, what is still available, where and until when. */
export function SupplyOfferTable({ offers }: { offers: PublicOrganization["supplyOffers"] }) {
  const { t } = useTranslation();
  if (offers.length === 0) return <p className="text-stone-700">{t("organizations.noSupplyOffers")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("organizations.supplyOffers")}</caption>
        <thead className="bg-stone-100 text-left">
          <tr>
            <th scope="col" className={cell}>{t("organizations.item")}</th>
            <th scope="col" className={cell}>{t("organizations.category")}</th>
            <th scope="col" className={`${cell} text-right`}>{t("organizations.available")}</th>
            <th scope="col" className={cell}>{t("organizations.regions")}</th>
            <th scope="col" className={cell}>{t("organizations.expiresOn")}</th>
          </tr>
        </thead>
        <tbody>
          {offers.map((offer) => (
            <tr key={offer.id} className="border-t border-stone-100 align-top">
              <th scope="row" className={`${cell} text-left font-medium`}>
                {offer.itemName}
                {offer.description && <p className="font-normal text-stone-700">{offer.description}</p>}
              </th>
              <td className={cell}>{itemCategoryLabel(t, offer.itemCategory)}</td>
              <td className={`${cell} text-right tabular-nums`}>{offer.available} / {offer.quantity} {offer.unit}</td>
              <td className={cell}>{offer.regions.length === 0 ? "–" : offer.regions.map((r) => r.fullName).join(" / ")}</td>
              <td className={cell}>{offer.expiresOn ? isoDateOf(new Date(offer.expiresOn)) : t("organizations.noExpiry")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
