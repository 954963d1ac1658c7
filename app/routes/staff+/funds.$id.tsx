import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { ContributionForm } from "~/components/funds/contribution-form.tsx";
import { GrantStatusBadge } from "~/components/funds/grant-status-badge.tsx";
import { CompactTable } from "~/components/ui/compact-table.tsx";
import { FormAlert } from "~/components/ui/field.tsx";
import { Money } from "~/components/ui/money.tsx";
import { fundActionError, typedValues } from "~/modules/funds/fund-errors.server.ts";
import { ContributionSchema } from "~/modules/funds/fund-schemas.server.ts";
import { getStaffFund } from "~/modules/funds/get-staff-fund.server.ts";
import { fundRights } from "~/modules/funds/list-staff-funds.server.ts";
import { recordFundContribution } from "~/modules/funds/record-fund-contribution.server.ts";
import { forbidden, requireStaff } from "~/utils/auth.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

/** 404 for an unknown fund, 403 unless the user records its money or reviews its grants. */
async function requireFund(request: Request, fundId: string | undefined) {
  const user = await requireStaff(request);
  const fund = await getStaffFund(fundId ?? "");
  if (!fund) throw data({ status: 404 }, { status: 404 });
  const rights = fundRights(user, fund);
  if (!rights.canRecord && !rights.canReview) forbidden();
  return { user, fund, rights };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { fund, rights } = await requireFund(request, params.id);
  const [t, locale] = await Promise.all([getT(request), getLocale(request)]);
  return { meta: { title: fund.name }, fund, ...rights, locale, requestKey: randomUUID(), title: t("fundDesk.title") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, fund, rights } = await requireFund(request, params.id);
  if (!rights.canRecord) forbidden();
  const formData = await request.formData();
  const values = typedValues(formData);
  const form = parseForm(ContributionSchema, formData);
  if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values }, { status: 400 });
  try {
    await recordFundContribution({ fundId: fund.id, user, form: form.data });
  } catch (error) {
    return fundActionError(error, values);
  }
  return redirect(`/staff/funds/${fund.id}`, 303);
}

export default function StaffFundPage() {
  const { fund, canRecord, locale, requestKey, title } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { formError?: string; fieldErrors?: FieldErrors; values?: Record<string, string> } | undefined;
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm"><Link to="/staff/funds" className="text-brand-800 underline">{title}</Link></p>
        <h1 className="text-2xl font-bold">{fund.name}</h1>
        <p className="text-stone-700">{fund.region.fullName}</p>
      </header>
      <section aria-labelledby="rules-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="rules-title" className="font-semibold">{t("fundDesk.rules")}</h2>
        <dl className="mt-2 grid grid-cols-[12rem_1fr] gap-y-1 text-sm">
          <dt>{t("fundDesk.columns.balance")}</dt><dd className="font-semibold" data-testid="fund-balance"><Money fen={fund.balanceFen} /></dd>
          <dt>{t("fundDesk.entrySum")}</dt><dd><Money fen={fund.entrySumFen} /></dd>
          <dt>{t("fundDesk.columns.threshold")}</dt><dd><Money fen={fund.reviewThresholdFen} /></dd>
          <dt>{t("fundDesk.columns.perCaseCap")}</dt><dd><Money fen={fund.perCaseCapFen} /></dd>
          <dt>{t("fundDesk.advanceCap")}</dt><dd><Money fen={fund.advanceCapFen} /></dd>
        </dl>
      </section>
      {canRecord && fund.status === "ACTIVE" && (
        <section aria-labelledby="contribution-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="contribution-title" className="font-semibold">{t("fundDesk.contribution.title")}</h2>
          <div className="mt-3 space-y-2">
            <FormAlert message={actionData?.formError} />
            <ContributionForm requestKey={requestKey} values={actionData?.values ?? {}} errors={actionData?.fieldErrors ?? {}} />
          </div>
        </section>
      )}
      <section aria-labelledby="in-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="in-title" className="font-semibold">{t("fundDesk.moneyIn")}</h2>
        {fund.contributions.length === 0 ? <p className="text-sm text-stone-700">{t("common.none")}</p> : (
          <CompactTable testId="fund-contributions" rows={fund.contributions} columns={[
            { header: t("fundDesk.columns.date"), className: "whitespace-nowrap", cell: (c) => formatDateTime(c.occurredAt, locale) },
            { header: t("fundDesk.contribution.source"), cell: (c) => t(`fund.inSource.${c.contributionSource ?? c.kind}`) },
            { header: t("fundDesk.contribution.counterparty"), cell: (c) => c.counterparty ?? "–" },
            { header: t("fundDesk.columns.amount"), cell: (c) => <Money fen={c.amountFen} /> },
            { header: t("fundDesk.contribution.memo"), cell: (c) => c.memo },
          ]} />
        )}
      </section>
      <section aria-labelledby="grants-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="grants-title" className="font-semibold">{t("fundDesk.grantsTitle")}</h2>
        {fund.grants.length === 0 ? <p className="text-sm text-stone-700">{t("common.none")}</p> : (
          <CompactTable testId="fund-grants" rows={fund.grants} columns={[
            { header: t("fundDesk.columns.date"), className: "whitespace-nowrap", cell: (g) => formatDateTime(g.requestedAt, locale) },
            { header: t("fundDesk.columns.case"), cell: (g) => <Link to={`/staff/cases/${g.case.caseNo}/money`} className="underline">{g.case.caseNo}</Link> },
            { header: t("fundDesk.columns.amount"), cell: (g) => <Money fen={g.amountFen} /> },
            { header: t("fundDesk.columns.purpose"), cell: (g) => g.purpose },
            { header: t("fundDesk.columns.status"), cell: (g) => <GrantStatusBadge status={g.status} /> },
          ]} />
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
