import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Field, FormAlert, TextField, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { listCountyChoices } from "~/modules/owner-resources/list-county-choices.server.ts";
import { ownedResourceActionError } from "~/modules/owner-resources/owner-resource-errors.server.ts";
import { ORGANIZATION_KINDS, OWNER_RESOURCE_LIMITS, OrganizationSignupSchema, formValues, parseOwnerForm } from "~/modules/owner-resources/owner-resource-schemas.ts";
import { registerOrganization } from "~/modules/owner-resources/register-organization.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import type { FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, regions] = await Promise.all([getT(request), listCountyChoices()]);
  return { meta: { title: t("orgSignup.title"), description: t("orgSignup.metaDescription") }, applicant: user.displayName, regions };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const values = formValues(formData);
  const form = parseOwnerForm(OrganizationSignupSchema, formData);
  if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values }, { status: 400 });
  try {
    const { organizationId } = await registerOrganization({ ...form.data, userId: user.id });
    return redirect(`/org/${organizationId}`, 303);
  } catch (error) {
    return ownedResourceActionError(error, values);
  }
}

export default function RegisterOrganizationPage() {
  const { applicant, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("orgSignup.title")}</h1>
        <p className="text-stone-700">{t("orgSignup.intro")}</p>
        <p className="text-sm text-stone-700">{t("orgSignup.applicant", { name: applicant })}</p>
      </header>
      <FormAlert message={actionData?.formError} />
      <Form method="post" noValidate className="space-y-6">
        <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t("orgSignup.registrationSection")}</legend>
          <TextField label={t("orgSignup.name")} name="name" required autoComplete="organization" hint={t("orgSignup.nameHint")} defaultValue={values.name} errors={errors.name} />
          <Field label={t("orgSignup.kind")} name="kind" errors={errors.kind}>
            {(control) => (
              <select {...control} defaultValue={values.kind ?? ""} required className={inputClass}>
                <option value="">{t("orgSignup.choose")}</option>
                {ORGANIZATION_KINDS.map((k) => <option key={k} value={k}>{t(`org.kind.${k}`)}</option>)}
              </select>
            )}
          </Field>
          <TextField label={t("orgSignup.creditCode")} name="creditCode" required autoComplete="off" hint={t("orgSignup.creditCodeHint")} defaultValue={values.creditCode} errors={errors.creditCode} />
          <Field label={t("orgSignup.region")} name="regionCode" hint={t("orgSignup.regionHint")} errors={errors.regionCode}>
            {(control) => (
              <select {...control} defaultValue={values.regionCode ?? ""} required className={inputClass}>
                <option value="">{t("orgSignup.choose")}</option>
                {regions.map((group) => (
                  <optgroup key={group.city.code} label={group.city.fullName}>
                    {group.counties.map((county) => <option key={county.code} value={county.code}>{county.name}</option>)}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("orgSignup.description")} name="description" hint={t("orgSignup.descriptionHint", { max: OWNER_RESOURCE_LIMITS.descriptionMax })} errors={errors.description}>
            {(control) => <textarea {...control} rows={5} required maxLength={OWNER_RESOURCE_LIMITS.descriptionMax} defaultValue={values.description} className={inputClass} />}
          </Field>
          <TextField label={t("orgSignup.website")} name="website" type="url" autoComplete="url" hint={t("orgSignup.websiteHint")} defaultValue={values.website} errors={errors.website} />
        </fieldset>
        <fieldset className="space-y-4 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <legend className="px-1 font-semibold">{t("orgSignup.contactSection")}</legend>
          <TextField label={t("orgSignup.contactName")} name="contactName" required autoComplete="name" defaultValue={values.contactName} errors={errors.contactName} />
          <TextField label={t("orgSignup.contactPhone")} name="contactPhone" type="tel" required autoComplete="tel" defaultValue={values.contactPhone} errors={errors.contactPhone} />
        </fieldset>
        <button type="submit" className={buttonClass}>{t("orgSignup.submit")}</button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
