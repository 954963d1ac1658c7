import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Field, FormAlert, TextField, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { allowComplaintFrom } from "~/modules/complaints/complaint-rate-limit.server.ts";
import { COMPLAINT_CONTENT_MAX, ComplaintSchema } from "~/modules/complaints/complaint-schemas.server.ts";
import { createComplaint } from "~/modules/complaints/create-complaint.server.ts";
import { listComplaintOrganizations } from "~/modules/complaints/list-complaint-organizations.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

/** Hidden from people (off screen, out of the tab order, hidden from screen readers); bots fill it. */
const HONEYPOT_FIELD = "website";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, organizations] = await Promise.all([getT(request), listComplaintOrganizations()]);
  return { meta: { title: t("complaints.title"), description: t("complaints.metaDescription") }, organizations };
}

type ComplaintAnswer = { isSent: boolean; complaintNo: string | null; formError?: string; fieldErrors: FieldErrors; values: Record<string, string> };

// The success state (with the complaint number) comes from the action's answer, never a URL.
const answer = (status: number, body: Partial<ComplaintAnswer>) =>
  data<ComplaintAnswer>({ isSent: false, complaintNo: null, fieldErrors: {}, values: {}, ...body }, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  // A filled honeypot is a bot: it is told "sent", and nothing is written (not even a rate-limit hit).
  if (String(formData.get(HONEYPOT_FIELD) ?? "").trim() !== "") return answer(200, { isSent: true });
  formData.delete(HONEYPOT_FIELD);

  const form = parseForm(ComplaintSchema, formData);
  if (!form.ok) return answer(400, { formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values: form.values });
  const values = Object.fromEntries([...formData].filter((e): e is [string, string] => typeof e[1] === "string"));

  // After validation, before any look-up: the case-number check cannot be used to probe numbers
  // faster than the limit allows.
  if (!(await allowComplaintFrom(request, context))) return answer(429, { formError: "complaints.rateLimited", values });

  const created = await createComplaint(form.data);
  if (!created.ok) return answer(400, { formError: "validation.formHasErrors", fieldErrors: created.fieldErrors, values });
  return answer(200, { isSent: true, complaintNo: created.complaintNo });
}

export default function NewComplaintPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("complaints.title")}</h1>
        {!actionData?.isSent && <p className="mt-2 text-stone-700">{t("complaints.intro")}</p>}
      </header>
      {actionData?.isSent ? <ComplaintSent complaintNo={actionData.complaintNo} /> : <ComplaintForm answer={actionData} />}
    </div>
  );
}

function ComplaintSent({ complaintNo }: { complaintNo: string | null }) {
  const { t } = useTranslation();
  return (
    <section role="status" aria-labelledby="sent-title" className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 p-5">
      <h2 id="sent-title" className="text-xl font-semibold">{t("complaints.successTitle")}</h2>
      {complaintNo && (
        <div>
          <p className="font-mono text-2xl font-bold" data-testid="complaint-no">{t("complaints.successNo", { complaintNo })}</p>
          <p className="text-sm text-stone-700">{t("complaints.successKeep")}</p>
        </div>
      )}
      <h3 className="font-semibold">{t("complaints.nextTitle")}</h3>
      <ul className="list-disc space-y-1 pl-5">
        <li>{t("complaints.next.review")}</li>
        <li>{t("complaints.next.contact")}</li>
        <li>{t("complaints.next.hotline")}</li>
      </ul>
      <Link to="/complaints/new" className="inline-block underline">{t("complaints.another")}</Link>
    </section>
  );
}

function ComplaintForm({ answer }: { answer: ComplaintAnswer | undefined }) {
  const { organizations } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const id = useId();
  const errors = answer?.fieldErrors ?? {};
  const values = answer?.values ?? {};
  return (
    <>
      <FormAlert message={answer?.formError} />
      <Form method="post" noValidate className="space-y-6">
        <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <TextField label={t("complaints.subject")} name="subject" required hint={t("complaints.subjectHint")} defaultValue={values.subject} errors={errors.subject} />
          <Field label={t("complaints.content")} name="content" hint={t("complaints.contentHint", { max: COMPLAINT_CONTENT_MAX })} errors={errors.content}>
            {(control) => <textarea {...control} rows={8} required maxLength={COMPLAINT_CONTENT_MAX} defaultValue={values.content} className={inputClass} />}
          </Field>
          <TextField label={t("complaints.caseNo")} name="caseNo" hint={t("complaints.caseNoHint")} defaultValue={values.caseNo} errors={errors.caseNo} />
          <Field label={t("complaints.organization")} name="organizationId" errors={errors.organizationId}>
            {(control) => (
              <select {...control} defaultValue={values.organizationId ?? ""} className={inputClass}>
                <option value="">{t("complaints.noOrganization")}</option>
                {organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            )}
          </Field>
        </fieldset>

        <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-stone-50 p-4" aria-describedby={`${id}-privacy`}>
          <legend className="px-1 font-semibold">{t("complaints.contactTitle")}</legend>
          <p id={`${id}-privacy`} className="text-sm text-stone-700">{t("complaints.privacy")}</p>
          <TextField label={t("complaints.contactName")} name="contactName" autoComplete="name" defaultValue={values.contactName} errors={errors.contactName} />
          <TextField label={t("complaints.contactPhone")} name="contactPhone" type="tel" autoComplete="tel" defaultValue={values.contactPhone} errors={errors.contactPhone} />
        </fieldset>

        <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}>
          <label htmlFor={`${id}-hp`}>{t("complaints.honeypot")}</label>
          <input id={`${id}-hp`} type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <button type="submit" className={buttonClass}>{t("complaints.submit")}</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
