import { useTranslation } from "react-i18next";
import { KeyedMoneyForm, PurposeField, YuanAmountField } from "~/components/funds/money-form-fields.tsx";
import { Field, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { PAYEE_KINDS } from "~/domain/ledger-postings.ts";

/** 支付: money out of the case to a hospital, the beneficiary (named 受助人 in public) or a supplier. */
export function DisbursementForm(props: { requestKey: string; values: Record<string, string>; errors: Record<string, string[]> }) {
  const { t } = useTranslation();
  const { values, errors } = props;
  return (
    <KeyedMoneyForm testId="disbursement-form" requestKey={props.requestKey} intent="disburse">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("fundDesk.money.payeeKind")} name="payeeKind" errors={errors.payeeKind}>
          {(control) => (
            <select {...control} defaultValue={values.payeeKind ?? "HOSPITAL"} className={inputClass}>
              {PAYEE_KINDS.map((k) => <option key={k} value={k}>{t(`closing.payeeKind.${k}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("fundDesk.money.payeeName")} name="payeeName" hint={t("fundDesk.money.payeeNameHint")} errors={errors.payeeName}>
          {(control) => <input {...control} maxLength={100} defaultValue={values.payeeName} className={inputClass} />}
        </Field>
        <YuanAmountField label={t("fundDesk.amountYuan")} defaultValue={values.amount} errors={errors.amount} />
        <PurposeField label={t("fundDesk.money.purpose")} defaultValue={values.purpose} errors={errors.purpose} />
      </div>
      <button type="submit" className={buttonClass}>{t("fundDesk.money.disburseSubmit")}</button>
    </KeyedMoneyForm>
  );
}
