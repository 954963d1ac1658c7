import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { PAYEE_KINDS } from "~/domain/ledger-postings.ts";

/** 支付: money out of the case to a hospital, the beneficiary (named 受助人 in public) or a supplier. */
export function DisbursementForm(props: { requestKey: string; values: Record<string, string>; errors: Record<string, string[]> }) {
  const { t } = useTranslation();
  const { values, errors } = props;
  return (
    <Form method="post" className="space-y-3" data-testid="disbursement-form">
      <input type="hidden" name="intent" value="disburse" />
      <input type="hidden" name="requestKey" value={props.requestKey} />
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
        <Field label={t("fundDesk.amountYuan")} name="amount" errors={errors.amount}>
          {(control) => <input {...control} inputMode="decimal" required defaultValue={values.amount} className={inputClass} />}
        </Field>
        <Field label={t("fundDesk.money.purpose")} name="purpose" errors={errors.purpose}>
          {(control) => <input {...control} required maxLength={200} defaultValue={values.purpose} className={inputClass} />}
        </Field>
      </div>
      <button type="submit" className={buttonClass}>{t("fundDesk.money.disburseSubmit")}</button>
    </Form>
  );
}
