import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { StatusHistory } from "~/components/oversight/status-history.tsx";
import { ComplaintStatusBadge } from "~/components/oversight/status-badges.tsx";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { allowedComplaintIntents } from "~/domain/complaint-status.ts";
import { complaintActionError } from "~/modules/complaints/complaint-errors.server.ts";
import { COMPLAINT_REPLY_MAX, HandleComplaintSchema } from "~/modules/complaints/complaint-schemas.server.ts";
import { getComplaintForStaff } from "~/modules/complaints/get-complaint-for-staff.server.ts";
import { handleComplaint } from "~/modules/complaints/handle-complaint.server.ts";
import { requireStaff } from "~/utils/auth.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  // Unknown, or about a case outside the user's scope: the same 404, so numbers cannot be probed.
  const complaint = await getComplaintForStaff(params.complaintNo ?? "", user);
  if (!complaint) throw data({ status: 404 }, { status: 404 });
  const [t, locale] = await Promise.all([getT(request), getLocale(request)]);
  return {
    meta: { title: t("complaints.detail.title", { complaintNo: complaint.complaintNo }) },
    complaint,
    intents: allowedComplaintIntents(complaint.status),
    locale,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const complaintNo = params.complaintNo ?? "";
  const form = parseForm(HandleComplaintSchema, await request.formData());
  if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors }, { status: 400 });
  try {
    await handleComplaint({ complaintNo, intent: form.data.intent, expectedStatus: form.data.expectedStatus, reply: form.data.reply, user });
  } catch (error) {
    return complaintActionError(error);
  }
  return redirect(`/staff/complaints/${encodeURIComponent(complaintNo)}`, 303);
}

export default function StaffComplaintPage() {
  const { complaint: c, intents, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const fieldErrors: FieldErrors = actionData?.fieldErrors ?? {};
  const actionLabel = (action: string) => {
    const key = action.replace(/^complaint\./, "");
    return ["create", "handle", "start", "resolve", "dismiss"].includes(key) ? t(`complaints.detail.action.${key}`) : action;
  };
  return (
    <div className="space-y-6">
      <p><Link to="/staff/complaints" className="text-sm text-brand-800 underline">{t("complaints.detail.back")}</Link></p>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("complaints.detail.title", { complaintNo: c.complaintNo })}</h1>
        <p className="flex flex-wrap items-center gap-2 text-stone-700">
          <ComplaintStatusBadge status={c.status} />
          <span>{t("complaints.detail.createdAt")}: {formatDateTime(c.createdAt, locale)}</span>
        </p>
      </header>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="complaint-content" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="complaint-content" className="text-lg font-semibold">{c.subject}</h2>
          <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
            <dt>{t("complaints.detail.case")}</dt>
            <dd>{c.case ? <Link to={`/staff/cases/${c.case.caseNo}`} className="font-mono text-brand-800 underline">{c.case.caseNo}</Link> : t("common.none")}</dd>
            <dt>{t("complaints.detail.organization")}</dt>
            <dd>{c.organization ? <Link to={`/staff/organizations/${c.organization.id}`} className="text-brand-800 underline">{c.organization.name}</Link> : t("common.none")}</dd>
          </dl>
          <h3 className="font-semibold">{t("complaints.detail.content")}</h3>
          <p className="whitespace-pre-line text-sm">{c.content}</p>
        </section>
        <section aria-labelledby="complaint-contact" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="complaint-contact" className="font-semibold">{t("complaints.detail.contactTitle")}</h2>
          {c.contactName || c.contactPhone ? (
            <dl className="mt-3 grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
              <dt>{t("complaints.detail.contactName")}</dt><dd>{c.contactName ?? "–"}</dd>
              <dt>{t("complaints.detail.contactPhone")}</dt><dd>{c.contactPhone ?? "–"}</dd>
            </dl>
          ) : <p className="mt-2 text-sm">{t("complaints.detail.noContact")}</p>}
          <h3 className="mt-4 font-semibold">{t("complaints.detail.reply")}</h3>
          <p className="whitespace-pre-line text-sm" data-testid="complaint-reply">{c.reply ?? t("complaints.detail.noReply")}</p>
          {c.handledBy && <p className="mt-2 text-sm text-stone-700">{t("complaints.detail.handledBy")}: {c.handledBy}</p>}
        </section>
      </div>

      <section aria-labelledby="complaint-handle" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="complaint-handle" className="font-semibold">{t("complaints.detail.handleTitle")}</h2>
        <FormAlert message={actionData?.formError} />
        {intents.length === 0 ? <p className="mt-2 text-sm text-stone-700">{t("complaints.detail.noActions")}</p> : (
          <Form method="post" className="mt-3 space-y-3">
            <input type="hidden" name="expectedStatus" value={c.status} />
            <Field label={t("complaints.detail.replyLabel")} name="reply" hint={t("complaints.detail.replyHint")} errors={fieldErrors.reply}>
              {(control) => <textarea {...control} rows={4} maxLength={COMPLAINT_REPLY_MAX} className={inputClass} />}
            </Field>
            <div className="flex flex-wrap gap-2">
              {intents.map((intent) => (
                <button key={intent} type="submit" name="intent" value={intent}
                  className={intent === "resolve" || intent === "start" ? buttonClass : "rounded border border-stone-400 px-4 py-2 hover:bg-stone-100"}>
                  {t(`complaints.detail.intent.${intent}`)}
                </button>
              ))}
            </div>
          </Form>
        )}
      </section>

      <StatusHistory
        title={t("complaints.detail.historyTitle")}
        emptyText={t("complaints.detail.historyEmpty")}
        locale={locale}
        fallbackActor={t("complaints.detail.public")}
        labels={{ when: t("complaints.detail.historyWhen"), actor: t("complaints.detail.historyActor"), action: t("complaints.detail.historyAction"), change: t("complaints.detail.historyChange") }}
        rows={c.history.map((e) => ({
          id: e.id,
          at: e.at,
          actor: e.actor?.displayName ?? null,
          action: actionLabel(e.action),
          change: e.fromState && e.toState ? `${t(`complaints.status.${e.fromState}`)} → ${t(`complaints.status.${e.toState}`)}` : null,
        }))}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
