import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { NeedLineProgress } from "~/components/needs/need-line-progress.tsx";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { allowedEvents } from "~/domain/case-lifecycle/case-transitions.ts";
import { maskIdNumber } from "~/domain/id-number.ts";
import { listCaseAudit } from "~/modules/audit/list-case-audit.server.ts";
import { caseActionError } from "~/modules/cases/case-action-errors.server.ts";
import { CaseEventSchema, OVERVIEW_EVENTS } from "~/modules/cases/case-event-schema.ts";
import { fireCaseEvent } from "~/modules/cases/fire-case-event.server.ts";
import { getCaseForStaff } from "~/modules/cases/get-case-for-staff.server.ts";
import { requireCaseAccess } from "~/modules/cases/require-case-access.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getLocale } from "~/utils/i18n.server.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  const [locale, record, audit] = await Promise.all([getLocale(request), getCaseForStaff(caseRow.id, user.id), listCaseAudit(caseRow.id)]);
  const beneficiary = record.beneficiary && {
    ...record.beneficiary,
    // Shown masked (DESIGN §4); the full number is only used by the duplicate check.
    idNumber: record.beneficiary.idNumber && maskIdNumber(record.beneficiary.idNumber),
  };
  const events = allowedEvents(caseRow.status, user.roles).filter((e): e is (typeof OVERVIEW_EVENTS)[number] =>
    (OVERVIEW_EVENTS as readonly string[]).includes(e),
  );
  return { record: { ...record, beneficiary }, version: caseRow.version, events, audit, locale };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  const form = parseForm(CaseEventSchema, await request.formData());
  if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors }, { status: 400 });
  try {
    await fireCaseEvent({ caseId: caseRow.id, user, event: form.data.intent, version: form.data.version, reason: form.data.reason });
  } catch (error) {
    return caseActionError(error);
  }
  return redirect(`/staff/cases/${caseRow.caseNo}`, 303);
}

export default function CaseOverviewTab() {
  const { record, version, events, audit, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const fieldErrors: FieldErrors = actionData?.fieldErrors ?? {};
  const b = record.beneficiary;
  return (
    <div className="space-y-6">
      <section aria-labelledby="actions-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="actions-title" className="font-semibold">{t("caseActions.actionsTitle")}</h2>
        <FormAlert message={actionData?.formError} />
        {events.length === 0 ? <p className="mt-2 text-sm text-stone-700">{t("caseActions.noActions")}</p> : (
          <Form method="post" className="mt-3 space-y-3">
            <input type="hidden" name="version" value={version} />
            <Field label={t("caseActions.reason")} name="reason" hint={t("caseActions.reasonHint")} errors={fieldErrors.reason}>
              {(control) => <textarea {...control} rows={2} className={inputClass} />}
            </Field>
            <div className="flex flex-wrap gap-2">
              {events.map((event) => (
                <button key={event} type="submit" name="intent" value={event}
                  className={event === "accept" || event === "markFulfilled" ? buttonClass : "rounded border border-stone-400 px-4 py-2 hover:bg-stone-100"}>
                  {t(`caseActions.event.${event}`)}
                </button>
              ))}
            </div>
          </Form>
        )}
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="private-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="private-title" className="font-semibold">{t("staff.privateData")}</h2>
          {b && (
            <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
              <dt>{t("staff.name")}</dt><dd>{b.name}</dd>
              <dt>{t("staff.idNumber")}</dt><dd className="font-mono">{b.idNumber ?? "–"}</dd>
              <dt>{t("staff.phone")}</dt><dd>{b.phone ?? "–"}</dd>
              <dt>{t("staff.address")}</dt><dd>{b.address ?? "–"}</dd>
              <dt>{t("staff.householdSize")}</dt><dd>{b.householdSize}</dd>
            </dl>
          )}
          <h3 className="mt-4 font-semibold">{t("staff.intakeNote")}</h3>
          <p className="whitespace-pre-line text-sm">{record.intakeNote}</p>
        </section>
        <section aria-labelledby="public-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="public-title" className="font-semibold">{t("staff.publicFace")}</h2>
          <p className="mt-2 font-medium">{record.publicTitle ?? "–"}</p>
          <p className="text-sm text-stone-700">{record.alias}</p>
          <p className="mt-2 whitespace-pre-line text-sm">{record.publicStory}</p>
          <div className="mt-4 space-y-2">
            {record.needs.map((line) => <NeedLineProgress key={line.id} line={line} />)}
          </div>
        </section>
      </div>

      <section aria-labelledby="audit-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="audit-title" className="font-semibold">{t("caseActions.auditTitle")}</h2>
        {audit.length === 0 ? <p className="text-sm text-stone-700">{t("caseActions.auditEmpty")}</p> : (
          <table className="mt-2 min-w-full text-sm" data-testid="audit-trail">
            <thead className="text-left"><tr>
              <th scope="col" className="py-1 pr-3">{t("caseActions.auditWhen")}</th>
              <th scope="col" className="py-1 pr-3">{t("caseActions.auditActor")}</th>
              <th scope="col" className="py-1 pr-3">{t("caseActions.auditAction")}</th>
              <th scope="col" className="py-1">{t("caseActions.auditChange")}</th>
            </tr></thead>
            <tbody>
              {audit.map((e) => (
                <tr key={e.id} className="border-t border-stone-100">
                  <td className="py-1 pr-3 whitespace-nowrap">{formatDateTime(e.at, locale)}</td>
                  <td className="py-1 pr-3">{e.actor?.displayName ?? t("caseActions.system")}</td>
                  <td className="py-1 pr-3 font-mono text-xs">{e.action}</td>
                  <td className="py-1">{e.fromState && e.toState ? `${t(`case.status.${e.fromState}`)} → ${t(`case.status.${e.toState}`)}` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
