import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { CreditCodeCheck } from "~/components/oversight/credit-code-check.tsx";
import { StatusHistory } from "~/components/oversight/status-history.tsx";
import { OrganizationStatusBadge } from "~/components/oversight/status-badges.tsx";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { ORGANIZATION_INTENTS, allowedOrganizationIntents } from "~/domain/organization-status.ts";
import { changeOrganizationStatus } from "~/modules/vetting/change-organization-status.server.ts";
import { getOrganizationForVetting } from "~/modules/vetting/get-organization-for-vetting.server.ts";
import { vettingActionError } from "~/modules/vetting/vetting-errors.server.ts";
import { VETTING_REASON_MAX, VetOrganizationSchema } from "~/modules/vetting/vetting-schemas.server.ts";
import { requireAction } from "~/utils/auth.server.ts";
import { formatDate, formatDateTime } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAction(request, "organization.vet");
  const organization = await getOrganizationForVetting(params.id ?? "");
  if (!organization) throw data({ status: 404 }, { status: 404 });
  const [t, locale] = await Promise.all([getT(request), getLocale(request)]);
  return { meta: { title: `${organization.name} · ${t("vetting.title")}` }, organization, intents: allowedOrganizationIntents(organization.status), locale };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAction(request, "organization.vet");
  const organizationId = params.id ?? "";
  const form = parseForm(VetOrganizationSchema, await request.formData());
  if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors }, { status: 400 });
  try {
    await changeOrganizationStatus({ organizationId, intent: form.data.intent, expectedStatus: form.data.expectedStatus, reason: form.data.reason, actorId: user.id });
  } catch (error) {
    return vettingActionError(error);
  }
  return redirect(`/staff/organizations/${encodeURIComponent(organizationId)}`, 303);
}

export default function StaffOrganizationPage() {
  const { organization: org, intents, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const fieldErrors: FieldErrors = actionData?.fieldErrors ?? {};
  const actionLabel = (action: string) => {
    const key = action.replace(/^organization\./, "");
    return (ORGANIZATION_INTENTS as readonly string[]).includes(key) ? t(`vetting.detail.intent.${key}`) : action;
  };
  return (
    <div className="space-y-6">
      <p><Link to="/staff/organizations" className="text-sm text-brand-800 underline">{t("vetting.detail.back")}</Link></p>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{org.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-stone-700">
          <OrganizationStatusBadge status={org.status} />
          <span>{t(`org.kind.${org.kind}`)}</span>
          {org.status === "VETTED" && <Link to={`/organizations/${org.id}`} className="text-sm text-brand-800 underline">{t("vetting.detail.publicPage")}</Link>}
        </p>
      </header>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="org-registration" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="org-registration" className="font-semibold">{t("vetting.detail.registrationTitle")}</h2>
          <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-x-2 gap-y-1 text-sm">
            <dt>{t("vetting.detail.creditCode")}</dt>
            <dd><CreditCodeCheck code={org.creditCode} check={org.creditCodeCheck} /></dd>
            <dt>{t("vetting.detail.kind")}</dt><dd>{t(`org.kind.${org.kind}`)}</dd>
            <dt>{t("vetting.detail.region")}</dt><dd>{org.region.fullName} <span className="font-mono text-xs text-stone-600">{org.region.code}</span></dd>
            <dt>{t("vetting.detail.website")}</dt><dd className="break-all">{org.website ?? "–"}</dd>
            <dt>{t("vetting.detail.createdAt")}</dt><dd>{formatDateTime(org.createdAt, locale)}</dd>
            <dt>{t("vetting.detail.status")}</dt><dd>{t(`org.status.${org.status}`)}</dd>
            {org.statusReason && <><dt>{t("vetting.detail.statusReason")}</dt><dd className="whitespace-pre-line">{org.statusReason}</dd></>}
            {org.vettedAt && <><dt>{t("vetting.detail.vettedAt")}</dt><dd>{formatDate(org.vettedAt, locale)}</dd></>}
            {org.vettedBy && <><dt>{t("vetting.detail.vettedBy")}</dt><dd>{org.vettedBy}</dd></>}
          </dl>
          <h3 className="mt-4 font-semibold">{t("vetting.detail.description")}</h3>
          <p className="whitespace-pre-line text-sm">{org.description}</p>
        </section>
        <div className="space-y-6">
          <section aria-labelledby="org-contact" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
            <h2 id="org-contact" className="font-semibold">{t("vetting.detail.contactTitle")}</h2>
            <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
              <dt>{t("vetting.detail.contactName")}</dt><dd>{org.contactName}</dd>
              <dt>{t("vetting.detail.contactPhone")}</dt><dd>{org.contactPhone}</dd>
            </dl>
            <p className="mt-2 text-xs text-stone-700">{t("vetting.detail.contactNote")}</p>
          </section>
          <section aria-labelledby="org-members" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="org-members" className="font-semibold">{t("vetting.detail.membersTitle")}</h2>
            {org.members.length === 0 ? <p className="mt-2 text-sm text-stone-700">{t("vetting.detail.noMembers")}</p> : (
              <ul className="mt-2 space-y-1 text-sm">
                {org.members.map((m) => (
                  <li key={m.user.id}>{m.user.displayName} <span className="text-stone-600">· {t(`vetting.detail.memberRole.${m.role}`)}</span></li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>

      <section aria-labelledby="org-decision" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="org-decision" className="font-semibold">{t("vetting.detail.decisionTitle")}</h2>
        <FormAlert message={actionData?.formError} />
        {intents.length === 0 ? <p className="mt-2 text-sm text-stone-700">{t("vetting.detail.noActions")}</p> : (
          <Form method="post" className="mt-3 space-y-3">
            <input type="hidden" name="expectedStatus" value={org.status} />
            <Field label={t("vetting.detail.reason")} name="reason" hint={t("vetting.detail.reasonHint")} errors={fieldErrors.reason}>
              {(control) => <textarea {...control} rows={3} maxLength={VETTING_REASON_MAX} className={inputClass} />}
            </Field>
            <div className="flex flex-wrap gap-2">
              {intents.map((intent) => (
                <button key={intent} type="submit" name="intent" value={intent}
                  className={intent === "vet" || intent === "reinstate" ? buttonClass : "rounded border border-stone-400 px-4 py-2 hover:bg-stone-100"}>
                  {t(`vetting.detail.intent.${intent}`)}
                </button>
              ))}
            </div>
          </Form>
        )}
      </section>

      <StatusHistory
        title={t("vetting.detail.historyTitle")}
        emptyText={t("vetting.detail.historyEmpty")}
        locale={locale}
        fallbackActor={t("caseActions.system")}
        labels={{
          when: t("vetting.detail.historyWhen"),
          actor: t("vetting.detail.historyActor"),
          action: t("vetting.detail.historyAction"),
          change: t("vetting.detail.historyChange"),
          note: t("vetting.detail.historyReason"),
        }}
        rows={org.history.map((e) => ({
          id: e.id,
          at: e.at,
          actor: e.actor?.displayName ?? null,
          action: actionLabel(e.action),
          change: e.fromState && e.toState ? `${t(`org.status.${e.fromState}`)} → ${t(`org.status.${e.toState}`)}` : null,
          note: e.reason,
        }))}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
