import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { OrganizationNotice } from "~/components/owner-resources/organization-notice.tsx";
import { EditResourcePage } from "~/components/owner-resources/owned-resource-form-page.tsx";
import { ResourceStatusPanel } from "~/components/owner-resources/resource-status-panel.tsx";
import { SupplyOfferFields, supplyOfferValues } from "~/components/owner-resources/supply-offer-fields.tsx";
import { isResourceEditable } from "~/domain/resources/resource-status.ts";
import { changeOwnedSupplyOfferStatus } from "~/modules/owner-resources/change-owned-supply-offer-status.server.ts";
import { getOwnedSupplyOffer } from "~/modules/owner-resources/get-owned-supply-offer.server.ts";
import { listCountyChoices } from "~/modules/owner-resources/list-county-choices.server.ts";
import { foundOr404, runEditResourceAction } from "~/modules/owner-resources/owned-resource-actions.server.ts";
import { SupplyOfferSchema } from "~/modules/owner-resources/owner-resource-schemas.ts";
import { requireOrganizationMember, requireVettedOrganizationMember } from "~/modules/owner-resources/require-organization-member.server.ts";
import { updateOwnedSupplyOffer } from "~/modules/owner-resources/update-owned-supply-offer.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationMember(request, params.orgId ?? "");
  const offer = foundOr404(await getOwnedSupplyOffer(organization.id, params.id ?? ""));
  const [t, regions] = await Promise.all([getT(request), listCountyChoices(offer.regionCodes)]);
  return { meta: { title: `${t("ownedSupply.editTitle", { item: offer.itemName })} · ${organization.name}` }, organization, offer, regions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireVettedOrganizationMember(request, params.orgId ?? "");
  const target = { organizationId: organization.id, supplyOfferId: params.id ?? "", actorId: user.id };
  return runEditResourceAction(request, SupplyOfferSchema, {
    save: (form) => updateOwnedSupplyOffer({ ...target, form }),
    changeStatus: (intent) => changeOwnedSupplyOfferStatus({ ...target, intent }),
    redirectTo: `/org/${organization.id}/supplies/${target.supplyOfferId}`,
  });
}

export default function OwnedSupplyOfferPage() {
  const { organization: org, offer, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <EditResourcePage
      back={{ to: `/org/${org.id}`, label: org.name }}
      title={t("ownedSupply.editTitle", { item: offer.itemName })}
      notice={<OrganizationNotice status={org.status} reason={org.statusReason} />}
      answer={actionData}
      storedValues={supplyOfferValues(offer)}
      canEdit={org.isVetted && isResourceEditable(offer.status)}
      fields={(values, errors) => <SupplyOfferFields values={values} errors={errors} regions={regions} reserved={{ quantity: offer.quantityReserved, unit: offer.unit }} />}
      aside={<ResourceStatusPanel status={offer.status} canChange={org.isVetted} />}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
