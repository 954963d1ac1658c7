import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Field, FormAlert, TextField, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { fen, formatFen } from "~/domain/money.ts";
import { getGiveForm } from "~/modules/donations/get-give-form.server.ts";
import { parseGiveByCardForm } from "~/modules/donations/give-schema.server.ts";
import { startCardDonation } from "~/modules/donations/start-card-donation.server.ts";
import { clientRateLimitKey } from "~/modules/rate-limit/client-key.server.ts";
import { getCurrentUser } from "~/utils/auth.server.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import type { FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const form = await getGiveForm(params.caseNo ?? "");
  if (!form) throw data({ status: 404 }, { status: 404 });
  const [t, user] = await Promise.all([getT(request), getCurrentUser(request)]);
  return {
    meta: { title: t("cardGift.title", { title: form.publicTitle ?? form.caseNo }), description: t("cardGift.metaDescription") },
    form,
    // A signed-in donor's gift is filed under their account (/account); the form starts with their details.
    defaults: { donorName: user?.displayName ?? "", email: user?.email ?? "" },
  };
}

type GiveAnswer = { formError?: string; fieldErrors: FieldErrors; values: Record<string, string> };
const answer = (status: number, body: Partial<GiveAnswer>) => data<GiveAnswer>({ fieldErrors: {}, values: {}, ...body }, { status });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const caseNo = params.caseNo ?? "";
  const formData = await request.formData();
  const form = parseGiveByCardForm(formData);
  if (!form.ok) return answer(400, { formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values: form.values });

  const [t, locale, user] = await Promise.all([getT(request), getLocale(request), getCurrentUser(request)]);
  const result = await startCardDonation({
    caseNo,
    form: form.data,
    locale,
    requestOrigin: new URL(request.url).origin,
    itemName: t("cardGift.checkoutItem", { caseNo }),
    userId: user?.id ?? null,
    rateLimitKey: clientRateLimitKey("card-gift", request, context),
  });
  if (result.ok) return redirect(result.checkoutUrl, 303);
  const values = Object.fromEntries([...formData].filter((e): e is [string, string] => typeof e[1] === "string"));
  switch (result.reason) {
    case "notFound":
    case "disabled":
      throw data({ status: 404 }, { status: 404 });
    case "invalid":
      return answer(400, { formError: "validation.formHasErrors", fieldErrors: result.fieldErrors, values });
    case "notOpen":
      return answer(409, { formError: "cardGift.errors.nothingOpen", values });
    case "rateLimited":
      return answer(429, { formError: "cardGift.errors.rateLimited", values });
    case "paymentUnavailable":
      return answer(503, { formError: "cardGift.errors.paymentUnavailable", values });
  }
}

export default function GivePage() {
  const { form } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("cardGift.title", { title: form.publicTitle ?? form.caseNo })}</h1>
        <p className="mt-1 text-sm text-stone-700">{form.alias} · {form.caseNo}</p>
      </header>
      {form.isOpen ? (
        <>
          <p className="text-stone-800">{t("cardGift.intro")}</p>
          {form.isCardEnabled ? <CardGiftForm /> : <p className="rounded border border-stone-300 bg-stone-50 px-3 py-2 text-stone-800">{t("cardGift.cardUnavailable")}</p>}
          <section aria-labelledby="transfer-title" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="transfer-title" className="font-semibold">{t("cardGift.transferTitle")}</h2>
            <p className="mt-1 text-sm text-stone-800">{t("cardGift.transferBody")}</p>
            <Link to={`/needs/${form.caseNo}/transfer`} className="mt-2 inline-block font-medium text-brand-800 underline">{t("cardGift.transferLink")}</Link>
          </section>
        </>
      ) : (
        <section role="status" aria-labelledby="closed-title" className="space-y-2 rounded-lg border border-stone-300 bg-stone-50 p-4" data-testid="give-closed">
          <h2 id="closed-title" className="font-semibold">{t("cardGift.notOpenTitle")}</h2>
          <p className="text-stone-800">{t("cardGift.notOpenBody")}</p>
          <p className="flex flex-wrap gap-4">
            <Link to="/needs" className="font-medium text-brand-800 underline">{t("cardGift.otherNeeds")}</Link>
            <Link to="/fund" className="font-medium text-brand-800 underline">{t("cardGift.fundLink")}</Link>
          </p>
        </section>
      )}
      <Link to={`/needs/${form.caseNo}`} className="inline-block text-sm text-brand-800 underline">{t("cardGift.backToNeed")}</Link>
    </div>
  );
}

function CardGiftForm() {
  const { form, defaults } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = answer?.fieldErrors ?? {};
  const values = answer?.values ?? {};
  const max = formatFen(fen(form.capFen));
  return (
    <>
      <FormAlert message={answer?.formError} />
      {/* A full-page submission: the answer is a redirect to Stripe's Checkout page, another site. */}
      <Form method="post" reloadDocument noValidate className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" data-testid="card-gift-form">
        <Field label={t("cardGift.amount")} name="amount" hint={t("cardGift.amountHint", { max })} errors={errors.amount}>
          {(control) => <input {...control} type="text" inputMode="decimal" required autoComplete="off" defaultValue={values.amount} className={inputClass} />}
        </Field>
        <TextField label={t("cardGift.donorName")} name="donorName" autoComplete="name" hint={t("cardGift.donorNameHint")}
          defaultValue={values.donorName ?? defaults.donorName} errors={errors.donorName} />
        <label className="flex items-start gap-2 font-medium">
          <input type="checkbox" name="anonymous" className="mt-1" defaultChecked={values.anonymous === "on"} />
          {t("cardGift.anonymous")}
        </label>
        <TextField label={t("cardGift.email")} name="email" type="email" autoComplete="email" required hint={t("cardGift.emailHint")}
          defaultValue={values.email ?? defaults.email} errors={errors.email} />
        <p className="text-xs text-stone-700">{t("cardGift.secureNote")}</p>
        <button type="submit" className={buttonClass}>{t("cardGift.submit")}</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
