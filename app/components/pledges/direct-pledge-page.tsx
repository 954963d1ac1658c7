import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NeedLineProgress } from "~/components/needs/need-line-progress.tsx";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { PLEDGE_LIMITS } from "~/domain/pledges/pledge-rules.ts";
import { GiverFields } from "./giver-fields.tsx";
import { HoneypotField } from "./honeypot-field.tsx";
import { PledgePageHeader } from "./pledge-page-header.tsx";

type Line = { id: string; kind: "CASH" | "ITEM" | "SERVICE"; title: string; unit: string | null; target: number; committed: number; remaining: number };
type Page = { caseNo: string; publicTitle: string | null; alias: string | null; region: { fullName: string }; needs: Line[] };
type Answer = { isSent: boolean; amount: number | null; formError?: string; fieldErrors: Record<string, string[]>; values: Record<string, string> };

/**
 * The goods (ITEM) and hours (SERVICE) pledge pages: choose a line, how much of it, on behalf of
 * one's vetted organisation or as a person, a name or anonymous, and a contact for the office.
 */
export function DirectPledgePage(props: {
  kind: "ITEM" | "SERVICE";
  page: Page;
  organizations: Array<{ id: string; name: string }>;
  defaultContact: string;
  answer: Answer | undefined;
  honeypot: string;
}) {
  const { t } = useTranslation();
  const { page, answer, kind } = props;
  const section = kind === "ITEM" ? "goods" : "hours";
  const values = answer?.values ?? {};
  const errors = answer?.fieldErrors ?? {};
  const open = page.needs.filter((line) => line.remaining > 0);
  const unitOf = (line: Line) => (kind === "SERVICE" ? t("need.unitHours") : (line.unit ?? ""));

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PledgePageHeader title={t(`pledging.${section}.title`)} caseNo={page.caseNo} publicTitle={page.publicTitle} alias={page.alias} region={page.region.fullName} intro={t(`pledging.${section}.intro`)} />
      {answer?.isSent ? (
        <section role="status" aria-labelledby="sent-title" className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 p-5" data-testid="pledge-sent">
          <h2 id="sent-title" className="text-xl font-semibold">{t("pledging.sentTitle")}</h2>
          <p>{t(`pledging.${section}.sentBody`)}</p>
          <Link to={`/needs/${page.caseNo}`} className="inline-block underline">{t("pledging.backToNeed")}</Link>
        </section>
      ) : open.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-4">{t(`pledging.${section}.none`)}</p>
      ) : (
        <>
          <FormAlert message={answer?.formError} />
          <Form method="post" noValidate className="space-y-6">
            <fieldset className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-describedby={errors.needId ? "need-error" : undefined}>
              <legend className="px-1 text-sm font-semibold">{t(`pledging.${section}.lineLegend`)}</legend>
              {open.map((line, index) => (
                <label key={line.id} className="flex items-start gap-3 rounded border border-stone-200 p-3">
                  <input type="radio" name="needId" value={line.id} className="mt-1" defaultChecked={values.needId ? values.needId === line.id : index === 0} />
                  <span className="flex-1 space-y-1">
                    <span className="block font-medium">{line.title}</span>
                    <span className="block text-sm text-stone-700">{t("pledging.remaining", { count: line.remaining, unit: unitOf(line) })}</span>
                    <NeedLineProgress line={line} />
                  </span>
                </label>
              ))}
              {errors.needId && <p id="need-error" className="text-sm text-brand-700">{t("pledging.errors.line")}</p>}
            </fieldset>
            <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
              <legend className="px-1 text-sm font-semibold">{t(`pledging.${section}.amountLegend`)}</legend>
              <Field label={t(`pledging.${section}.quantity`)} name="quantity" hint={t(`pledging.${section}.quantityHint`)} errors={errors.quantity}>
                {(control) => <input {...control} type="number" inputMode="numeric" min={1} step={1} required defaultValue={values.quantity} className={inputClass} />}
              </Field>
              <Field label={t("pledging.note")} name="note" hint={t(`pledging.${section}.noteHint`)} errors={errors.note}>
                {(control) => <textarea {...control} rows={2} maxLength={PLEDGE_LIMITS.noteMax} defaultValue={values.note} className={inputClass} />}
              </Field>
              {props.organizations.length > 0 && (
                <Field label={t("pledging.onBehalfOf")} name="organizationId" hint={t("pledging.onBehalfOfHint")} errors={errors.organizationId}>
                  {(control) => (
                    <select {...control} defaultValue={values.organizationId ?? ""} className={inputClass}>
                      <option value="">{t("pledging.asMyself")}</option>
                      {props.organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                    </select>
                  )}
                </Field>
              )}
            </fieldset>
            <GiverFields values={values} errors={errors} defaultContact={props.defaultContact} nameHint={props.organizations.length > 0 ? t("pledging.nameHintOrg") : undefined} />
            <p className="text-sm text-stone-700">{t("pledging.privacy")}</p>
            <HoneypotField name={props.honeypot} />
            <button type="submit" className={buttonClass}>{t(`pledging.${section}.submit`)}</button>
          </Form>
        </>
      )}
    </div>
  );
}
