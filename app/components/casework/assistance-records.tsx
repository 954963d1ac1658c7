import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { Money } from "~/components/ui/money.tsx";
import { PROGRAMMES } from "~/domain/missed-aid/missed-aid-hints.ts";
import type { FieldErrors } from "~/utils/validation.ts";

export type AssistanceRecordView = {
  id: string;
  programme: string;
  startedOn: string;
  endedOn: string | null;
  amountFen: number | null;
  purpose: string | null;
  caseNo: string | null;
};

type Props = {
  records: AssistanceRecordView[];
  hasIdNumber: boolean;
  canAdd: boolean;
  values?: Record<string, string>;
  fieldErrors: FieldErrors;
  formError?: string;
};

/** The person's assistance records (by ID hash) and, while verifying, a small form to add one. */
export function AssistanceRecords({ records, hasIdNumber, canAdd, values, fieldErrors, formError }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="records-title" data-testid="assistance-records" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="records-title" className="font-semibold">{t("casework.records.title")}</h2>
      {!hasIdNumber ? <p className="mt-1 text-sm text-stone-700">{t("casework.records.noIdNumber")}</p> : records.length === 0 ? (
        <p className="mt-1 text-sm text-stone-700">{t("casework.records.empty")}</p>
      ) : (
        <table className="mt-2 min-w-full text-sm">
          <thead className="text-left"><tr>
            <th scope="col" className="py-1 pr-3">{t("casework.duplicates.programme")}</th>
            <th scope="col" className="py-1 pr-3">{t("casework.duplicates.period")}</th>
            <th scope="col" className="py-1 pr-3">{t("casework.duplicates.amount")}</th>
            <th scope="col" className="py-1 pr-3">{t("casework.records.purpose")}</th>
            <th scope="col" className="py-1">{t("casework.records.linkedCase")}</th>
          </tr></thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id} className="border-t border-stone-100">
                <td className="py-1 pr-3">{t(`casework.programme.${r.programme}`)}</td>
                <td className="py-1 pr-3 whitespace-nowrap">{r.startedOn} – {r.endedOn ?? t("casework.duplicates.ongoing")}</td>
                <td className="py-1 pr-3">{r.amountFen === null ? "–" : <Money fen={r.amountFen} />}</td>
                <td className="py-1 pr-3">{r.purpose ?? "–"}</td>
                <td className="py-1 font-mono text-xs">{r.caseNo ? <Link to={`/staff/cases/${r.caseNo}`} className="text-brand-800 underline">{r.caseNo}</Link> : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canAdd && hasIdNumber && (
        <Form method="post" className="mt-4 space-y-3 border-t border-stone-200 pt-3" data-testid="add-record-form">
          <h3 className="font-medium">{t("casework.records.addTitle")}</h3>
          <FormAlert message={formError} />
          <input type="hidden" name="intent" value="addRecord" />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("casework.duplicates.programme")} name="programme" errors={fieldErrors.programme}>
              {(control) => (
                <select {...control} defaultValue={values?.programme ?? ""} required className={inputClass}>
                  <option value="">{t("casework.verify.choose")}</option>
                  {PROGRAMMES.map((p) => <option key={p} value={p}>{t(`casework.programme.${p}`)}</option>)}
                </select>
              )}
            </Field>
            <Field label={t("casework.records.amount")} name="amount" hint={t("casework.records.amountHint")} errors={fieldErrors.amount}>
              {(control) => <input {...control} inputMode="decimal" defaultValue={values?.amount} className={inputClass} />}
            </Field>
            <Field label={t("casework.records.startedOn")} name="startedOn" errors={fieldErrors.startedOn}>
              {(control) => <input {...control} type="date" required defaultValue={values?.startedOn} className={inputClass} />}
            </Field>
            <Field label={t("casework.records.endedOn")} name="endedOn" hint={t("casework.records.endedOnHint")} errors={fieldErrors.endedOn}>
              {(control) => <input {...control} type="date" defaultValue={values?.endedOn} className={inputClass} />}
            </Field>
          </div>
          <Field label={t("casework.records.purpose")} name="purpose" errors={fieldErrors.purpose}>
            {(control) => <input {...control} maxLength={200} defaultValue={values?.purpose} className={inputClass} />}
          </Field>
          <button type="submit" className={buttonClass}>{t("casework.records.add")}</button>
        </Form>
      )}
    </section>
  );
}
