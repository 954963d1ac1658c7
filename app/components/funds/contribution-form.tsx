import { useTranslation } from "react-i18next";
import { KeyedMoneyForm, YuanAmountField } from "~/components/funds/money-form-fields.tsx";
import { Field, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { CONTRIBUTION_SOURCES } from "~/domain/ledger-postings.ts";

/** 资金注入: who put money into the fund, from which source, how much. */
export function ContributionForm(props: { requestKey: string; values: Record<string, string>; errors: Record<string, string[]> }) {
  const { t } = useTranslation();
  const { values, errors } = props;
  return (
    <KeyedMoneyForm testId="contribution-form" requestKey={props.requestKey}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("fundDesk.contribution.source")} name="source" errors={errors.source}>
          {(control) => (
            <select {...control} defaultValue={values.source ?? "PUBLIC_FINANCE"} className={inputClass}>
              {CONTRIBUTION_SOURCES.map((s) => <option key={s} value={s}>{t(`fund.inSource.${s}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("fundDesk.contribution.counterparty")} name="counterparty" hint={t("fundDesk.contribution.counterpartyHint")} errors={errors.counterparty}>
          {(control) => <input {...control} required maxLength={100} defaultValue={values.counterparty} className={inputClass} />}
        </Field>
        <YuanAmountField label={t("fundDesk.amountYuan")} defaultValue={values.amount} errors={errors.amount} />
        <Field label={t("fundDesk.contribution.memo")} name="memo" errors={errors.memo}>
          {(control) => <input {...control} maxLength={200} defaultValue={values.memo} className={inputClass} />}
        </Field>
      </div>
      <button type="submit" className={buttonClass}>{t("fundDesk.contribution.submit")}</button>
    </KeyedMoneyForm>
  );
}
