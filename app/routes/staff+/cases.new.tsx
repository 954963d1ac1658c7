import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Field, FormAlert, TextField, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { CASE_CATEGORIES, URGENCIES } from "~/domain/case-status.ts";
import { INTAKE_LIMITS, STAFF_INTAKE_SOURCES } from "~/domain/intake/intake-rules.ts";
import { can } from "~/domain/permissions.ts";
import { StaffIntakeSchema } from "~/modules/intake/intake-schemas.server.ts";
import { listIntakeRegions } from "~/modules/intake/list-intake-regions.server.ts";
import { recordIntake } from "~/modules/intake/record-intake.server.ts";
import { forbidden, requireStaff } from "~/utils/auth.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

/** Recording a case is casework: staff may, a reviewer (read-only on cases) may not. */
async function requireIntakeStaff(request: Request) {
  const user = await requireStaff(request);
  // The root of one's own scope stands for "somewhere in my region"; the chosen region is checked on submit.
  if (!can(user, "case.work", { regionCode: user.scopeRegionCode ?? "" })) forbidden();
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireIntakeStaff(request);
  const [t, regions] = await Promise.all([getT(request), listIntakeRegions(user.scopeRegionCode)]);
  return { meta: { title: t("intake.title") }, regions };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireIntakeStaff(request);
  const formData = await request.formData();
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;

  const form = parseForm(StaffIntakeSchema, formData);
  const fieldErrors: FieldErrors = form.ok ? {} : { ...form.fieldErrors };
  const region = values.region?.trim();
  if (region && !fieldErrors.region && !can(user, "case.work", { regionCode: region })) fieldErrors.region = ["intake.errors.regionOutOfScope"];
  if (!form.ok || Object.keys(fieldErrors).length > 0) {
    return data({ formError: "validation.formHasErrors", fieldErrors, values }, { status: 400 });
  }

  const { data: input } = form;
  const result = await recordIntake({
    source: input.source,
    category: input.category,
    urgency: input.urgency,
    regionCode: input.region,
    intakeNote: input.intakeNote,
    beneficiary: { name: input.name, idNumber: input.idNumber, phone: input.phone, address: input.address, householdSize: input.householdSize },
    actorId: user.id,
  });
  if (!result.ok) return data({ formError: "validation.formHasErrors", fieldErrors: result.fieldErrors, values }, { status: 400 });
  return redirect(`/staff/cases/${result.caseNo}`, 303);
}

export default function NewCasePage() {
  const { regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const options = (name: string, list: readonly string[], label: (v: string) => string, fallback?: string) => (
    <Field label={t(`intake.${name}`)} name={name} errors={errors[name]} hint={name === "urgency" ? t("intake.urgencyHint") : undefined}>
      {(control) => (
        <select {...control} defaultValue={values[name] ?? fallback ?? ""} required className={inputClass}>
          {!fallback && <option value="">{t("intake.choose")}</option>}
          {list.map((v) => <option key={v} value={v}>{label(v)}</option>)}
        </select>
      )}
    </Field>
  );

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("intake.title")}</h1>
        <p className="mt-2 text-stone-700">{t("intake.intro")}</p>
      </header>
      <FormAlert message={actionData?.formError} />
      <Form method="post" noValidate className="space-y-6">
        <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t("intake.caseSection")}</legend>
          {options("source", STAFF_INTAKE_SOURCES, (v) => t(`case.source.${v}`), "HOTLINE_12349")}
          {options("category", CASE_CATEGORIES, (v) => t(`case.category.${v}`))}
          {options("urgency", URGENCIES, (v) => t(`case.urgency.${v}`), "NORMAL")}
          <Field label={t("intake.region")} name="region" hint={t("intake.regionHint")} errors={errors.region}>
            {(control) => (
              <select {...control} defaultValue={values.region ?? ""} required className={inputClass}>
                <option value="">{t("intake.choose")}</option>
                {regions.map((group) => (
                  <optgroup key={group.county.code} label={group.county.fullName}>
                    {group.countySelectable && <option value={group.county.code}>{t("intake.wholeCounty", { name: group.county.name })}</option>}
                    {group.townships.map((town) => <option key={town.code} value={town.code}>{town.name}</option>)}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("staff.intakeNote")} name="intakeNote" hint={t("intake.intakeNoteHint")} errors={errors.intakeNote}>
            {(control) => <textarea {...control} rows={5} required maxLength={INTAKE_LIMITS.noteMax} defaultValue={values.intakeNote} className={inputClass} />}
          </Field>
        </fieldset>

        <fieldset className="space-y-4 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <legend className="px-1 font-semibold">{t("intake.personSection")}</legend>
          <TextField label={t("staff.name")} name="name" required autoComplete="off" defaultValue={values.name} errors={errors.name} />
          <TextField label={t("staff.idNumber")} name="idNumber" autoComplete="off" hint={t("intake.idNumberHint")} defaultValue={values.idNumber} errors={errors.idNumber} />
          <TextField label={t("staff.phone")} name="phone" type="tel" autoComplete="off" hint={t("intake.phoneHint")} defaultValue={values.phone} errors={errors.phone} />
          <TextField label={t("staff.address")} name="address" autoComplete="off" defaultValue={values.address} errors={errors.address} />
          <TextField label={t("staff.householdSize")} name="householdSize" type="number" hint={t("intake.householdSizeHint")}
            defaultValue={values.householdSize ?? "1"} errors={errors.householdSize} />
        </fieldset>

        <button type="submit" className={buttonClass}>{t("intake.submit")}</button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
