import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { DisbursementForm } from "~/components/funds/disbursement-form.tsx";
import { GrantRequestForm } from "~/components/funds/grant-request-form.tsx";
import { GrantStatusBadge } from "~/components/funds/grant-status-badge.tsx";
import { SurplusForm } from "~/components/funds/surplus-form.tsx";
import { CompactTable } from "~/components/ui/compact-table.tsx";
import { FormAlert } from "~/components/ui/field.tsx";
import { Money } from "~/components/ui/money.tsx";
import { can, type Actor } from "~/domain/permissions.ts";
import { requireCaseAccess } from "~/modules/cases/require-case-access.server.ts";
import { fundActionError, typedValues } from "~/modules/funds/fund-errors.server.ts";
import { DisbursementSchema, GrantRequestSchema, MoneyIntentSchema, SurplusTransferSchema } from "~/modules/funds/fund-schemas.server.ts";
import { getCaseMoney } from "~/modules/funds/get-case-money.server.ts";
import { DISBURSING_CASE_STATUSES, recordDisbursement } from "~/modules/funds/record-disbursement.server.ts";
import { GRANTABLE_CASE_STATUSES, requestFundGrant } from "~/modules/funds/request-fund-grant.server.ts";
import { SURPLUS_CASE_STATUSES, transferCaseSurplus } from "~/modules/funds/transfer-case-surplus.server.ts";
import { forbidden } from "~/utils/auth.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getLocale } from "~/utils/i18n.server.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

/** Moving a case's money: the user must work cases and record fund movements in its region. */
const mayMoveMoney = (user: Actor, regionCode: string) => can(user, "case.work", { regionCode }) && can(user, "fund.record", { regionCode });
const isIn = (list: readonly string[], status: string) => list.includes(status);

// The money tab of a case file: its account, grants from relief funds (一事一议 above a fund's
// threshold), payments out to hospitals, the beneficiary or suppliers, and surplus back to a fund.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  const [locale, money] = await Promise.all([getLocale(request), getCaseMoney(caseRow.id)]);
  const mayMove = mayMoveMoney(user, caseRow.regionCode);
  const recordableFunds = money.funds.filter((f) => can(user, "fund.record", { regionCode: f.regionCode }));
  return {
    ...money,
    locale,
    recordableFunds,
    canGrant: mayMove && isIn(GRANTABLE_CASE_STATUSES, money.status) && recordableFunds.length > 0,
    canDisburse: mayMove && isIn(DISBURSING_CASE_STATUSES, money.status),
    canTransferSurplus: mayMove && isIn(SURPLUS_CASE_STATUSES, money.status) && money.balanceFen > 0 && recordableFunds.length > 0,
    // One-time keys: a double click or a resubmitted page moves the money once.
    requestKeys: { grant: randomUUID(), disburse: randomUUID(), surplus: randomUUID() },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  if (!mayMoveMoney(user, caseRow.regionCode)) forbidden();
  const formData = await request.formData();
  const values = typedValues(formData);
  const which = parseForm(MoneyIntentSchema, formData);
  if (!which.ok) return data({ intent: null, formError: "validation.formHasErrors", fieldErrors: which.fieldErrors, values }, { status: 400 });
  const intent = which.data.intent;
  const bad = (fieldErrors: FieldErrors) => data({ intent, formError: "validation.formHasErrors", fieldErrors, values }, { status: 400 });
  try {
    if (intent === "grant") {
      const form = parseForm(GrantRequestSchema, formData);
      if (!form.ok) return bad(form.fieldErrors);
      await requestFundGrant({ caseId: caseRow.id, user, form: form.data });
    } else if (intent === "disburse") {
      const form = parseForm(DisbursementSchema, formData);
      if (!form.ok) return bad(form.fieldErrors);
      await recordDisbursement({ caseId: caseRow.id, user, form: form.data });
    } else {
      const form = parseForm(SurplusTransferSchema, formData);
      if (!form.ok) return bad(form.fieldErrors);
      await transferCaseSurplus({ caseId: caseRow.id, user, form: form.data });
    }
  } catch (error) {
    const answer = fundActionError(error, values);
    return data({ ...answer.data, intent }, answer.init ?? undefined);
  }
  return redirect(`/staff/cases/${caseRow.caseNo}/money`, 303);
}

type ActionView = { intent: string | null; formError?: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export default function CaseMoneyTab() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionView | undefined;
  const { t } = useTranslation();
  const formState = (intent: string) => (actionData?.intent === intent ? { values: actionData.values ?? {}, errors: actionData.fieldErrors ?? {}, formError: actionData.formError } : { values: {}, errors: {}, formError: undefined });
  const grantState = formState("grant");
  const disburseState = formState("disburse");
  const surplusState = formState("surplus");
  return (
    <div className="space-y-6">
      <section aria-labelledby="account-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="account-title" className="text-xl font-semibold">{t("fundDesk.money.title")}</h2>
        <p className="text-sm text-stone-700">{t("fundDesk.money.intro")}</p>
        <dl className="mt-3 grid grid-cols-[12rem_1fr] gap-y-1 text-sm">
          <dt>{t("fundDesk.money.balance")}</dt><dd className="font-semibold" data-testid="case-balance"><Money fen={view.balanceFen} /></dd>
          <dt>{t("fundDesk.money.entrySum")}</dt><dd><Money fen={view.entrySumFen} /></dd>
          {view.lines.map((line) => (
            <div key={line.id} className="contents">
              <dt>{line.title}</dt>
              <dd>{t("fundDesk.money.committed")} <Money fen={line.committed} /> / <Money fen={line.target} /> · {t("fundDesk.money.delivered")} <Money fen={line.delivered} /></dd>
            </div>
          ))}
        </dl>
      </section>

      {actionData?.intent === null && <FormAlert message={actionData.formError} />}

      <section aria-labelledby="grant-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="grant-title" className="font-semibold">{t("fundDesk.money.grantTitle")}</h2>
        {view.canGrant ? (
          <div className="mt-3 space-y-2">
            <FormAlert message={grantState.formError} />
            <GrantRequestForm requestKey={view.requestKeys.grant} funds={view.recordableFunds} lines={view.lines} values={grantState.values} errors={grantState.errors} />
          </div>
        ) : <p className="mt-1 text-sm text-stone-700">{t("fundDesk.money.grantUnavailable")}</p>}
        {view.grants.length > 0 && (
          <CompactTable testId="case-grants" spacing="mt-4" alignTop rows={view.grants} columns={[
            { header: t("fundDesk.columns.date"), className: "whitespace-nowrap", cell: (g) => formatDateTime(g.requestedAt, view.locale) },
            { header: t("fundDesk.columns.fund"), cell: (g) => <>{g.fund.name}{g.isAdvance && ` · ${t("caseActions.tabs.advance")}`}</> },
            { header: t("fundDesk.columns.amount"), cell: (g) => <Money fen={g.amountFen} /> },
            { header: t("fundDesk.columns.purpose"), cell: (g) => <>{g.purpose}{g.reviewNote && <span className="block text-xs text-stone-700">{t("fundDesk.columns.reviewNote")}: {g.reviewNote}</span>}</> },
            { header: t("fundDesk.columns.status"), cell: (g) => <GrantStatusBadge status={g.status} /> },
            { header: t("fundDesk.columns.people"), className: "text-xs", cell: (g) => <>{t("fundDesk.requestedBy", { name: g.requestedBy ?? "–" })}{g.reviewedBy && <span className="block">{t("fundDesk.reviewedBy", { name: g.reviewedBy })}</span>}</> },
          ]} />
        )}
      </section>

      <section aria-labelledby="disburse-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="disburse-title" className="font-semibold">{t("fundDesk.money.disburseTitle")}</h2>
        {view.canDisburse ? (
          <div className="mt-3 space-y-2">
            <FormAlert message={disburseState.formError} />
            <DisbursementForm requestKey={view.requestKeys.disburse} values={disburseState.values} errors={disburseState.errors} />
          </div>
        ) : <p className="mt-1 text-sm text-stone-700">{t("fundDesk.money.disburseUnavailable")}</p>}
        {view.disbursements.length > 0 && (
          <CompactTable testId="case-disbursements" spacing="mt-4" rows={view.disbursements} columns={[
            { header: t("fundDesk.columns.date"), className: "whitespace-nowrap", cell: (d) => formatDateTime(d.at, view.locale) },
            { header: t("fundDesk.money.payeeKind"), cell: (d) => t(`closing.payeeKind.${d.payeeKind}`) },
            { header: t("fundDesk.money.payeeName"), cell: (d) => d.payeeName },
            { header: t("fundDesk.columns.amount"), cell: (d) => <Money fen={d.amountFen} /> },
            { header: t("fundDesk.columns.purpose"), cell: (d) => d.purpose },
          ]} />
        )}
      </section>

      {view.canTransferSurplus && (
        <section aria-labelledby="surplus-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="surplus-title" className="font-semibold">{t("fundDesk.money.surplusTitle")}</h2>
          <p className="text-sm text-stone-700">{t("fundDesk.money.surplusIntro")}</p>
          <div className="mt-3 space-y-2">
            <FormAlert message={surplusState.formError} />
            <SurplusForm requestKey={view.requestKeys.surplus} funds={view.recordableFunds} values={surplusState.values} errors={surplusState.errors} />
          </div>
        </section>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
