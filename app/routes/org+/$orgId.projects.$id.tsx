import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { OrganizationNotice } from "~/components/owner-resources/organization-notice.tsx";
import { ProjectFields, projectValues } from "~/components/owner-resources/project-fields.tsx";
import { ResourceStatusPanel } from "~/components/owner-resources/resource-status-panel.tsx";
import { SaveButton } from "~/components/owner-resources/save-buttons.tsx";
import { FormAlert } from "~/components/ui/field.tsx";
import { isResourceEditable } from "~/domain/resources/resource-status.ts";
import { changeOwnedProjectStatus } from "~/modules/owner-resources/change-owned-project-status.server.ts";
import { getOwnedProject } from "~/modules/owner-resources/get-owned-project.server.ts";
import { listCountyChoices } from "~/modules/owner-resources/list-county-choices.server.ts";
import { ownedResourceActionError } from "~/modules/owner-resources/owner-resource-errors.server.ts";
import { ProjectSchema, ResourcePageIntentSchema, formValues, parseOwnerForm } from "~/modules/owner-resources/owner-resource-schemas.ts";
import { requireOrganizationMember, requireVettedOrganizationMember } from "~/modules/owner-resources/require-organization-member.server.ts";
import { updateOwnedProject } from "~/modules/owner-resources/update-owned-project.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrganizationMember(request, params.orgId ?? "");
  const project = await getOwnedProject(organization.id, params.id ?? "");
  if (!project) throw data({ status: 404 }, { status: 404 });
  const regions = await listCountyChoices(project.regionCodes);
  return { meta: { title: `${project.title} · ${organization.name}` }, organization, project, regions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireVettedOrganizationMember(request, params.orgId ?? "");
  const formData = await request.formData();
  const values = formValues(formData);
  const intent = parseForm(ResourcePageIntentSchema, formData);
  if (!intent.ok) return data({ formError: "validation.formHasErrors", fieldErrors: intent.fieldErrors, values }, { status: 400 });
  const target = { organizationId: organization.id, projectId: params.id ?? "", actorId: user.id };
  try {
    if (intent.data.intent === "save") {
      const form = parseOwnerForm(ProjectSchema, formData);
      if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values }, { status: 400 });
      await updateOwnedProject({ ...target, form: form.data });
    } else {
      await changeOwnedProjectStatus({ ...target, intent: intent.data.intent });
    }
  } catch (error) {
    return ownedResourceActionError(error, values);
  }
  return redirect(`/org/${organization.id}/projects/${target.projectId}`, 303);
}

export default function OwnedProjectPage() {
  const { organization: org, project, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const isSaveAnswer = actionData?.values.intent === "save";
  const canEdit = org.isVetted && isResourceEditable(project.status);
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <header className="space-y-2">
          <p><Link to={`/org/${org.id}`} className="text-sm text-brand-800 underline">{org.name}</Link></p>
          <h1 className="text-2xl font-bold">{t("ownedProject.editTitle", { title: project.title })}</h1>
          <OrganizationNotice status={org.status} reason={org.statusReason} />
        </header>
        {!isSaveAnswer && <FormAlert message={actionData?.formError} />}
        <Form method="post" noValidate className="space-y-6">
          {isSaveAnswer && <FormAlert message={actionData?.formError} />}
          <fieldset disabled={!canEdit} className="space-y-6">
            <ProjectFields values={isSaveAnswer ? actionData.values : projectValues(project)} errors={errors} regions={regions} reservedFen={project.reservedFen} />
          </fieldset>
          {canEdit && <SaveButton />}
        </Form>
      </div>
      <aside className="space-y-4">
        <ResourceStatusPanel status={project.status} canChange={org.isVetted} />
        {org.isVetted && project.status !== "DRAFT" && <p><Link to={`/projects/${project.id}`} className="text-sm text-brand-800 underline">{t("orgDesk.publicPage")}</Link></p>}
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
