import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { HOUSING_CONDITIONS, VULNERABLE_TAGS } from "~/domain/indices/household-facts.ts";
import { fen, formatFen } from "~/domain/money.ts";
import { tError, type FieldErrors } from "~/utils/validation.ts";

export type HouseholdView = {
  householdSize: number;
  monthlyIncomeFen: number | null;
  monthlyEssentialFen: number | null;
  housing: string | null;
  vulnerableMembers: string[];
};

/** 分 → what a person would type in 元 ("1234.5" → "1234.50"), with integer arithmetic. */
function yuanInput(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return "";
  return `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, "0")}`;
}

type Props = {
  version: number;
  household: HouseholdView | null;
  /** What the user submitted, when the server sent the form back (never the ID number). */
  values?: Record<string, string>;
  fieldErrors: FieldErrors;
  formError?: string;
  idNumberMasked: string | null;
  hasDuplicates: boolean;
};

/**
 * The verify tab's household form. Two submit buttons share it: save (keep what is known so far)
 * and complete verification. The ID number field appears only while none is on file; the one on
 * file is shown masked and never sent to the browser in full.
 */
export function HouseholdForm({ version, household, values, fieldErrors, formError, idNumberMasked, hasDuplicates }: Props) {
  const { t } = useTranslation();
  const value = (name: string, stored: string) => values?.[name] ?? stored;
  const ticked = new Set(values ? (values.vulnerableMembers ?? "").split(",").filter(Boolean) : (household?.vulnerableMembers ?? []));
  return (
    <Form method="post" className="space-y-4" data-testid="household-form">
      <FormAlert message={formError} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("staff.householdSize")} name="householdSize" errors={fieldErrors.householdSize}>
          {(control) => <input {...control} type="number" min={1} max={30} required inputMode="numeric"
            defaultValue={value("householdSize", String(household?.householdSize ?? 1))} className={inputClass} />}
        </Field>
        <Field label={t("casework.verify.housing")} name="housing" errors={fieldErrors.housing}>
          {(control) => (
            <select {...control} defaultValue={value("housing", household?.housing ?? "")} className={inputClass}>
              <option value="">{t("casework.verify.choose")}</option>
              {HOUSING_CONDITIONS.map((h) => <option key={h} value={h}>{t(`casework.housing.${h}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("casework.verify.monthlyIncome")} name="monthlyIncome" hint={t("casework.verify.monthlyIncomeHint")} errors={fieldErrors.monthlyIncome}>
          {(control) => <input {...control} inputMode="decimal" defaultValue={value("monthlyIncome", yuanInput(household?.monthlyIncomeFen))} className={inputClass} />}
        </Field>
        <Field label={t("casework.verify.monthlyEssential")} name="monthlyEssential" hint={t("casework.verify.monthlyEssentialHint")} errors={fieldErrors.monthlyEssential}>
          {(control) => <input {...control} inputMode="decimal" defaultValue={value("monthlyEssential", yuanInput(household?.monthlyEssentialFen))} className={inputClass} />}
        </Field>
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-stone-800">{t("casework.verify.vulnerable")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {VULNERABLE_TAGS.map((tag) => (
            <label key={tag} className="inline-flex items-center gap-2 text-sm">
              <input type="checkbox" name="vulnerableMembers" value={tag} defaultChecked={ticked.has(tag)} />
              {t(`casework.vulnerable.${tag}`)}
            </label>
          ))}
        </div>
        {fieldErrors.vulnerableMembers?.map((e) => <p key={e} className="text-sm text-brand-700">{tError(t, e)}</p>)}
      </fieldset>

      {idNumberMasked ? (
        <p className="text-sm">
          <span className="font-medium">{t("staff.idNumber")}</span>: <span className="font-mono">{idNumberMasked}</span>{" "}
          <span className="text-stone-600">({t("casework.verify.idNumberOnFile")})</span>
        </p>
      ) : (
        <Field label={t("staff.idNumber")} name="idNumber" hint={t("casework.verify.idNumberHint")} errors={fieldErrors.idNumber}>
          {(control) => <input {...control} autoComplete="off" maxLength={30} className={`${inputClass} font-mono`} />}
        </Field>
      )}

      {(hasDuplicates || fieldErrors.acknowledgeDuplicates) && (
        <div className="rounded border border-amber-400 bg-amber-50 p-3">
          <label className="inline-flex items-start gap-2 text-sm font-medium">
            <input type="checkbox" name="acknowledgeDuplicates" value="on" className="mt-1"
              aria-invalid={!!fieldErrors.acknowledgeDuplicates} aria-describedby={fieldErrors.acknowledgeDuplicates ? "acknowledge-error" : undefined} />
            {t("casework.verify.acknowledge")}
          </label>
          {fieldErrors.acknowledgeDuplicates && (
            <p id="acknowledge-error" className="mt-1 text-sm text-brand-700">{fieldErrors.acknowledgeDuplicates.map((e) => tError(t, e)).join(" ")}</p>
          )}
        </div>
      )}

      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="verify" className={buttonClass}>{t("casework.verify.complete")}</button>
        <button type="submit" name="intent" value="save" className="rounded border border-stone-400 px-4 py-2 hover:bg-stone-100">{t("casework.verify.save")}</button>
      </div>
    </Form>
  );
}

/** The recorded household data, read-only (after verification, or for users who may not verify). */
export function HouseholdSummary({ household, idNumberMasked }: { household: HouseholdView | null; idNumberMasked: string | null }) {
  const { t } = useTranslation();
  const unknown = t("casework.verify.unknown");
  const yuan = (amount: number | null) => (amount === null ? unknown : formatFen(fen(amount)));
  if (!household) return <p className="text-sm text-stone-700">{t("casework.verify.noBeneficiary")}</p>;
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-y-1 text-sm" data-testid="household-summary">
      <dt>{t("staff.householdSize")}</dt><dd>{household.householdSize}</dd>
      <dt>{t("casework.verify.monthlyIncome")}</dt><dd>{yuan(household.monthlyIncomeFen)}</dd>
      <dt>{t("casework.verify.monthlyEssential")}</dt><dd>{yuan(household.monthlyEssentialFen)}</dd>
      <dt>{t("casework.verify.housing")}</dt><dd>{household.housing ? t(`casework.housing.${household.housing}`) : unknown}</dd>
      <dt>{t("casework.verify.vulnerable")}</dt>
      <dd>{household.vulnerableMembers.length ? household.vulnerableMembers.map((tag) => t(`casework.vulnerable.${tag}`, { defaultValue: tag })).join(t("casework.listSeparator")) : t("casework.index.detail.vulnerableNone")}</dd>
      <dt>{t("staff.idNumber")}</dt><dd className="font-mono">{idNumberMasked ?? unknown}</dd>
    </dl>
  );
}
