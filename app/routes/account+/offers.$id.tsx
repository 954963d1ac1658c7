import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { EditResourcePage } from "~/components/owner-resources/owned-resource-form-page.tsx";
import { ResourceStatusPanel } from "~/components/owner-resources/resource-status-panel.tsx";
import { VolunteerOfferFields, volunteerOfferValues } from "~/components/owner-resources/volunteer-offer-fields.tsx";
import { isResourceEditable } from "~/domain/resources/resource-status.ts";
import { changeOwnVolunteerOfferStatus } from "~/modules/owner-resources/change-own-volunteer-offer-status.server.ts";
import { requireOwnVolunteerOffer } from "~/modules/owner-resources/get-own-volunteer-offer.server.ts";
import { listCountyChoices } from "~/modules/owner-resources/list-county-choices.server.ts";
import { runEditResourceAction } from "~/modules/owner-resources/owned-resource-actions.server.ts";
import { VolunteerOfferSchema } from "~/modules/owner-resources/owner-resource-schemas.ts";
import { updateOwnVolunteerOffer } from "~/modules/owner-resources/update-own-volunteer-offer.server.ts";
import { requireAction } from "~/utils/auth.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAction(request, "volunteer.manage");
  const offer = await requireOwnVolunteerOffer(params.id ?? "", user.id);
  const [t, regions] = await Promise.all([getT(request), listCountyChoices(offer.regionCodes)]);
  return { meta: { title: t("myVolunteerOffers.editTitle", { title: offer.title }) }, offer, regions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAction(request, "volunteer.manage");
  const target = { offerId: params.id ?? "", userId: user.id };
  return runEditResourceAction(request, VolunteerOfferSchema, {
    save: (form) => updateOwnVolunteerOffer({ ...target, form }),
    changeStatus: (intent) => changeOwnVolunteerOfferStatus({ ...target, intent }),
    redirectTo: `/account/offers/${target.offerId}`,
  });
}

export default function MyVolunteerOfferPage() {
  const { offer, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <EditResourcePage
      back={{ to: "/account/offers", label: t("myVolunteerOffers.back") }}
      title={t("myVolunteerOffers.editTitle", { title: offer.title })}
      notice={offer.hoursDelivered > 0 && <p className="text-sm text-stone-700">{t("myVolunteerOffers.delivered", { count: offer.hoursDelivered })}</p>}
      answer={actionData}
      storedValues={volunteerOfferValues(offer)}
      canEdit={isResourceEditable(offer.status)}
      fields={(values, errors) => <VolunteerOfferFields values={values} errors={errors} regions={regions} hoursReserved={offer.hoursReserved} />}
      aside={<ResourceStatusPanel status={offer.status} canChange />}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
