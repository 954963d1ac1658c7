import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AssistanceRecords } from "~/components/casework/assistance-records.tsx";
import { DuplicateHits, type DuplicateHitsView } from "~/components/casework/duplicate-hits.tsx";
import { HouseholdForm, HouseholdSummary } from "~/components/casework/household-form.tsx";
import { IndexBreakdown } from "~/components/casework/index-breakdown.tsx";
import { MissedAidList } from "~/components/casework/missed-aid-list.tsx";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { FormAlert } from "~/components/ui/field.tsx";
import { allowedEvents } from "~/domain/case-lifecycle/case-transitions.ts";
import { fen, formatFen } from "~/domain/money.ts";
import { can } from "~/domain/permissions.ts";
import { requireCaseAccess } from "~/modules/cases/require-case-access.server.ts";
import { addAssistanceRecord } from "~/modules/verification/add-assistance-record.server.ts";
import { getVerification } from "~/modules/verification/get-verification.server.ts";
import { verificationActionError } from "~/modules/verification/verification-action-error.server.ts";
import { AddAssistanceRecordSchema, VerifyCaseSchema } from "~/modules/verification/verification-schemas.server.ts";
import { verifyCase } from "~/modules/verification/verify-case.server.ts";
import { forbidden } from "~/utils/auth.server.ts";
import { formatDate, formatDateTime } from "~/utils/dates.ts";
import { getLocale } from "~/utils/i18n.server.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  const [locale, view] = await Promise.all([getLocale(request), getVerification(caseRow.id, user)]);
  const canVerify = view.status === "ACCEPTED" && can(user, "case.work", caseRow) && allowedEvents("ACCEPTED", user.roles).includes("verify");
  return { ...view, locale, canVerify };
}

/** The submitted household form to refill, without the ID number (never sent back to the browser). */
function echo(values: Record<string, string>, formData: FormData) {
  const { idNumber: _idNumber, ...rest } = values;
  return { ...rest, vulnerableMembers: formData.getAll("vulnerableMembers").filter((v) => typeof v === "string").join(",") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  if (!can(user, "case.work", caseRow)) forbidden();
  const formData = await request.formData();
  const back = () => redirect(`/staff/cases/${caseRow.caseNo}/verify`, 303);

  if (formData.get("intent") === "addRecord") {
    const form = parseForm(AddAssistanceRecordSchema, formData);
    if (!form.ok) return data({ formId: "record", formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
    try {
      await addAssistanceRecord({ caseId: caseRow.id, user, form: form.data });
    } catch (error) {
      return verificationActionError(error, "record");
    }
    return back();
  }

  const form = parseForm(VerifyCaseSchema, formData);
  if (!form.ok) return data({ formId: "household", formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values: echo(form.values, formData) }, { status: 400 });
  try {
    await verifyCase({ caseId: caseRow.id, user, form: form.data });
  } catch (error) {
    const values: Record<string, string> = {};
    for (const [key, value] of formData.entries()) if (typeof value === "string") values[key] = value;
    return verificationActionError(error, "household", echo(values, formData));
  }
  return back();
}

type ActionView = {
  formId?: "household" | "record";
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  duplicates?: DuplicateHitsView | null;
};

export default function CaseVerifyTab() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionView | undefined;
  const { t } = useTranslation();
  const forForm = (formId: "household" | "record") => (actionData?.formId === formId ? actionData : undefined);
  const household = forForm("household");
  const record = forForm("record");
  // Hits found while completing (an ID number entered just now) replace the loader's.
  const duplicates = household?.duplicates ?? view.duplicates;
  const hasIdNumber = view.hasIdNumber || !!household?.duplicates;
  const hasHits = duplicates.cases.length + duplicates.records.length > 0;
  const standard = view.indices?.inputs.standard;

  return (
    <div className="space-y-6">
      <section aria-labelledby="verify-title" className="space-y-2">
        <h2 id="verify-title" className="text-xl font-semibold">{t("casework.verify.title")}</h2>
        <p className="text-sm text-stone-700">{t("casework.verify.intro")}</p>
        {view.status === "REPORTED" && <p className="text-sm">{t("casework.verify.notYetAccepted")}</p>}
        {view.status !== "REPORTED" && view.status !== "ACCEPTED" && <p className="text-sm">{t("casework.verify.readOnly", { status: t(`case.status.${view.status}`) })}</p>}
        {view.verifiedAt && <p className="text-sm">{t("casework.verify.verifiedAt", { date: formatDateTime(view.verifiedAt, view.locale) })}</p>}
        {view.status === "ACCEPTED" && view.verificationDueOn && (
          <p className="text-sm font-medium text-amber-900" data-testid="verification-due">
            {t("casework.verify.dueOn", { date: formatDate(view.verificationDueOn, view.locale) })}
            {view.isVerificationOverdue && <span className="ml-2 rounded bg-brand-700 px-2 py-0.5 text-xs text-white">{t("staff.overdue")}</span>}
          </p>
        )}
        {actionData && !actionData.formId && <FormAlert message={actionData.formError} />}
      </section>

      <DuplicateHits hits={duplicates} hasIdNumber={hasIdNumber} locale={view.locale} />

      <section aria-labelledby="household-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="household-title" className="mb-3 font-semibold">{t("casework.verify.householdTitle")}</h2>
        {view.canVerify && view.hasBeneficiary ? (
          <HouseholdForm
            version={view.version}
            household={view.household}
            values={household?.values}
            fieldErrors={household?.fieldErrors ?? {}}
            formError={household?.formError}
            idNumberMasked={view.idNumberMasked}
            hasDuplicates={hasHits}
          />
        ) : (
          <>
            {view.status === "ACCEPTED" && !view.canVerify && <p className="mb-2 text-sm text-stone-700">{t("casework.verify.noPermission")}</p>}
            <HouseholdSummary household={view.household} idNumberMasked={view.idNumberMasked} />
          </>
        )}
      </section>

      <section aria-labelledby="index-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="index-title" className="font-semibold">{t("casework.index.title")}</h2>
        {!view.indices ? <p className="mt-1 text-sm text-stone-700">{t("casework.index.none")}</p> : (
          <>
            <p className="mt-1 text-sm text-stone-700">{t(view.isIndexPreview ? "casework.index.preview" : "casework.index.stored")}</p>
            <p className="text-sm text-stone-700">
              {standard
                ? t("casework.index.standard", { amount: formatFen(fen(standard.monthlyFen)), kind: t(`admin.standardKind.${standard.kind}`) })
                : t("casework.index.noStandard")}
            </p>
            <div className="mt-3 grid gap-4 lg:grid-cols-2">
              <IndexBreakdown title={t("casework.index.parts.poverty")} result={view.indices.poverty} testId="poverty-index" />
              <IndexBreakdown title={t("staff.columns.needIndex")} result={view.indices.need} testId="need-index" />
            </div>
          </>
        )}
      </section>

      <MissedAidList hints={view.hints} />

      <AssistanceRecords
        records={view.records}
        hasIdNumber={view.hasIdNumber}
        canAdd={view.canVerify}
        values={record?.values}
        fieldErrors={record?.fieldErrors ?? {}}
        formError={record?.formError}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
