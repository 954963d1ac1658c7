import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { DisclosureView, type DisclosureViewData } from "~/components/publication/disclosure-view.tsx";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { caseActionError } from "~/modules/cases/case-action-errors.server.ts";
import { requireCaseAccess } from "~/modules/cases/require-case-access.server.ts";
import { CLOSE_REASON_MAX, CloseCaseSchema, OUTCOME_MAX } from "~/modules/closing/close-case-schema.ts";
import { closeCase } from "~/modules/closing/close-case.server.ts";
import { getCloseForm, previewClosing } from "~/modules/closing/get-close-form.server.ts";
import { PublicTextPiiError } from "~/modules/publication/check-public-text.server.ts";
import { submittedValues } from "~/modules/publication/publish-case-schema.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

type CloseActionData = { formError?: string; fieldErrors: FieldErrors; values: Record<string, string>; preview: DisclosureViewData | null };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRow } = await requireCaseAccess(request, params.caseNo);
  return { form: await getCloseForm(caseRow.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  const formData = await request.formData();
  const values = submittedValues(formData);
  const answer = (body: { formError?: string; fieldErrors: FieldErrors; preview?: DisclosureViewData }, status: number) =>
    data<CloseActionData>({ ...body, values, preview: body.preview ?? null }, { status });

  const form = parseForm(CloseCaseSchema, formData);
  if (!form.ok) return answer({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors }, 400);

  if (form.data.intent === "preview") {
    const { disclosure, fieldErrors } = await previewClosing(caseRow.id, form.data);
    const formError = fieldErrors.outcome ? "publication.errors.piiPreview" : undefined;
    return answer({ formError, fieldErrors, preview: disclosure }, 200);
  }
  try {
    await closeCase({ caseId: caseRow.id, caseNo: caseRow.caseNo, user, form: form.data });
  } catch (error) {
    if (error instanceof PublicTextPiiError) return answer({ formError: "publication.errors.piiFound", fieldErrors: error.fieldErrors }, 422);
    const refused = caseActionError(error);
    return answer({ formError: refused.data.formError, fieldErrors: refused.data.fieldErrors }, refused.init?.status ?? 422);
  }
  return redirect(`/staff/cases/${caseRow.caseNo}/close`, 303);
}

export default function CloseTab() {
  const { form } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const fieldErrors: FieldErrors = actionData?.fieldErrors ?? {};
  const value = (name: string, fallback = "") => actionData?.values[name] ?? fallback;

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold">{t("closing.title")}</h2>
        <p className="text-sm text-stone-700">{t("closing.intro")}</p>
      </div>

      {form.status === "CLOSED" ? (
        <p className="text-stone-700">
          {t("closing.closedNote")}{" "}
          <Link to="/disclosures" className="text-brand-800 underline">{t("closing.viewDisclosures")}</Link>
        </p>
      ) : !form.isClosable ? (
        <p className="text-stone-700">{t("closing.notClosable", { status: t(`case.status.${form.status}`) })}</p>
      ) : (
        <section aria-labelledby="close-form-title" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <h3 id="close-form-title" className="font-semibold">{t("caseActions.event.close")}</h3>
          <FormAlert message={actionData?.formError} />
          <Form method="post" className="space-y-4" noValidate>
            <input type="hidden" name="version" value={form.version} />
            <Field label={t("closing.outcome")} name="outcome" errors={fieldErrors.outcome} hint={t("closing.outcomeHint", { max: OUTCOME_MAX })}>
              {(control) => <textarea {...control} defaultValue={value("outcome", form.outcome ?? "")} rows={3} maxLength={OUTCOME_MAX} required className={inputClass} />}
            </Field>
            <Field label={t("closing.reason")} name="reason" errors={fieldErrors.reason} hint={t("closing.reasonHint")}>
              {(control) => <textarea {...control} defaultValue={value("reason")} rows={2} maxLength={CLOSE_REASON_MAX} required={form.isReasonRequired} className={inputClass} />}
            </Field>
            <div className="flex flex-wrap gap-2">
              <button type="submit" name="intent" value="preview" className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50">
                {t("closing.preview")}
              </button>
              <button type="submit" name="intent" value="close" className={buttonClass}>{t("closing.confirm")}</button>
            </div>
          </Form>
        </section>
      )}

      {actionData?.preview ? (
        <div className="space-y-1">
          <p className="text-sm text-stone-700">{t("closing.previewNote")}</p>
          <DisclosureView disclosure={actionData.preview} title={t("closing.disclosureTitle")} showBalance />
        </div>
      ) : form.disclosure ? (
        <DisclosureView disclosure={form.disclosure} title={form.isDraft ? t("closing.draftTitle") : t("closing.disclosureTitle")} showBalance={form.isDraft} />
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
