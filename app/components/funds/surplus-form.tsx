import { useTranslation } from "react-i18next";
import { KeyedMoneyForm, YuanAmountField } from "~/components/funds/money-form-fields.tsx";
import { Field, inputClass } from "~/components/ui/field.tsx";

/** 结余转出: what is left in the case goes to a relief fund. */
export function SurplusForm(props: { requestKey: string; funds: Array<{ id: string; name: string }>; values: Record<string, string>; errors: Record<string, string[]> }) {
  const { t } = useTranslation();
  const { values, errors } = props;
  return (
    <KeyedMoneyForm testId="surplus-form" requestKey={props.requestKey} intent="surplus">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("fundDesk.money.toFund")} name="fundId" errors={errors.fundId}>
          {(control) => (
            <select {...control} defaultValue={values.fundId ?? props.funds[0]?.id} className={inputClass}>
              {props.funds.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
            </select>
          )}
        </Field>
        <YuanAmountField label={t("fundDesk.amountYuan")} defaultValue={values.amount} errors={errors.amount} />
      </div>
      <button type="submit" className="rounded border border-stone-400 px-4 py-2 hover:bg-stone-100">{t("fundDesk.money.surplusSubmit")}</button>
    </KeyedMoneyForm>
  );
}
