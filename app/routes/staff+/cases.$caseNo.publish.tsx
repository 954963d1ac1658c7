import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { NeedLineProgress } from "~/components/needs/need-line-progress.tsx";
import { NeedLinesEditor, rowsFromLines, rowsFromValues } from "~/components/publication/need-lines-editor.tsx";
import { PublicNeedPreview } from "~/components/publication/public-need-preview.tsx";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { caseActionError } from "~/modules/cases/case-action-errors.server.ts";
import { requireCaseAccess } from "~/modules/cases/require-case-access.server.ts";
import { PublicTextPiiError } from "~/modules/publication/check-public-text.server.ts";
import { getPublishForm } from "~/modules/publication/get-publish-form.server.ts";
import { previewPublication, type PublicationPreview } from "~/modules/publication/preview-publication.server.ts";
import {
  AGE_BANDS,
  ALIAS_MAX,
  CONSENT_BY_MAX,
  CONSENT_METHODS,
  PUBLIC_STORY_MAX,
  PUBLIC_TITLE_MAX,
  parsePublishForm,
  submittedValues,
} from "~/modules/publication/publish-case-schema.ts";
import { NeedLinesLockedError, NoBeneficiaryError, publishCase } from "~/modules/publication/publish-case.server.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { tError, type FieldErrors } from "~/utils/validation.ts";

type PublishActionData = { formError?: string; fieldErrors: FieldErrors; values: Record<string, string>; preview: PublicationPreview | null };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  const form = await getPublishForm(caseRow.id, user.id);
  return { form, today: shanghaiDate(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  const formData = await request.formData();
  const values = submittedValues(formData);
  const answer = (body: Omit<PublishActionData, "values" | "preview"> & { preview?: PublicationPreview }, status: number) =>
    data<PublishActionData>({ ...body, values, preview: body.preview ?? null }, { status });

  const form = parsePublishForm(formData, shanghaiDate(new Date()));
  if (!form.ok) return answer({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors }, 400);

  if (form.data.intent === "preview") {
    const preview = await previewPublication(caseRow.id, form.data);
    const hasPii = Object.keys(preview.fieldErrors).length > 0;
    return answer({ formError: hasPii ? "publication.errors.piiPreview" : undefined, fieldErrors: preview.fieldErrors, preview: preview.need }, 200);
  }
  if (!form.consent) return answer({ formError: "publication.errors.consentRequired", fieldErrors: {} }, 400);

  try {
    await publishCase({ caseId: caseRow.id, caseNo: caseRow.caseNo, user, form: form.data, consent: form.consent });
  } catch (error) {
    if (error instanceof PublicTextPiiError) return answer({ formError: "publication.errors.piiFound", fieldErrors: error.fieldErrors }, 422);
    if (error instanceof NeedLinesLockedError) return answer({ formError: "publication.errors.linesHaveCommitments", fieldErrors: {} }, 422);
    if (error instanceof NoBeneficiaryError) return answer({ formError: "publication.errors.noBeneficiary", fieldErrors: {} }, 422);
    const refused = caseActionError(error);
    return answer({ formError: refused.data.formError, fieldErrors: refused.data.fieldErrors }, refused.init?.status ?? 422);
  }
  return redirect(`/staff/cases/${caseRow.caseNo}/publish`, 303);
}

export default function PublishTab() {
  const { form, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();

  if (!form.isEditable) return <PublishedSummary form={form} />;

  const fieldErrors: FieldErrors = actionData?.fieldErrors ?? {};
  const values = actionData?.values;
  const value = (name: string, fallback: string | null | undefined) => values?.[name] ?? fallback ?? "";
  const rows = values ? rowsFromValues(values) : rowsFromLines(form.needs);
  const section = "space-y-4 rounded-lg border border-stone-200 bg-white p-4";

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold">{t("publication.title")}</h2>
        <p className="text-sm text-stone-700">{t("publication.intro")}</p>
      </div>
      <FormAlert message={actionData?.formError} />
      {actionData?.preview && <PublicNeedPreview need={actionData.preview} />}

      <Form method="post" className="space-y-6" noValidate>
        <input type="hidden" name="version" value={form.version} />

        <fieldset className={section}>
          <legend className="px-1 font-semibold">{t("publication.sections.face")}</legend>
          <div className="grid gap-4 md:grid-cols-2">
            <Field label={t("publication.fields.alias")} name="alias" errors={fieldErrors.alias}
              hint={[t("publication.hints.alias"), form.suggestion.alias && t("publication.hints.aliasSuggestion", { alias: form.suggestion.alias })].filter(Boolean).join(" ")}>
              {(control) => <input {...control} defaultValue={value("alias", form.alias ?? form.suggestion.alias)} maxLength={ALIAS_MAX} required className={inputClass} />}
            </Field>
            <Field label={t("publication.fields.ageBand")} name="ageBand" errors={fieldErrors.ageBand}
              hint={form.suggestion.ageBand ? t("publication.hints.ageBandSuggestion", { band: t(`case.ageBand.${form.suggestion.ageBand}`) }) : undefined}>
              {(control) => (
                <select {...control} defaultValue={value("ageBand", form.ageBand ?? form.suggestion.ageBand)} required className={inputClass}>
                  <option value="">{t("publication.choose")}</option>
                  {AGE_BANDS.map((band) => <option key={band} value={band}>{t(`case.ageBand.${band}`)}</option>)}
                </select>
              )}
            </Field>
          </div>
          <Field label={t("publication.fields.publicTitle")} name="publicTitle" errors={fieldErrors.publicTitle} hint={t("publication.hints.publicTitle", { max: PUBLIC_TITLE_MAX })}>
            {(control) => <input {...control} defaultValue={value("publicTitle", form.publicTitle)} maxLength={PUBLIC_TITLE_MAX} required className={inputClass} />}
          </Field>
          <Field label={t("publication.fields.publicStory")} name="publicStory" errors={fieldErrors.publicStory} hint={t("publication.hints.publicStory", { max: PUBLIC_STORY_MAX })}>
            {(control) => <textarea {...control} defaultValue={value("publicStory", form.publicStory)} rows={7} maxLength={PUBLIC_STORY_MAX} required className={inputClass} />}
          </Field>
          <p className="text-sm text-stone-700">
            {t(`case.category.${form.category}`)} · {t(`case.urgency.${form.urgency}`)} · {form.region.fullName}
          </p>
        </fieldset>

        <fieldset className={section}>
          <legend className="px-1 font-semibold">{t("publication.sections.lines")}</legend>
          <p className="text-sm text-stone-700">{t("publication.hints.lines")}</p>
          {fieldErrors.lines?.length ? (
            <ul className="text-sm text-brand-700" role="alert">{fieldErrors.lines.map((m) => <li key={m}>{tError(t, m)}</li>)}</ul>
          ) : null}
          <NeedLinesEditor rows={rows} fieldErrors={fieldErrors} />
        </fieldset>

        <fieldset className={section}>
          <legend className="px-1 font-semibold">{t("publication.sections.consent")}</legend>
          <p className="text-sm text-stone-700">{t("publication.hints.consent")}</p>
          <div className="grid gap-4 md:grid-cols-3">
            <Field label={t("publication.fields.consentBy")} name="consentBy" errors={fieldErrors.consentBy} hint={t("publication.hints.consentBy")}>
              {(control) => <input {...control} defaultValue={value("consentBy", form.consent?.by)} maxLength={CONSENT_BY_MAX} className={inputClass} />}
            </Field>
            <Field label={t("publication.fields.consentAt")} name="consentAt" errors={fieldErrors.consentAt}>
              {(control) => <input {...control} type="date" max={today} defaultValue={value("consentAt", form.consent?.at)} className={inputClass} />}
            </Field>
            <Field label={t("publication.fields.consentMethod")} name="consentMethod" errors={fieldErrors.consentMethod}>
              {(control) => (
                <select {...control} defaultValue={value("consentMethod", form.consent?.method)} className={inputClass}>
                  <option value="">{t("publication.choose")}</option>
                  {CONSENT_METHODS.map((m) => <option key={m} value={m}>{t(`publication.consentMethod.${m}`)}</option>)}
                </select>
              )}
            </Field>
          </div>
        </fieldset>

        <div className="flex flex-wrap gap-2">
          <button type="submit" name="intent" value="preview" className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50">
            {t("publication.preview")}
          </button>
          <button type="submit" name="intent" value="publish" className={buttonClass}>{t("publication.publish")}</button>
        </div>
      </Form>
    </div>
  );
}

function PublishedSummary({ form }: { form: ReturnType<typeof useLoaderData<typeof loader>>["form"] }) {
  const { t } = useTranslation();
  const isPublic = form.status === "PUBLISHED" || form.status === "FULFILLED" || form.status === "CLOSED";
  return (
    <section aria-labelledby="publish-title" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="publish-title" className="text-xl font-semibold">{t("publication.title")}</h2>
      {!isPublic ? (
        <p className="text-stone-700">{t("publication.notVerified", { status: t(`case.status.${form.status}`) })}</p>
      ) : (
        <>
          <p className="text-sm text-stone-700">
            {t("publication.publishedNote")}{" "}
            <Link to={`/needs/${form.caseNo}`} className="text-brand-800 underline">{t("publication.viewPublic")}</Link>
          </p>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
            <dt>{t("publication.fields.alias")}</dt><dd>{form.alias ?? "–"}</dd>
            <dt>{t("publication.fields.ageBand")}</dt><dd>{form.ageBand ? t(`case.ageBand.${form.ageBand}`) : "–"}</dd>
            <dt>{t("publication.fields.publicTitle")}</dt><dd>{form.publicTitle ?? "–"}</dd>
          </dl>
          <p className="whitespace-pre-line text-sm">{form.publicStory}</p>
          <div className="space-y-2">
            {form.needs.map((line) => <NeedLineProgress key={line.id} line={line} />)}
          </div>
        </>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
