import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { CreateButtons } from "~/components/owner-resources/save-buttons.tsx";
import { SupplyOfferFields } from "~/components/owner-resources/supply-offer-fields.tsx";
import { FormAlert } from "~/components/ui/field.tsx";
import { createOwnedSupplyOffer } from "~/modules/owner-resources/create-owned-supply-offer.server.ts";
import { listCountyChoices } from "~/modules/owner-resources/list-county-choices.server.ts";
import { ownedResourceActionError } from "~/modules/owner-resources/owner-resource-errors.server.ts";
import { SupplyOfferSchema, formValues, parseOwnerForm } from "~/modules/owner-resources/owner-resource-schemas.ts";
import { requireVettedOrganizationMember } from "~/modules/owner-resources/require-organization-member.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import type { FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireVettedOrganizationMember(request, params.orgId ?? "");
  const [t, regions] = await Promise.all([getT(request), listCountyChoices()]);
  return { meta: { title: `${t("ownedSupply.newTitle")} · ${organization.name}` }, organization: { id: organization.id, name: organization.name }, regions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireVettedOrganizationMember(request, params.orgId ?? "");
  const formData = await request.formData();
  const values = formValues(formData);
  const form = parseOwnerForm(SupplyOfferSchema, formData);
  if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values }, { status: 400 });
  try {
    const offer = await createOwnedSupplyOffer({ organizationId: organization.id, actorId: user.id, form: form.data });
    return redirect(`/org/${organization.id}/supplies/${offer.id}`, 303);
  } catch (error) {
    return ownedResourceActionError(error, values);
  }
}

export default function NewSupplyOfferPage() {
  const { organization, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p><Link to={`/org/${organization.id}`} className="text-sm text-brand-800 underline">{organization.name}</Link></p>
        <h1 className="text-2xl font-bold">{t("ownedSupply.newTitle")}</h1>
        <p className="text-stone-700">{t("ownedSupply.intro")}</p>
      </header>
      <FormAlert message={actionData?.formError} />
      <Form method="post" noValidate className="space-y-6">
        <SupplyOfferFields values={actionData?.values ?? {}} errors={errors} regions={regions} />
        <CreateButtons />
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
