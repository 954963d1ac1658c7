import { useTranslation } from "react-i18next";
import { KeyedMoneyForm, PurposeField, YuanAmountField } from "~/components/funds/money-form-fields.tsx";
import { Field, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { fen, formatFen } from "~/domain/money.ts";

type Fund = { id: string; name: string; balanceFen: number; capLeftFen: number; reviewThresholdFen: number };
type Line = { id: string; title: string; remaining: number };

/** 申请拨付: a grant from a fund to this case, against one of its cash lines. */
export function GrantRequestForm(props: { requestKey: string; funds: Fund[]; lines: Line[]; values: Record<string, string>; errors: Record<string, string[]> }) {
  const { t } = useTranslation();
  const { values, errors } = props;
  const open = props.lines.filter((l) => l.remaining > 0);
  return (
    <KeyedMoneyForm testId="grant-form" requestKey={props.requestKey} intent="grant">
      <Field label={t("fundDesk.money.fund")} name="fundId" errors={errors.fundId}>
        {(control) => (
          <select {...control} defaultValue={values.fundId ?? props.funds[0]?.id} className={inputClass}>
            {props.funds.map((f) => (
              <option key={f.id} value={f.id}>
                {t("fundDesk.money.fundOption", { name: f.name, balance: formatFen(fen(f.balanceFen)), left: formatFen(fen(f.capLeftFen)), threshold: formatFen(fen(f.reviewThresholdFen)) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {open.length > 1 && (
        <Field label={t("fundDesk.money.line")} name="needId" errors={errors.needId}>
          {(control) => (
            <select {...control} defaultValue={values.needId ?? open[0]?.id} className={inputClass}>
              {open.map((l) => <option key={l.id} value={l.id}>{t("fundDesk.money.lineOption", { title: l.title, left: formatFen(fen(l.remaining)) })}</option>)}
            </select>
          )}
        </Field>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <YuanAmountField label={t("fundDesk.amountYuan")} defaultValue={values.amount} errors={errors.amount} />
        <PurposeField label={t("fundDesk.money.purpose")} hint={t("fundDesk.money.purposeHint")} defaultValue={values.purpose} errors={errors.purpose} />
      </div>
      <p className="text-sm text-stone-700">{t("fundDesk.money.reviewNote")}</p>
      <button type="submit" className={buttonClass}>{t("fundDesk.money.grantSubmit")}</button>
    </KeyedMoneyForm>
  );
}
