import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { fenToYuanInput } from "~/domain/resources/owner-resource-rules.ts";
import { tError } from "~/utils/validation.ts";
import { DuplicateAidWarnings } from "./duplicate-aid-warnings.tsx";
import { pickFormKey, type PlanActionData } from "./plan-action-data.ts";
import { ReasonChips } from "./reason-chips.tsx";

type Line = { id: string; kind: "CASH" | "ITEM" | "SERVICE"; unit: string | null };
type Suggestion = { source: string; id: string; amount: number };

/**
 * Pick one suggestion for a line: the amount prefilled with what the suggestion can cover (editable,
 * never above it — the server checks again). A duplicate-aid warning comes back into this form with
 * the "I have checked, pick anyway" box; ticking it and submitting again commits.
 */
export function PickForm({ line, suggestion, actionData }: { line: Line; suggestion: Suggestion; actionData?: PlanActionData }) {
  const { t } = useTranslation();
  const key = pickFormKey(line.id, suggestion.source, suggestion.id);
  const answer = actionData?.intent === "pick" && actionData.formKey === key ? actionData : undefined;
  const isCash = line.kind === "CASH";
  const suggested = isCash ? fenToYuanInput(suggestion.amount) : String(suggestion.amount);
  const unit = line.unit ?? "";
  const warnings = answer?.warnings ?? [];
  return (
    <Form key={JSON.stringify(answer ?? null)} method="post" className="mt-2 space-y-2" data-testid={`pick-form-${suggestion.source}-${suggestion.id}`}>
      <input type="hidden" name="intent" value="pick" />
      <input type="hidden" name="needId" value={line.id} />
      <input type="hidden" name="source" value={suggestion.source} />
      <input type="hidden" name="resourceId" value={suggestion.id} />
      <input type="hidden" name="kind" value={line.kind} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-48">
          <Field label={t(`planDesk.pick.amount.${line.kind}`, { unit })} name="amount" errors={answer?.fieldErrors?.amount} hint={t(`planDesk.pick.max.${line.kind}`, { max: suggested, unit })}>
            {(control) =>
              isCash ? (
                <input {...control} inputMode="decimal" defaultValue={answer?.values?.amount ?? suggested} required className={inputClass} />
              ) : (
                <input {...control} type="number" min={1} max={suggestion.amount} step={1} defaultValue={answer?.values?.amount ?? suggested} required className={inputClass} />
              )
            }
          </Field>
        </div>
        <button type="submit" className={`${buttonClass} py-2`}>{t("planDesk.pick.submit")}</button>
      </div>
      {answer?.formError && warnings.length === 0 && <FormAlert message={answer.formError} />}
      {answer?.fieldErrors?.needId && <p role="alert" className="text-sm text-brand-700">{tError(t, answer.fieldErrors.needId[0]!)}</p>}
      {answer?.fieldErrors?.resourceId && <p role="alert" className="text-sm text-brand-700">{tError(t, answer.fieldErrors.resourceId[0]!)}</p>}
      {answer?.reasons && answer.reasons.length > 0 && <ReasonChips reasons={answer.reasons} label={t("planDesk.whyNot.reasonsLabel")} tone="warning" />}
      {warnings.length > 0 && (
        <>
          <DuplicateAidWarnings warnings={warnings} />
          <label className="flex items-start gap-2 text-sm text-stone-900">
            <input type="checkbox" name="acknowledge" value="on" className="mt-1" />
            <span>{t("planDesk.duplicate.acknowledge")}</span>
          </label>
        </>
      )}
    </Form>
  );
}
