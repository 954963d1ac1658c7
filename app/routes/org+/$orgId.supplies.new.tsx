import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { NewResourcePage } from "~/components/owner-resources/owned-resource-form-page.tsx";
import { SupplyOfferFields } from "~/components/owner-resources/supply-offer-fields.tsx";
import { createOwnedSupplyOffer } from "~/modules/owner-resources/create-owned-supply-offer.server.ts";
import { listCountyChoices } from "~/modules/owner-resources/list-county-choices.server.ts";
import { runCreateResourceAction } from "~/modules/owner-resources/owned-resource-actions.server.ts";
import { SupplyOfferSchema } from "~/modules/owner-resources/owner-resource-schemas.ts";
import { requireVettedOrganizationMember } from "~/modules/owner-resources/require-organization-member.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireVettedOrganizationMember(request, params.orgId ?? "");
  const [t, regions] = await Promise.all([getT(request), listCountyChoices()]);
  return { meta: { title: `${t("ownedSupply.newTitle")} · ${organization.name}` }, organization: { id: organization.id, name: organization.name }, regions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireVettedOrganizationMember(request, params.orgId ?? "");
  return runCreateResourceAction(request, SupplyOfferSchema, async (form) => {
    const created = await createOwnedSupplyOffer({ organizationId: organization.id, actorId: user.id, form });
    return `/org/${organization.id}/supplies/${created.id}`;
  });
}

export default function NewSupplyOfferPage() {
  const { organization, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <NewResourcePage
      back={{ to: `/org/${organization.id}`, label: organization.name }}
      title={t("ownedSupply.newTitle")}
      intro={t("ownedSupply.intro")}
      answer={actionData}
      fields={(values, errors) => <SupplyOfferFields values={values} errors={errors} regions={regions} />}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
