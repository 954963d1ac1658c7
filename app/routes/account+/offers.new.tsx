import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { NewResourcePage } from "~/components/owner-resources/owned-resource-form-page.tsx";
import { VolunteerOfferFields } from "~/components/owner-resources/volunteer-offer-fields.tsx";
import { createOwnVolunteerOffer } from "~/modules/owner-resources/create-own-volunteer-offer.server.ts";
import { listCountyChoices } from "~/modules/owner-resources/list-county-choices.server.ts";
import { runCreateResourceAction } from "~/modules/owner-resources/owned-resource-actions.server.ts";
import { VolunteerOfferSchema } from "~/modules/owner-resources/owner-resource-schemas.ts";
import { requireAction } from "~/utils/auth.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAction(request, "volunteer.manage");
  const [t, regions] = await Promise.all([getT(request), listCountyChoices()]);
  return { meta: { title: t("myVolunteerOffers.newTitle") }, regions };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAction(request, "volunteer.manage");
  return runCreateResourceAction(request, VolunteerOfferSchema, async (form) => {
    const offer = await createOwnVolunteerOffer({ userId: user.id, form });
    return `/account/offers/${offer.id}`;
  });
}

export default function NewVolunteerOfferPage() {
  const { regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <NewResourcePage
      back={{ to: "/account/offers", label: t("myVolunteerOffers.back") }}
      title={t("myVolunteerOffers.newTitle")}
      intro={t("myVolunteerOffers.intro")}
      answer={actionData}
      fields={(values, errors) => <VolunteerOfferFields values={values} errors={errors} regions={regions} />}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
