import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { CommitmentAmount } from "~/components/pledges/commitment-amount.tsx";
import { CommitmentStepForm } from "~/components/pledges/commitment-step-form.tsx";
import { FormAlert } from "~/components/ui/field.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { can } from "~/domain/permissions.ts";
import { requireCaseAccess } from "~/modules/cases/require-case-access.server.ts";
import { changeCommitment } from "~/modules/pledges/change-commitment.server.ts";
import { listCaseCommitments } from "~/modules/pledges/list-case-commitments.server.ts";
import { commitmentActionError } from "~/modules/pledges/pledge-errors.server.ts";
import { CommitmentStepSchema } from "~/modules/pledges/pledge-schemas.server.ts";
import { forbidden } from "~/utils/auth.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getLocale } from "~/utils/i18n.server.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

// The pledges tab of a case file: every commitment (goods, hours, transfer pledges, grants, gifts)
// with confirm / deliver / receive / cancel / expire for staff who work the case's region.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  const [locale, rows] = await Promise.all([getLocale(request), listCaseCommitments(caseRow.id)]);
  const canAct = can(user, "case.work", { regionCode: caseRow.regionCode });
  return { locale, canAct, rows: canAct ? rows : rows.map((row) => ({ ...row, intents: [] })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  if (!can(user, "case.work", { regionCode: caseRow.regionCode })) forbidden();
  const form = parseForm(CommitmentStepSchema, await request.formData());
  if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors }, { status: 400 });
  try {
    await changeCommitment({ ...form.data, user, caseId: caseRow.id });
  } catch (error) {
    return commitmentActionError(error);
  }
  return redirect(`/staff/cases/${caseRow.caseNo}/pledges`, 303);
}

export default function CasePledgesTab() {
  const { rows, locale, canAct } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { formError?: string; fieldErrors?: FieldErrors } | undefined;
  const { t } = useTranslation();
  const reasonError = actionData?.fieldErrors?.reason;
  return (
    <section aria-labelledby="pledges-title" className="space-y-4">
      <div>
        <h2 id="pledges-title" className="text-xl font-semibold">{t("pledgeDesk.title")}</h2>
        <p className="text-sm text-stone-700">{t("pledgeDesk.intro")}</p>
        {!canAct && <p className="text-sm text-stone-700">{t("pledgeDesk.readOnly")}</p>}
      </div>
      <FormAlert message={actionData?.formError} />
      {reasonError && <p role="alert" className="text-sm text-brand-700">{t("pledgeDesk.reasonRequired")}</p>}
      {rows.length === 0 ? <p className="text-sm text-stone-700">{t("pledgeDesk.empty")}</p> : (
        <DataTable testId="case-commitments" alignTop rows={rows} rowKey={(row) => row.id} rowTestId={(row) => `commitment-${row.id}`} columns={[
          { header: t("pledgeDesk.columns.line"), cell: (row) => (
            <>
              <p className="font-medium">{row.need.title}</p>
              <p className="text-xs text-stone-700">{t(`pledgeDesk.source.${row.source}`)}</p>
              {row.donation && <p className="font-mono text-xs">{row.donation.receiptNo} · {t(`account.donationStatus.${row.donation.status}`)}</p>}
            </>
          ) },
          { header: t("pledgeDesk.columns.giver"), cell: (row) => (
            <>
              <p>{row.organization?.name ?? (row.isAnonymous ? t("pledgeDesk.anonymous", { name: row.pledgerName ?? "" }) : row.pledgerName ?? "–")}</p>
              {row.pledgerContact && <p className="text-xs text-stone-700">{t("pledgeDesk.contact")}: {row.pledgerContact}</p>}
              {row.note && <p className="text-xs text-stone-700">{row.note}</p>}
            </>
          ) },
          { header: t("pledgeDesk.columns.amount"), className: "whitespace-nowrap", cell: (row) => <CommitmentAmount kind={row.need.kind} amount={row.amount} unit={row.need.unit} /> },
          { header: t("pledgeDesk.columns.status"), className: "whitespace-nowrap", cellTestId: "commitment-status", cell: (row) => t(`account.commitmentStatus.${row.status}`) },
          { header: t("pledgeDesk.columns.history"), className: "text-xs text-stone-700", cell: (row) => (
            <>
              <p>{t("pledgeDesk.pledgedAt")}: {formatDateTime(row.pledgedAt, locale)}</p>
              {row.expiresAt && row.status === "PLEDGED" && <p>{t("pledgeDesk.expiresAt")}: {formatDateTime(row.expiresAt, locale)}</p>}
              {row.confirmedAt && <p>{t("pledgeDesk.confirmedAt", { who: row.confirmedBy ?? "–" })}: {formatDateTime(row.confirmedAt, locale)}</p>}
              {row.deliveredAt && <p>{t("pledgeDesk.deliveredAt", { who: row.deliveredBy ?? "–" })}: {formatDateTime(row.deliveredAt, locale)}</p>}
              {row.cancelledAt && <p>{t(row.status === "EXPIRED" ? "pledgeDesk.expiredAt" : "pledgeDesk.cancelledAt")}: {formatDateTime(row.cancelledAt, locale)}</p>}
              {row.cancelReason && <p>{t("pledgeDesk.reasonWas")}: {row.cancelReason}</p>}
            </>
          ) },
          { header: t("pledgeDesk.columns.actions"), cell: (row) => <CommitmentStepForm commitmentId={row.id} version={row.version} intents={row.intents} /> },
        ]} />
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
