import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { NewResourcePage } from "~/components/owner-resources/owned-resource-form-page.tsx";
import { ProjectFields } from "~/components/owner-resources/project-fields.tsx";
import { createOwnedProject } from "~/modules/owner-resources/create-owned-project.server.ts";
import { listCountyChoices } from "~/modules/owner-resources/list-county-choices.server.ts";
import { runCreateResourceAction } from "~/modules/owner-resources/owned-resource-actions.server.ts";
import { ProjectSchema } from "~/modules/owner-resources/owner-resource-schemas.ts";
import { requireVettedOrganizationMember } from "~/modules/owner-resources/require-organization-member.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireVettedOrganizationMember(request, params.orgId ?? "");
  const [t, regions] = await Promise.all([getT(request), listCountyChoices()]);
  return { meta: { title: `${t("ownedProject.newTitle")} · ${organization.name}` }, organization: { id: organization.id, name: organization.name }, regions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireVettedOrganizationMember(request, params.orgId ?? "");
  return runCreateResourceAction(request, ProjectSchema, async (form) => {
    const created = await createOwnedProject({ organizationId: organization.id, actorId: user.id, form });
    return `/org/${organization.id}/projects/${created.id}`;
  });
}

export default function NewProjectPage() {
  const { organization, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <NewResourcePage
      back={{ to: `/org/${organization.id}`, label: organization.name }}
      title={t("ownedProject.newTitle")}
      intro={t("ownedProject.intro")}
      answer={actionData}
      fields={(values, errors) => <ProjectFields values={values} errors={errors} regions={regions} />}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
