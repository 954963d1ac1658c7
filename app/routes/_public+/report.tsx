import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Field, FormAlert, TextField, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { CASE_CATEGORIES } from "~/domain/case-status.ts";
import { INTAKE_LIMITS, REPORTER_ROLES } from "~/domain/intake/intake-rules.ts";
import { DEFAULT_LOCALE } from "~/i18n.ts";
import { PublicReportSchema } from "~/modules/intake/intake-schemas.server.ts";
import { listIntakeRegions } from "~/modules/intake/list-intake-regions.server.ts";
import { submitPublicReport } from "~/modules/intake/submit-public-report.server.ts";
import { clientRateLimitKey } from "~/modules/rate-limit/client-key.server.ts";
import { fixedT, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm, tError, type FieldErrors } from "~/utils/validation.ts";

/** Hidden from people (off screen, out of the tab order, hidden from screen readers); bots fill it. */
const HONEYPOT_FIELD = "website";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, regions] = await Promise.all([getT(request), listIntakeRegions(null)]);
  return { meta: { title: t("report.title"), description: t("report.metaDescription") }, regions };
}

type ReportAnswer = { reference: string | null; isSent: boolean; formError?: string; fieldErrors: FieldErrors; values: Record<string, string> };

// The success state is rendered from the action's answer, so nothing (not even the reference)
// travels in a URL.
const answer = (status: number, body: Partial<ReportAnswer>) =>
  data<ReportAnswer>({ reference: null, isSent: false, fieldErrors: {}, values: {}, ...body }, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  // A filled honeypot is a bot: it is told "sent", and nothing is written (not even a rate-limit hit).
  if (String(formData.get(HONEYPOT_FIELD) ?? "").trim() !== "") return answer(200, { isSent: true });
  formData.delete(HONEYPOT_FIELD);

  const form = parseForm(PublicReportSchema, formData);
  if (!form.ok) return answer(400, { formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values: form.values });

  const values = Object.fromEntries([...formData].filter((e): e is [string, string] => typeof e[1] === "string"));
  const result = await submitPublicReport(form.data, {
    rateLimitKey: clientRateLimitKey("report", request, context),
    officeT: await fixedT(DEFAULT_LOCALE),
  });
  if (result.ok) return answer(200, { isSent: true, reference: result.caseNo });
  if (result.reason === "rateLimited") return answer(429, { formError: "report.errors.rateLimited", values });
  return answer(400, { formError: "validation.formHasErrors", fieldErrors: result.fieldErrors, values });
}

export default function ReportPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("report.title")}</h1>
        {!actionData?.isSent && <p className="mt-2 text-stone-700">{t("report.intro")}</p>}
      </header>
      <p className="rounded border border-brand-600 bg-brand-50 px-3 py-2 font-medium text-brand-800">{t("report.emergency")}</p>
      {actionData?.isSent ? <ReportSent reference={actionData.reference} /> : <ReportForm answer={actionData} />}
    </div>
  );
}

function ReportSent({ reference }: { reference: string | null }) {
  const { t } = useTranslation();
  return (
    <section role="status" aria-labelledby="sent-title" className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 p-5">
      <h2 id="sent-title" className="text-xl font-semibold">{t("report.sentTitle")}</h2>
      <p>{t("report.sentBody")}</p>
      {reference && (
        <div>
          <p className="text-sm text-stone-700">{t("report.reference")}</p>
          <p className="font-mono text-2xl font-bold" data-testid="report-reference">{reference}</p>
          <p className="text-sm text-stone-700">{t("report.referenceHint")}</p>
        </div>
      )}
      <p>{t("report.hotline")}</p>
      <Link to="/report" className="inline-block underline">{t("report.another")}</Link>
    </section>
  );
}

function ReportForm({ answer }: { answer: ReportAnswer | undefined }) {
  const { regions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const id = useId();
  const errors = answer?.fieldErrors ?? {};
  const values = answer?.values ?? {};
  const role = values.reporterRole ?? "SELF";

  return (
    <>
      <FormAlert message={answer?.formError} />
      <Form method="post" noValidate className="space-y-6">
        <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <fieldset aria-describedby={errors.reporterRole ? `${id}-role-error` : undefined}>
            <legend className="text-sm font-medium text-stone-800">{t("report.reporterRole")}</legend>
            <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
              {REPORTER_ROLES.map((r) => (
                <label key={r} className="inline-flex items-center gap-2">
                  <input type="radio" name="reporterRole" value={r} defaultChecked={role === r} />
                  {t(`report.reporterRoles.${r}`)}
                </label>
              ))}
            </div>
            <FieldMessages id={`${id}-role-error`} errors={errors.reporterRole} />
          </fieldset>
          <TextField label={t("report.name")} name="name" required hint={t("report.nameHint")} defaultValue={values.name} errors={errors.name} />
          <TextField label={t("report.reporterName")} name="reporterName" autoComplete="name" defaultValue={values.reporterName} errors={errors.reporterName} />
          <TextField label={t("report.phone")} name="phone" type="tel" autoComplete="tel" required hint={t("report.phoneHint")} defaultValue={values.phone} errors={errors.phone} />
          <Field label={t("report.region")} name="region" hint={t("report.regionHint")} errors={errors.region}>
            {(control) => (
              <select {...control} defaultValue={values.region ?? ""} required className={inputClass}>
                <option value="">{t("report.choose")}</option>
                {regions.map((group) => (
                  <optgroup key={group.county.code} label={group.county.fullName}>
                    {group.countySelectable && <option value={group.county.code}>{t("report.wholeCounty", { name: group.county.name })}</option>}
                    {group.townships.map((town) => <option key={town.code} value={town.code}>{town.name}</option>)}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("report.category")} name="category" errors={errors.category}>
            {(control) => (
              <select {...control} defaultValue={values.category ?? ""} required className={inputClass}>
                <option value="">{t("report.choose")}</option>
                {CASE_CATEGORIES.map((c) => <option key={c} value={c}>{t(`case.category.${c}`)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t("report.description")} name="description" hint={t("report.descriptionHint", { max: INTAKE_LIMITS.reportDescriptionMax })} errors={errors.description}>
            {(control) => <textarea {...control} rows={6} required maxLength={INTAKE_LIMITS.reportDescriptionMax} defaultValue={values.description} className={inputClass} />}
          </Field>
          <div>
            <label className="inline-flex items-start gap-2 font-medium">
              <input type="checkbox" name="urgent" className="mt-1" aria-describedby={`${id}-urgent-hint`} defaultChecked={values.urgent === "on"} />
              {t("report.urgent")}
            </label>
            <p id={`${id}-urgent-hint`} className="text-xs text-stone-600">{t("report.urgentHint")}</p>
          </div>
        </fieldset>

        <section aria-labelledby={`${id}-privacy`} className="rounded-lg border border-stone-200 bg-stone-50 p-4 text-sm">
          <h2 id={`${id}-privacy`} className="font-semibold">{t("report.privacyTitle")}</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            <li>{t("report.privacyCollected")}</li>
            <li>{t("report.privacyWhoSees")}</li>
            <li>{t("report.privacyPublish")}</li>
            <li>{t("report.privacyUse")}</li>
          </ul>
          <label className="mt-3 flex items-start gap-2 font-medium">
            <input type="checkbox" name="consent" required className="mt-1" defaultChecked={values.consent === "on"}
              aria-invalid={!!errors.consent?.length} aria-describedby={errors.consent ? `${id}-consent-error` : undefined} />
            {t("report.consent")}
          </label>
          <FieldMessages id={`${id}-consent-error`} errors={errors.consent} />
        </section>

        <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}>
          <label htmlFor={`${id}-hp`}>{t("report.honeypot")}</label>
          <input id={`${id}-hp`} type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <button type="submit" className={buttonClass}>{t("report.submit")}</button>
      </Form>
    </>
  );
}

function FieldMessages({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 text-sm text-brand-700">
      {errors.map((e) => <li key={e}>{tError(t, e)}</li>)}
    </ul>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
