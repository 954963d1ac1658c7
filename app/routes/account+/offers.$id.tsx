import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { ResourceStatusPanel } from "~/components/owner-resources/resource-status-panel.tsx";
import { SaveButton } from "~/components/owner-resources/save-buttons.tsx";
import { VolunteerOfferFields, volunteerOfferValues } from "~/components/owner-resources/volunteer-offer-fields.tsx";
import { FormAlert } from "~/components/ui/field.tsx";
import { isResourceEditable } from "~/domain/resources/resource-status.ts";
import { changeOwnVolunteerOfferStatus } from "~/modules/owner-resources/change-own-volunteer-offer-status.server.ts";
import { getOwnVolunteerOffer } from "~/modules/owner-resources/get-own-volunteer-offer.server.ts";
import { listCountyChoices } from "~/modules/owner-resources/list-county-choices.server.ts";
import { ownedResourceActionError } from "~/modules/owner-resources/owner-resource-errors.server.ts";
import { ResourcePageIntentSchema, VolunteerOfferSchema, formValues, parseOwnerForm } from "~/modules/owner-resources/owner-resource-schemas.ts";
import { updateOwnVolunteerOffer } from "~/modules/owner-resources/update-own-volunteer-offer.server.ts";
import { forbidden, requireAction } from "~/utils/auth.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAction(request, "volunteer.manage");
  const offer = await getOwnVolunteerOffer(params.id ?? "");
  if (!offer) throw data({ status: 404 }, { status: 404 });
  if (offer.userId !== user.id) forbidden();
  const [t, regions] = await Promise.all([getT(request), listCountyChoices(offer.regionCodes)]);
  const { userId: _userId, ...rest } = offer;
  return { meta: { title: t("myVolunteerOffers.editTitle", { title: offer.title }) }, offer: rest, regions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAction(request, "volunteer.manage");
  const formData = await request.formData();
  const values = formValues(formData);
  const intent = parseForm(ResourcePageIntentSchema, formData);
  if (!intent.ok) return data({ formError: "validation.formHasErrors", fieldErrors: intent.fieldErrors, values }, { status: 400 });
  const target = { offerId: params.id ?? "", userId: user.id };
  try {
    if (intent.data.intent === "save") {
      const form = parseOwnerForm(VolunteerOfferSchema, formData);
      if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values }, { status: 400 });
      await updateOwnVolunteerOffer({ ...target, form: form.data });
    } else {
      await changeOwnVolunteerOfferStatus({ ...target, intent: intent.data.intent });
    }
  } catch (error) {
    return ownedResourceActionError(error, values);
  }
  return redirect(`/account/offers/${target.offerId}`, 303);
}

export default function MyVolunteerOfferPage() {
  const { offer, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const isSaveAnswer = actionData?.values.intent === "save";
  const canEdit = isResourceEditable(offer.status);
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <header className="space-y-2">
          <p><Link to="/account/offers" className="text-sm text-brand-800 underline">{t("myVolunteerOffers.back")}</Link></p>
          <h1 className="text-2xl font-bold">{t("myVolunteerOffers.editTitle", { title: offer.title })}</h1>
          {offer.hoursDelivered > 0 && <p className="text-sm text-stone-700">{t("myVolunteerOffers.delivered", { count: offer.hoursDelivered })}</p>}
        </header>
        {!isSaveAnswer && <FormAlert message={actionData?.formError} />}
        <Form method="post" noValidate className="space-y-6">
          {isSaveAnswer && <FormAlert message={actionData?.formError} />}
          <fieldset disabled={!canEdit}>
            <VolunteerOfferFields values={isSaveAnswer ? actionData.values : volunteerOfferValues(offer)} errors={errors} regions={regions} hoursReserved={offer.hoursReserved} />
          </fieldset>
          {canEdit && <SaveButton />}
        </Form>
      </div>
      <aside className="space-y-4">
        <ResourceStatusPanel status={offer.status} canChange />
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
