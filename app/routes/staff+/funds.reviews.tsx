import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { Money } from "~/components/ui/money.tsx";
import { can, type Actor } from "~/domain/permissions.ts";
import { fundActionError, typedValues } from "~/modules/funds/fund-errors.server.ts";
import { GrantReviewSchema } from "~/modules/funds/fund-schemas.server.ts";
import { listGrantReviews } from "~/modules/funds/list-grant-reviews.server.ts";
import { reviewFundGrant } from "~/modules/funds/review-fund-grant.server.ts";
import { forbidden, requireStaff } from "~/utils/auth.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

/** Reviewers only: the grant.review right somewhere in their own scope. */
const isReviewer = (user: Actor) => can(user, "grant.review", { regionCode: user.scopeRegionCode ?? "" });

// 一事一议: grants above a fund's review threshold wait here for a reviewer who is not the requester.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  if (!isReviewer(user)) forbidden();
  const [t, locale, rows] = await Promise.all([getT(request), getLocale(request), listGrantReviews(user)]);
  return { meta: { title: t("fundDesk.reviews.title") }, rows, locale };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  if (!isReviewer(user)) forbidden();
  const formData = await request.formData();
  const values = typedValues(formData);
  const form = parseForm(GrantReviewSchema, formData);
  if (!form.ok) return data({ formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values }, { status: 400 });
  try {
    await reviewFundGrant({ user, form: form.data });
  } catch (error) {
    return fundActionError(error, values);
  }
  return redirect("/staff/funds/reviews", 303);
}

export default function GrantReviewsPage() {
  const { rows, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { formError?: string; fieldErrors?: FieldErrors; values?: Record<string, string> } | undefined;
  const { t } = useTranslation();
  const failedGrant = actionData?.values?.grantId;
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm"><Link to="/staff/funds" className="text-brand-800 underline">{t("fundDesk.title")}</Link></p>
        <h1 className="text-2xl font-bold">{t("fundDesk.reviews.title")}</h1>
        <p className="text-stone-700">{t("fundDesk.reviews.intro")}</p>
      </header>
      <FormAlert message={actionData?.formError} />
      {rows.length === 0 ? <p>{t("fundDesk.reviews.empty")}</p> : (
        <ul className="space-y-4" data-testid="grant-reviews">
          {rows.map((g) => (
            <li key={g.id} className="rounded-lg border border-stone-200 bg-white p-4" data-testid={`grant-${g.id}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold"><Link to={`/staff/cases/${g.case.caseNo}/money`} className="underline">{g.case.caseNo}</Link> · {g.fund.name}</h2>
                <p className="text-lg font-semibold"><Money fen={g.amountFen} /></p>
              </div>
              <p className="text-sm">{g.purpose}</p>
              <p className="text-xs text-stone-700">
                {t("fundDesk.requestedBy", { name: g.requestedBy ?? "–" })} · {formatDateTime(g.requestedAt, locale)} · {t("fundDesk.reviews.threshold")} <Money fen={g.fund.reviewThresholdFen} /> · {t("fundDesk.columns.balance")} <Money fen={g.fund.balanceFen} />
              </p>
              {g.isOwnRequest ? <p className="mt-2 text-sm font-medium text-amber-900">{t("fundDesk.reviews.ownRequest")}</p> : (
                <Form method="post" className="mt-3 space-y-2">
                  <input type="hidden" name="grantId" value={g.id} />
                  <label className="block text-sm">
                    <span className="font-medium">{t("fundDesk.reviews.note")}</span>
                    <input name="note" maxLength={200} defaultValue={failedGrant === g.id ? actionData?.values?.note : undefined} className={inputClass}
                      aria-invalid={failedGrant === g.id && !!actionData?.fieldErrors?.note} />
                  </label>
                  {failedGrant === g.id && actionData?.fieldErrors?.note && <p className="text-sm text-brand-700">{t("fundDesk.reviews.noteRequired")}</p>}
                  <div className="flex gap-2">
                    <button type="submit" name="intent" value="approve" className={buttonClass}>{t("fundDesk.reviews.approve")}</button>
                    <button type="submit" name="intent" value="reject" className="rounded border border-stone-400 px-4 py-2 hover:bg-stone-100">{t("fundDesk.reviews.reject")}</button>
                  </div>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
