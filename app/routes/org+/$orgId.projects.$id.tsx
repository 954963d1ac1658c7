import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { OrganizationNotice } from "~/components/owner-resources/organization-notice.tsx";
import { EditResourcePage } from "~/components/owner-resources/owned-resource-form-page.tsx";
import { ProjectFields, projectValues } from "~/components/owner-resources/project-fields.tsx";
import { ResourceStatusPanel } from "~/components/owner-resources/resource-status-panel.tsx";
import { isResourceEditable } from "~/domain/resources/resource-status.ts";
import { changeOwnedProjectStatus } from "~/modules/owner-resources/change-owned-project-status.server.ts";
import { getOwnedProject } from "~/modules/owner-resources/get-owned-project.server.ts";
import { listCountyChoices } from "~/modules/owner-resources/list-county-choices.server.ts";
import { foundOr404, runEditResourceAction } from "~/modules/owner-resources/owned-resource-actions.server.ts";
import { ProjectSchema } from "~/modules/owner-resources/owner-resource-schemas.ts";
import { requireOrganizationMember, requireVettedOrganizationMember } from "~/modules/owner-resources/require-organization-member.server.ts";
import { updateOwnedProject } from "~/modules/owner-resources/update-owned-project.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationMember(request, params.orgId ?? "");
  const project = foundOr404(await getOwnedProject(organization.id, params.id ?? ""));
  const regions = await listCountyChoices(project.regionCodes);
  return { meta: { title: `${project.title} · ${organization.name}` }, organization, project, regions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireVettedOrganizationMember(request, params.orgId ?? "");
  const target = { organizationId: organization.id, projectId: params.id ?? "", actorId: user.id };
  return runEditResourceAction(request, ProjectSchema, {
    save: (form) => updateOwnedProject({ ...target, form }),
    changeStatus: (intent) => changeOwnedProjectStatus({ ...target, intent }),
    redirectTo: `/org/${organization.id}/projects/${target.projectId}`,
  });
}

export default function OwnedProjectPage() {
  const { organization: org, project, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <EditResourcePage
      back={{ to: `/org/${org.id}`, label: org.name }}
      title={t("ownedProject.editTitle", { title: project.title })}
      notice={<OrganizationNotice status={org.status} reason={org.statusReason} />}
      answer={actionData}
      storedValues={projectValues(project)}
      canEdit={org.isVetted && isResourceEditable(project.status)}
      fields={(values, errors) => <ProjectFields values={values} errors={errors} regions={regions} reservedFen={project.reservedFen} />}
      aside={
        <>
          <ResourceStatusPanel status={project.status} canChange={org.isVetted} />
          {org.isVetted && project.status !== "DRAFT" && <p><Link to={`/projects/${project.id}`} className="text-sm text-brand-800 underline">{t("orgDesk.publicPage")}</Link></p>}
        </>
      }
    />
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
