import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { FINAL_STATUSES, type CaseStatusName } from "~/domain/case-status.ts";
import { can } from "~/domain/permissions.ts";
import { requireCaseAccess } from "~/modules/cases/require-case-access.server.ts";
import { getCaseTransferTab } from "~/modules/transfer/get-case-transfer-tab.server.ts";
import { transferCase } from "~/modules/transfer/transfer-case.server.ts";
import { transferActionError } from "~/modules/transfer/transfer-errors.server.ts";
import { TRANSFER_REASON_MAX, TransferCaseSchema } from "~/modules/transfer/transfer-schemas.server.ts";
import { forbidden } from "~/utils/auth.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getLocale } from "~/utils/i18n.server.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

// 首问负责制: anyone who may read the case sees who owns it and its transfers; handing it over is
// case work, so a reviewer (read only) sees the history without the form.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  const [locale, tab] = await Promise.all([getLocale(request), getCaseTransferTab(caseRow.id, user.scopeRegionCode)]);
  const canWork = can(user, "case.work", { regionCode: caseRow.regionCode });
  return { ...tab, canWork, canTransfer: canWork && !FINAL_STATUSES.includes(tab.status as CaseStatusName), locale };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  if (!can(user, "case.work", { regionCode: caseRow.regionCode })) forbidden();
  const form = parseForm(TransferCaseSchema, await request.formData());
  if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors }, { status: 400 });
  try {
    await transferCase({ caseId: caseRow.id, toOfficeId: form.data.toOfficeId, reason: form.data.reason, expectedVersion: form.data.version, user });
  } catch (error) {
    return transferActionError(error);
  }
  return redirect(`/staff/cases/${caseRow.caseNo}/transfer`, 303);
}

export default function CaseTransferTab() {
  const { status, version, owner, offices, transfers, canWork, canTransfer, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const fieldErrors: FieldErrors = actionData?.fieldErrors ?? {};
  return (
    <div className="space-y-6">
      <section aria-labelledby="transfer-title" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="transfer-title" className="font-semibold">{t("transfer.title")}</h2>
        <p className="text-sm text-stone-700">{t("transfer.intro")}</p>
        <p className="text-sm">{t("transfer.currentOwner")}: <strong data-testid="owner-office">{owner.name}</strong></p>
        <FormAlert message={actionData?.formError} />
        {!canWork ? <p className="text-sm text-stone-700">{t("transfer.readOnly")}</p>
          : !canTransfer ? <p className="text-sm text-stone-700">{t("transfer.finalStatus", { status: t(`case.status.${status}`) })}</p>
          : offices.length === 0 ? <p className="text-sm text-stone-700">{t("transfer.noOffices")}</p>
          : (
            <Form method="post" className="space-y-3">
              <input type="hidden" name="version" value={version} />
              <Field label={t("transfer.toOffice")} name="toOfficeId" hint={t("transfer.rule")} errors={fieldErrors.toOfficeId}>
                {(control) => (
                  <select {...control} defaultValue="" required className={inputClass}>
                    <option value="">{t("transfer.chooseOffice")}</option>
                    {offices.map((o) => <option key={o.id} value={o.id}>{o.name}（{o.region}）</option>)}
                  </select>
                )}
              </Field>
              <Field label={t("transfer.reason")} name="reason" hint={t("transfer.reasonHint")} errors={fieldErrors.reason}>
                {(control) => <textarea {...control} rows={3} required maxLength={TRANSFER_REASON_MAX} className={inputClass} />}
              </Field>
              <button type="submit" className={buttonClass}>{t("transfer.submit")}</button>
            </Form>
          )}
      </section>

      <section aria-labelledby="transfer-history" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="transfer-history" className="font-semibold">{t("transfer.historyTitle")}</h2>
        {transfers.length === 0 ? <p className="mt-2 text-sm text-stone-700">{t("transfer.historyEmpty")}</p> : (
          <div className="overflow-x-auto">
            <table className="mt-2 min-w-full text-sm" data-testid="transfer-history">
              <thead className="text-left"><tr>
                {(["at", "from", "to", "reason", "by"] as const).map((c) => (
                  <th key={c} scope="col" className="py-1 pr-3">{t(`transfer.columns.${c}`)}</th>
                ))}
              </tr></thead>
              <tbody>
                {transfers.map((row) => (
                  <tr key={row.id} className="border-t border-stone-100 align-top">
                    <td className="py-1 pr-3 whitespace-nowrap">{formatDateTime(row.at, locale)}</td>
                    <td className="py-1 pr-3">{row.fromOffice.name}</td>
                    <td className="py-1 pr-3">{row.toOffice.name}</td>
                    <td className="py-1 pr-3 whitespace-pre-line">{row.reason}</td>
                    <td className="py-1">{row.by ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
