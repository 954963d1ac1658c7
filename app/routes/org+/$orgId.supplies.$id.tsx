import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { OrganizationNotice } from "~/components/owner-resources/organization-notice.tsx";
import { ResourceStatusPanel } from "~/components/owner-resources/resource-status-panel.tsx";
import { SaveButton } from "~/components/owner-resources/save-buttons.tsx";
import { SupplyOfferFields, supplyOfferValues } from "~/components/owner-resources/supply-offer-fields.tsx";
import { FormAlert } from "~/components/ui/field.tsx";
import { isResourceEditable } from "~/domain/resources/resource-status.ts";
import { changeOwnedSupplyOfferStatus } from "~/modules/owner-resources/change-owned-supply-offer-status.server.ts";
import { getOwnedSupplyOffer } from "~/modules/owner-resources/get-owned-supply-offer.server.ts";
import { listCountyChoices } from "~/modules/owner-resources/list-county-choices.server.ts";
import { ownedResourceActionError } from "~/modules/owner-resources/owner-resource-errors.server.ts";
import { ResourcePageIntentSchema, SupplyOfferSchema, formValues, parseOwnerForm } from "~/modules/owner-resources/owner-resource-schemas.ts";
import { requireOrganizationMember, requireVettedOrganizationMember } from "~/modules/owner-resources/require-organization-member.server.ts";
import { updateOwnedSupplyOffer } from "~/modules/owner-resources/update-owned-supply-offer.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationMember(request, params.orgId ?? "");
  const offer = await getOwnedSupplyOffer(organization.id, params.id ?? "");
  if (!offer) throw data({ status: 404 }, { status: 404 });
  const [t, regions] = await Promise.all([getT(request), listCountyChoices(offer.regionCodes)]);
  return { meta: { title: `${t("ownedSupply.editTitle", { item: offer.itemName })} · ${organization.name}` }, organization, offer, regions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireVettedOrganizationMember(request, params.orgId ?? "");
  const formData = await request.formData();
  const values = formValues(formData);
  const intent = parseForm(ResourcePageIntentSchema, formData);
  if (!intent.ok) return data({ formError: "validation.formHasErrors", fieldErrors: intent.fieldErrors, values }, { status: 400 });
  const target = { organizationId: organization.id, supplyOfferId: params.id ?? "", actorId: user.id };
  try {
    if (intent.data.intent === "save") {
      const form = parseOwnerForm(SupplyOfferSchema, formData);
      if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values }, { status: 400 });
      await updateOwnedSupplyOffer({ ...target, form: form.data });
    } else {
      await changeOwnedSupplyOfferStatus({ ...target, intent: intent.data.intent });
    }
  } catch (error) {
    return ownedResourceActionError(error, values);
  }
  return redirect(`/org/${organization.id}/supplies/${target.supplyOfferId}`, 303);
}

export default function OwnedSupplyOfferPage() {
  const { organization: org, offer, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const isSaveAnswer = actionData?.values.intent === "save";
  const canEdit = org.isVetted && isResourceEditable(offer.status);
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <header className="space-y-2">
          <p><Link to={`/org/${org.id}`} className="text-sm text-brand-800 underline">{org.name}</Link></p>
          <h1 className="text-2xl font-bold">{t("ownedSupply.editTitle", { item: offer.itemName })}</h1>
          <OrganizationNotice status={org.status} reason={org.statusReason} />
        </header>
        {!isSaveAnswer && <FormAlert message={actionData?.formError} />}
        <Form method="post" noValidate className="space-y-6">
          {isSaveAnswer && <FormAlert message={actionData?.formError} />}
          <fieldset disabled={!canEdit}>
            <SupplyOfferFields values={isSaveAnswer ? actionData.values : supplyOfferValues(offer)} errors={errors} regions={regions}
              reserved={{ quantity: offer.quantityReserved, unit: offer.unit }} />
          </fieldset>
          {canEdit && <SaveButton />}
        </Form>
      </div>
      <aside className="space-y-4">
        <ResourceStatusPanel status={offer.status} canChange={org.isVetted} />
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
