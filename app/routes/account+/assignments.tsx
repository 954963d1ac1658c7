import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { AssignmentCard, type AssignmentAnswer } from "~/components/plan/assignment-card.tsx";
import { acceptAssignment } from "~/modules/plan/accept-assignment.server.ts";
import { declineAssignment } from "~/modules/plan/decline-assignment.server.ts";
import { listMyAssignments } from "~/modules/plan/list-my-assignments.server.ts";
import { logAssignmentHours } from "~/modules/plan/log-assignment-hours.server.ts";
import { planActionError } from "~/modules/plan/plan-action-error.server.ts";
import { AcceptAssignmentSchema, DeclineAssignmentSchema, LogHoursSchema } from "~/modules/plan/plan-schemas.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

// Owners answer plan picks (issue 6 point 3): a volunteer's own offers, an organisation member's
// projects, team offers and goods. Accept, decline with a reason (frees the line and the resource),
// log hours served. Each module checks that the user answers for the resource (403 otherwise).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, locale, assignments] = await Promise.all([getT(request), getLocale(request), listMyAssignments(user.id)]);
  return { meta: { title: t("planAssignments.title") }, locale, ...assignments };
}

const SCHEMAS = { accept: AcceptAssignmentSchema, decline: DeclineAssignmentSchema, logHours: LogHoursSchema } as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const commitmentId = String(formData.get("commitmentId") ?? "");
  if (!(intent in SCHEMAS)) return data({ intent, commitmentId, formError: "validation.invalid", fieldErrors: {} }, { status: 400 });
  const form = parseForm(SCHEMAS[intent as keyof typeof SCHEMAS], formData);
  if (!form.ok) return data({ intent, commitmentId, formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  try {
    const input = form.data;
    if (input.intent === "accept") await acceptAssignment({ user, commitmentId: input.commitmentId, version: input.version });
    else if (input.intent === "decline") await declineAssignment({ user, commitmentId: input.commitmentId, version: input.version, reason: input.reason });
    else await logAssignmentHours({ user, commitmentId: input.commitmentId, version: input.version, hours: input.hours });
  } catch (error) {
    return planActionError(error, { intent, commitmentId });
  }
  return redirect("/account/assignments", 303);
}

export default function AssignmentsPage() {
  const { open, done, locale } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as AssignmentAnswer | undefined;
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <p><Link to="/account" className="text-sm text-brand-800 underline">{t("planAssignments.back")}</Link></p>
        <h1 className="text-2xl font-bold">{t("planAssignments.title")}</h1>
        <p className="text-stone-700">{t("planAssignments.intro")}</p>
      </header>
      <section aria-labelledby="open-title" className="space-y-3">
        <h2 id="open-title" className="text-lg font-semibold">{t("planAssignments.open")}</h2>
        {open.length === 0 ? <p className="text-stone-700">{t("planAssignments.emptyOpen")}</p> : (
          <ul className="space-y-3">{open.map((item) => <AssignmentCard key={item.id} item={item} locale={locale} answer={answer} />)}</ul>
        )}
      </section>
      <section aria-labelledby="done-title" className="space-y-3">
        <h2 id="done-title" className="text-lg font-semibold">{t("planAssignments.done")}</h2>
        {done.length === 0 ? <p className="text-stone-700">{t("planAssignments.emptyDone")}</p> : (
          <ul className="space-y-3">{done.map((item) => <AssignmentCard key={item.id} item={item} locale={locale} answer={answer} />)}</ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
