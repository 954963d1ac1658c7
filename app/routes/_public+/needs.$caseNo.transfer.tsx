import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { NeedLineProgress } from "~/components/needs/need-line-progress.tsx";
import { GiverFields } from "~/components/pledges/giver-fields.tsx";
import { HoneypotField } from "~/components/pledges/honeypot-field.tsx";
import { PledgePageHeader } from "~/components/pledges/pledge-page-header.tsx";
import { TransferInstructions } from "~/components/pledges/transfer-instructions.tsx";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { Money } from "~/components/ui/money.tsx";
import { fen, formatFen } from "~/domain/money.ts";
import { PLEDGE_LIMITS, TRANSFER_PLEDGE_VALID_DAYS } from "~/domain/pledges/pledge-rules.ts";
import { PLEDGE_HONEYPOT } from "~/modules/pledges/answer-direct-pledge.server.ts";
import { getPledgePage } from "~/modules/pledges/get-pledge-page.server.ts";
import { answerTransferPledge } from "~/modules/transfers/answer-transfer-pledge.server.ts";
import { getCurrentUser } from "~/utils/auth.server.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

// 线下转账认领 (DESIGN §6): a donor promises a transfer to a published need's cash line; staff confirm
// receipt later. Works without card payments configured. Public, rate-limited.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await getPledgePage(params.caseNo ?? "", "CASH");
  if (!page) throw data({ status: 404 }, { status: 404 });
  const [t, locale, user] = await Promise.all([getT(request), getLocale(request), getCurrentUser(request)]);
  return { meta: { title: t("pledging.transfer.title"), description: page.publicTitle ?? undefined }, page, locale, defaultContact: user?.email ?? "" };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return answerTransferPledge(request, context as { remoteAddress?: unknown }, params.caseNo ?? "");
}

export default function NeedTransferPage() {
  const { page, locale, defaultContact } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const values = answer?.values ?? {};
  const errors = answer?.fieldErrors ?? {};
  const open = page.needs.filter((line) => line.remaining > 0);
  const first = open[0];

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PledgePageHeader title={t("pledging.transfer.title")} caseNo={page.caseNo} publicTitle={page.publicTitle} alias={page.alias} region={page.region.fullName}
        intro={t("pledging.transfer.intro", { days: TRANSFER_PLEDGE_VALID_DAYS })} />
      {answer?.pledge ? (
        <TransferInstructions caseNo={page.caseNo} locale={locale} pledge={answer.pledge} />
      ) : answer?.isSent ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-4">{t("pledging.sentTitle")}</p>
      ) : !first ? (
        <p className="rounded border border-stone-200 bg-white p-4">{t("pledging.transfer.none")}</p>
      ) : (
        <>
          <FormAlert message={answer?.formError} />
          <Form method="post" noValidate className="space-y-6">
            <fieldset className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
              <legend className="px-1 text-sm font-semibold">{t("pledging.transfer.lineLegend")}</legend>
              {open.length === 1 ? (
                <div className="space-y-1">
                  <input type="hidden" name="needId" value={first.id} />
                  <p className="font-medium">{first.title}</p>
                  <NeedLineProgress line={first} />
                </div>
              ) : open.map((line, index) => (
                <label key={line.id} className="flex items-start gap-3 rounded border border-stone-200 p-3">
                  <input type="radio" name="needId" value={line.id} className="mt-1" defaultChecked={values.needId ? values.needId === line.id : index === 0} />
                  <span className="flex-1 space-y-1">
                    <span className="block font-medium">{line.title}</span>
                    <NeedLineProgress line={line} />
                  </span>
                </label>
              ))}
              <p className="text-sm text-stone-700">{t("pledging.transfer.stillNeeded")} <Money fen={Math.max(...open.map((l) => l.remaining))} /></p>
            </fieldset>
            <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
              <legend className="px-1 text-sm font-semibold">{t("pledging.transfer.amountLegend")}</legend>
              <Field label={t("pledging.transfer.amountYuan")} name="amount" hint={t("pledging.transfer.amountHint", { min: formatFen(fen(PLEDGE_LIMITS.minTransferFen)) })} errors={errors.amount}>
                {(control) => <input {...control} inputMode="decimal" required defaultValue={values.amount} className={inputClass} />}
              </Field>
            </fieldset>
            <GiverFields values={values} errors={errors} defaultContact={defaultContact} />
            <p className="text-sm text-stone-700">{t("pledging.privacy")}</p>
            <HoneypotField name={PLEDGE_HONEYPOT} />
            <button type="submit" className={buttonClass}>{t("pledging.transfer.submit")}</button>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
