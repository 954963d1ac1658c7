import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { NeedLinePlan } from "~/components/plan/need-line-plan.tsx";
import { pickFormKey, type PlanActionData } from "~/components/plan/plan-action-data.ts";
import { WhyNotForm } from "~/components/plan/why-not-form.tsx";
import { FormAlert } from "~/components/ui/field.tsx";
import { can } from "~/domain/permissions.ts";
import { requireCaseAccess } from "~/modules/cases/require-case-access.server.ts";
import { explainPlanCandidate } from "~/modules/plan/explain-plan-candidate.server.ts";
import { getCasePlan } from "~/modules/plan/get-case-plan.server.ts";
import { pickSuggestion } from "~/modules/plan/pick-suggestion.server.ts";
import { planActionError } from "~/modules/plan/plan-action-error.server.ts";
import { PickSchema, UnpickSchema, WhyNotSchema } from "~/modules/plan/plan-schemas.server.ts";
import { unpickCommitment } from "~/modules/plan/unpick-commitment.server.ts";
import { forbidden } from "~/utils/auth.server.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

// The plan tab of a case file (一案一策): each need line's coverage and commitments, the engine's
// ranked suggestions to pick from, unpick, and "why not this one?". Staff covering the case see
// it; only those who work the case's region (case.work) may pick and unpick.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  const [t, locale, plan] = await Promise.all([getT(request), getLocale(request), getCasePlan(caseRow.id)]);
  return {
    meta: { title: t("planDesk.metaTitle", { caseNo: caseRow.caseNo }) },
    locale,
    canAct: can(user, "case.work", { regionCode: caseRow.regionCode }),
    plan,
  };
}

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRow } = await requireCaseAccess(request, params.caseNo);
  if (!can(user, "case.work", { regionCode: caseRow.regionCode })) forbidden();
  const formData = await request.formData();
  const intent = text(formData, "intent");

  if (intent === "pick") {
    const formKey = pickFormKey(text(formData, "needId"), text(formData, "source"), text(formData, "resourceId"));
    const form = parseForm(PickSchema, formData);
    if (!form.ok) return data({ intent, formKey, values: form.values, formError: "validation.formHasErrors", fieldErrors: form.fieldErrors }, { status: 400 });
    const values = { amount: text(formData, "amount") };
    try {
      const result = await pickSuggestion({ caseId: caseRow.id, user, form: form.data });
      if (result.outcome === "warning") {
        return data({ intent, formKey, values, warnings: result.warnings, formError: "planDesk.duplicate.acknowledgeRequired", fieldErrors: {} }, { status: 422 });
      }
    } catch (error) {
      return planActionError(error, { intent, formKey, values });
    }
    return redirect(`/staff/cases/${caseRow.caseNo}/plan#line-${form.data.needId}`, 303);
  }

  if (intent === "unpick") {
    const form = parseForm(UnpickSchema, formData);
    if (!form.ok) return data({ intent, formKey: text(formData, "commitmentId"), formError: "validation.formHasErrors", fieldErrors: form.fieldErrors }, { status: 400 });
    try {
      await unpickCommitment({ caseId: caseRow.id, user, commitmentId: form.data.commitmentId, version: form.data.version });
    } catch (error) {
      return planActionError(error, { intent, formKey: form.data.commitmentId });
    }
    return redirect(`/staff/cases/${caseRow.caseNo}/plan`, 303);
  }

  if (intent === "whyNot") {
    const form = parseForm(WhyNotSchema, formData);
    if (!form.ok) return data({ intent, values: form.values, formError: "validation.formHasErrors", fieldErrors: form.fieldErrors }, { status: 400 });
    const values = { needId: form.data.needId, source: form.data.source, resourceId: form.data.resourceId };
    const whyNot = await explainPlanCandidate(caseRow.id, form.data.needId, { source: form.data.source, id: form.data.resourceId });
    if (!whyNot) return data({ intent, values, formError: "planDesk.whyNot.unknown", fieldErrors: {} }, { status: 404 });
    return data({ intent, values, whyNot, fieldErrors: {} });
  }

  return data({ formError: "validation.invalid", fieldErrors: {} }, { status: 400 });
}

export default function CasePlanTab() {
  const { plan, canAct, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PlanActionData | undefined;
  const { t } = useTranslation();
  const canPick = canAct && plan.isOpen;
  const liveLines = plan.lines.filter((line) => line.status !== "CANCELLED");
  return (
    <div className="space-y-6">
      <section aria-labelledby="plan-title" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="plan-title" className="text-xl font-semibold">{t("planDesk.title")}</h2>
          <Link to="print" className="text-brand-800 underline">{t("planDesk.printLink")}</Link>
        </div>
        <p className="text-sm text-stone-700">{t("planDesk.intro")}</p>
        {!plan.isOpen && <p className="rounded border border-stone-300 bg-stone-50 px-3 py-2 text-sm text-stone-800">{t(plan.status === "VERIFIED" ? "planDesk.notOpen.VERIFIED" : "planDesk.notOpen.other", { status: t(`case.status.${plan.status}`) })}</p>}
        {plan.isOpen && !canAct && <p className="text-sm text-stone-700">{t("planDesk.readOnly")}</p>}
        {actionData?.intent === "unpick" && <FormAlert message={actionData.formError} />}
      </section>

      {liveLines.length === 0 ? (
        <p className="text-sm text-stone-700">{t("planDesk.noLines")}</p>
      ) : (
        liveLines.map((line) => <NeedLinePlan key={line.id} line={line} canPick={canPick} locale={locale} actionData={actionData} />)
      )}

      {plan.isOpen && liveLines.length > 0 && <WhyNotForm lines={liveLines} actionData={actionData} />}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
