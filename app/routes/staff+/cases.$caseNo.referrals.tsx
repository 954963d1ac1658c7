import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { ReferralTable } from "~/components/publication/referral-table.tsx";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { DEPARTMENTS, PROGRAMMES, type DepartmentName, type ProgrammeName } from "~/domain/missed-aid/missed-aid-hints.ts";
import { can } from "~/domain/permissions.ts";
import { requireCaseAccess } from "~/modules/cases/require-case-access.server.ts";
import { answerReferral } from "~/modules/referrals/answer-referral.server.ts";
import { createReferral } from "~/modules/referrals/create-referral.server.ts";
import { getReferralsTab } from "~/modules/referrals/list-referrals.server.ts";
import { ReferralChangedError, ReferralRefusedError } from "~/modules/referrals/referral-errors.server.ts";
import { AnswerReferralSchema, CreateReferralSchema, REFERRAL_REQUEST_MAX } from "~/modules/referrals/referral-schemas.ts";
import { forbidden } from "~/utils/auth.server.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

type ReferralActionData = { formError?: string; fieldErrors: FieldErrors; values: Record<string, string>; referralId: string | null };

const isDepartment = (value: string | null): value is DepartmentName => (DEPARTMENTS as readonly string[]).includes(value ?? "");
const isProgramme = (value: string | null): value is ProgrammeName => (PROGRAMMES as readonly string[]).includes(value ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRow } = await requireCaseAccess(request, params.caseNo);
  const today = shanghaiDate(new Date());
  const tab = await getReferralsTab(caseRow.id, today);
  // The verify tab links here with a missed-aid hint: ?department=MEDICAL_INSURANCE&programme=MEDICAL_AID.
  const query = new URL(request.url).searchParams;
  const department = query.get("department");
  const programme = query.get("programme");
  return {
    ...tab,
    today,
    prefill: { department: isDepartment(department) ? department : null, programme: isProgramme(programme) ? programme : null },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  // Reading a case is not enough to refer it: that is case work.
  if (!can(user, "case.work", { regionCode: caseRow.regionCode })) forbidden();
  const formData = await request.formData();
  const values = Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const referralId = typeof values.referralId === "string" ? values.referralId : null;
  const answer = (formError: string, fieldErrors: FieldErrors, status: number) =>
    data<ReferralActionData>({ formError, fieldErrors, values, referralId }, { status });

  try {
    if (values.intent === "create") {
      const form = parseForm(CreateReferralSchema, formData);
      if (!form.ok) return answer("validation.formHasErrors", form.fieldErrors, 400);
      await createReferral({ caseId: caseRow.id, user, form: form.data, today: shanghaiDate(new Date()) });
    } else {
      const form = parseForm(AnswerReferralSchema, formData);
      if (!form.ok) return answer("validation.formHasErrors", form.fieldErrors, 400);
      await answerReferral({ caseId: caseRow.id, user, form: form.data });
    }
  } catch (error) {
    if (error instanceof ReferralChangedError) return answer("errors.conflictBody", {}, 409);
    if (!(error instanceof ReferralRefusedError)) throw error;
    switch (error.reason) {
      case "resultRequired":
        return answer("validation.formHasErrors", { result: ["referrals.errors.resultRequired"] }, 400);
      case "dueInPast":
        return answer("validation.formHasErrors", { dueOn: ["referrals.errors.dueInPast"] }, 400);
      case "notFound":
        return answer("referrals.errors.notFound", {}, 404);
      default:
        return answer(`referrals.errors.${error.reason}`, {}, 422);
    }
  }
  return redirect(`/staff/cases/${caseRow.caseNo}/referrals`, 303);
}

export default function ReferralsTab() {
  const { referrals, isFinal, defaultDueOn, today, prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const isCreate = actionData?.values.intent === "create";
  const createErrors: FieldErrors = isCreate ? actionData.fieldErrors : {};
  const value = (name: string, fallback: string) => (isCreate ? actionData.values[name] : undefined) ?? fallback;
  const suggestedRequest = prefill.programme ? t("referrals.requestFor", { programme: t(`referrals.programme.${prefill.programme}`) }) : "";

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold">{t("referrals.title")}</h2>
        <p className="text-sm text-stone-700">{t("referrals.intro")}</p>
      </div>
      {isCreate || !actionData ? null : <FormAlert message={actionData.formError} />}
      {isFinal && <p className="text-stone-700">{t("referrals.finalNote")}</p>}

      <ReferralTable referrals={referrals} actionData={isCreate ? undefined : actionData} />

      {!isFinal && (
        <section aria-labelledby="new-referral-title" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <h3 id="new-referral-title" className="font-semibold">{t("referrals.newTitle")}</h3>
          {isCreate && <FormAlert message={actionData.formError} />}
          {prefill.programme && <p className="text-sm text-stone-700">{t("referrals.hints.suggested", { programme: t(`referrals.programme.${prefill.programme}`) })}</p>}
          <Form method="post" className="space-y-4" noValidate>
            <input type="hidden" name="intent" value="create" />
            <div className="grid gap-4 md:grid-cols-2">
              <Field label={t("referrals.fields.department")} name="department" errors={createErrors.department}>
                {(control) => (
                  <select {...control} defaultValue={value("department", prefill.department ?? "")} required className={inputClass}>
                    <option value="">{t("publication.choose")}</option>
                    {DEPARTMENTS.map((d) => <option key={d} value={d}>{t(`referrals.department.${d}`)}</option>)}
                  </select>
                )}
              </Field>
              <Field label={t("referrals.fields.dueOn")} name="dueOn" errors={createErrors.dueOn} hint={t("referrals.hints.dueOn")}>
                {(control) => <input {...control} type="date" min={today} defaultValue={value("dueOn", defaultDueOn)} required className={inputClass} />}
              </Field>
            </div>
            <Field label={t("referrals.fields.request")} name="request" errors={createErrors.request}>
              {(control) => <textarea {...control} defaultValue={value("request", suggestedRequest)} rows={3} maxLength={REFERRAL_REQUEST_MAX} required className={inputClass} />}
            </Field>
            <button type="submit" className={buttonClass}>{t("referrals.send")}</button>
          </Form>
        </section>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
