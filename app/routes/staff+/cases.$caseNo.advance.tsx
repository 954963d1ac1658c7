import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { PurposeField, YuanAmountField } from "~/components/funds/money-form-fields.tsx";
import { CompactTable } from "~/components/ui/compact-table.tsx";
import { FormAlert, buttonClass } from "~/components/ui/field.tsx";
import { Money } from "~/components/ui/money.tsx";
import { allowedEvents } from "~/domain/case-lifecycle/case-transitions.ts";
import { can } from "~/domain/permissions.ts";
import { AdvanceRefusedError } from "~/modules/advance/advance-refused-error.server.ts";
import { GrantAdvanceSchema } from "~/modules/advance/advance-schema.server.ts";
import { getAdvanceOverview } from "~/modules/advance/get-advance-overview.server.ts";
import { grantAdvance } from "~/modules/advance/grant-advance.server.ts";
import { caseActionError } from "~/modules/cases/case-action-errors.server.ts";
import { requireCaseAccess } from "~/modules/cases/require-case-access.server.ts";
import { forbidden } from "~/utils/auth.server.ts";
import { formatDate, formatDateTime } from "~/utils/dates.ts";
import { getLocale } from "~/utils/i18n.server.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

/** Advancing moves money out of a fund: the user must work cases and record fund movements there. */
const mayAdvance = (user: Parameters<typeof can>[0], regionCode: string) => can(user, "case.work", { regionCode }) && can(user, "fund.record", { regionCode });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  const [locale, overview] = await Promise.all([getLocale(request), getAdvanceOverview(caseRow.id)]);
  const canAdvance = overview.status === "ACCEPTED" && mayAdvance(user, caseRow.regionCode) && allowedEvents("ACCEPTED", user.roles).includes("advance");
  return { ...overview, locale, canAdvance };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  if (!mayAdvance(user, caseRow.regionCode)) forbidden();
  const formData = await request.formData();
  const form = parseForm(GrantAdvanceSchema, formData);
  if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  try {
    await grantAdvance({ caseId: caseRow.id, user, form: form.data });
  } catch (error) {
    if (error instanceof AdvanceRefusedError) {
      return data(
        { formError: error.options.formError ?? "validation.formHasErrors", fieldErrors: error.fieldErrors, values: { amount: String(formData.get("amount") ?? ""), purpose: String(formData.get("purpose") ?? "") } },
        { status: error.options.status ?? 400 },
      );
    }
    return caseActionError(error);
  }
  return redirect(`/staff/cases/${caseRow.caseNo}/advance`, 303);
}

type ActionView = { formError?: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export default function CaseAdvanceTab() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionView | undefined;
  const { t } = useTranslation();
  const fieldErrors = actionData?.fieldErrors ?? {};
  const fund = view.fund;
  return (
    <div className="space-y-6">
      <section aria-labelledby="advance-title" className="space-y-2">
        <h2 id="advance-title" className="text-xl font-semibold">{t("casework.advance.title")}</h2>
        <p className="text-sm text-stone-700">{t("casework.advance.intro")}</p>
        {view.status === "ACCEPTED" && view.verificationDueOn && (
          <p className="text-sm font-medium text-amber-900" data-testid="verification-due">
            {t("casework.advance.currentDue", { date: formatDate(view.verificationDueOn, view.locale) })}
            {view.isVerificationOverdue && <span className="ml-2 rounded bg-brand-700 px-2 py-0.5 text-xs text-white">{t("staff.overdue")}</span>}
          </p>
        )}
      </section>

      <section aria-labelledby="fund-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="fund-title" className="font-semibold">{t("casework.advance.fundTitle")}</h2>
        {!fund ? <p className="mt-1 text-sm">{t("casework.advance.noFund")}</p> : (
          <dl className="mt-2 grid grid-cols-[12rem_1fr] gap-y-1 text-sm" data-testid="advance-fund">
            <dt>{t("casework.advance.fund")}</dt><dd>{fund.name}</dd>
            <dt>{t("casework.advance.balance")}</dt><dd><Money fen={fund.balanceFen} /></dd>
            <dt>{t("casework.advance.cap")}</dt><dd><Money fen={fund.advanceCapFen} /></dd>
            <dt>{t("casework.advance.used")}</dt><dd><Money fen={view.usedFen} /></dd>
            <dt>{t("casework.advance.left")}</dt><dd className="font-semibold"><Money fen={fund.leftFen} /></dd>
            <dt>{t("casework.advance.caseBalance")}</dt><dd><Money fen={view.caseBalanceFen} /></dd>
          </dl>
        )}
      </section>

      <section aria-labelledby="advance-form-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="advance-form-title" className="font-semibold">{t("casework.advance.submit")}</h2>
        {view.status !== "ACCEPTED" ? <p className="mt-1 text-sm">{t("casework.advance.onlyAccepted")}</p>
          : !view.canAdvance ? <p className="mt-1 text-sm">{t("casework.advance.noPermission")}</p>
          : !fund ? null : (
            <Form method="post" className="mt-3 space-y-3" data-testid="advance-form">
              <FormAlert message={actionData?.formError} />
              <input type="hidden" name="version" value={view.version} />
              <div className="grid gap-3 sm:grid-cols-2">
                <YuanAmountField label={t("casework.advance.amount")} defaultValue={actionData?.values?.amount} errors={fieldErrors.amount} />
                <PurposeField label={t("casework.advance.purpose")} hint={t("casework.advance.purposeHint")} defaultValue={actionData?.values?.purpose} errors={fieldErrors.purpose} />
              </div>
              <p className="text-sm text-stone-700">{t("casework.advance.dueNote", { date: formatDate(view.dueOnIfAdvancedToday, view.locale) })}</p>
              <button type="submit" className={buttonClass}>{t("casework.advance.submit")}</button>
            </Form>
          )}
      </section>

      <section aria-labelledby="earlier-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="earlier-title" className="font-semibold">{t("casework.advance.earlierTitle")}</h2>
        {view.advances.length === 0 ? <p className="mt-1 text-sm text-stone-700">{t("casework.advance.earlierEmpty")}</p> : (
          <CompactTable testId="earlier-advances" rows={view.advances} columns={[
            { header: t("casework.advance.date"), className: "whitespace-nowrap", cell: (a) => formatDateTime(a.requestedAt, view.locale) },
            { header: t("casework.duplicates.amount"), cell: (a) => <Money fen={a.amountFen} /> },
            { header: t("casework.advance.purpose"), cell: (a) => a.purpose },
            { header: t("casework.advance.fund"), cell: (a) => a.fundName },
            { header: t("casework.advance.status"), cell: (a) => t(`casework.advance.grantStatus.${a.status}`) },
            { header: t("casework.advance.by"), cell: (a) => a.requestedBy ?? "–" },
          ]} />
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
