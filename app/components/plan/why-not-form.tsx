import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { MATCH_SOURCES } from "~/domain/matching/match-types.ts";
import { lineAmountText } from "./line-amount-text.ts";
import type { PlanActionData } from "./plan-action-data.ts";
import { ReasonChips } from "./reason-chips.tsx";

type Line = { id: string; kind: "CASH" | "ITEM" | "SERVICE"; title: string; unit: string | null };

/** "Why not this one?": any resource by kind and id against one line, answered with the engine's reasons. */
export function WhyNotForm({ lines, actionData }: { lines: readonly Line[]; actionData?: PlanActionData }) {
  const { t } = useTranslation();
  const answer = actionData?.intent === "whyNot" ? actionData : undefined;
  const values = answer?.values ?? {};
  const result = answer?.whyNot;
  const line = lines.find((l) => l.id === values.needId);
  return (
    <section aria-labelledby="why-not-title" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="why-not-title" className="text-lg font-semibold">{t("planDesk.whyNot.title")}</h2>
      <p className="text-sm text-stone-700">{t("planDesk.whyNot.intro")}</p>
      <Form key={JSON.stringify(values)} method="post" className="grid gap-3 md:grid-cols-4 md:items-end">
        <input type="hidden" name="intent" value="whyNot" />
        <Field label={t("planDesk.whyNot.line")} name="needId" errors={answer?.fieldErrors?.needId}>
          {(control) => (
            <select {...control} defaultValue={values.needId ?? lines[0]?.id} className={inputClass}>
              {lines.map((l) => <option key={l.id} value={l.id}>{t(`need.kind.${l.kind}`)} · {l.title}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("planDesk.whyNot.source")} name="source" errors={answer?.fieldErrors?.source}>
          {(control) => (
            <select {...control} defaultValue={values.source ?? "PROJECT"} className={inputClass}>
              {MATCH_SOURCES.map((s) => <option key={s} value={s}>{t(`matching.source.${s}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("planDesk.whyNot.resourceId")} name="resourceId" hint={t("planDesk.whyNot.resourceIdHint")} errors={answer?.fieldErrors?.resourceId}>
          {(control) => <input {...control} defaultValue={values.resourceId ?? ""} required maxLength={64} className={inputClass} />}
        </Field>
        <div><button type="submit" className={buttonClass}>{t("planDesk.whyNot.submit")}</button></div>
      </Form>
      {answer?.formError && !result && <FormAlert message={answer.formError} />}
      {result && (
        <div role="status" className="space-y-2 rounded border border-stone-300 p-3 text-sm" data-testid="why-not-result">
          <p className="font-medium">{result.title}{result.organizationName && ` · ${result.organizationName}`}</p>
          {result.explanation.eligible ? (
            <>
              <p>{t("planDesk.whyNot.eligible", { score: result.explanation.suggestion.score, amount: line ? lineAmountText(t, line.kind, result.explanation.suggestion.amount, line.unit) : result.explanation.suggestion.amount })}</p>
              <ReasonChips reasons={result.explanation.suggestion.reasons} label={t("planDesk.suggestions.reasonsLabel")} />
            </>
          ) : (
            <>
              <p>{t("planDesk.whyNot.ineligible")}</p>
              <ReasonChips reasons={result.explanation.reasons} label={t("planDesk.whyNot.reasonsLabel")} tone="warning" />
            </>
          )}
        </div>
      )}
    </section>
  );
}
