import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { CreateButtons } from "~/components/owner-resources/save-buttons.tsx";
import { VolunteerOfferFields } from "~/components/owner-resources/volunteer-offer-fields.tsx";
import { FormAlert } from "~/components/ui/field.tsx";
import { createOwnVolunteerOffer } from "~/modules/owner-resources/create-own-volunteer-offer.server.ts";
import { listCountyChoices } from "~/modules/owner-resources/list-county-choices.server.ts";
import { ownedResourceActionError } from "~/modules/owner-resources/owner-resource-errors.server.ts";
import { VolunteerOfferSchema, formValues, parseOwnerForm } from "~/modules/owner-resources/owner-resource-schemas.ts";
import { requireAction } from "~/utils/auth.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import type { FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAction(request, "volunteer.manage");
  const [t, regions] = await Promise.all([getT(request), listCountyChoices()]);
  return { meta: { title: t("myVolunteerOffers.newTitle") }, regions };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAction(request, "volunteer.manage");
  const formData = await request.formData();
  const values = formValues(formData);
  const form = parseOwnerForm(VolunteerOfferSchema, formData);
  if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values }, { status: 400 });
  try {
    const offer = await createOwnVolunteerOffer({ userId: user.id, form: form.data });
    return redirect(`/account/offers/${offer.id}`, 303);
  } catch (error) {
    return ownedResourceActionError(error, values);
  }
}

export default function NewVolunteerOfferPage() {
  const { regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p><Link to="/account/offers" className="text-sm text-brand-800 underline">{t("myVolunteerOffers.back")}</Link></p>
        <h1 className="text-2xl font-bold">{t("myVolunteerOffers.newTitle")}</h1>
        <p className="text-stone-700">{t("myVolunteerOffers.intro")}</p>
      </header>
      <FormAlert message={actionData?.formError} />
      <Form method="post" noValidate className="space-y-6">
        <VolunteerOfferFields values={actionData?.values ?? {}} errors={errors} regions={regions} />
        <CreateButtons />
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
