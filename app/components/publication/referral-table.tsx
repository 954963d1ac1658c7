import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/ui/field.tsx";
import type { ReferralIntent } from "~/domain/referral-status.ts";
import { tError, type FieldErrors } from "~/utils/validation.ts";

type Row = {
  id: string;
  department: string;
  request: string;
  status: string;
  version: number;
  dueOn: string;
  result: string | null;
  isOverdue: boolean;
  intents: ReferralIntent[];
};

type AnswerData = { fieldErrors: FieldErrors; values: Record<string, string>; referralId: string | null } | undefined;

const cell = "px-3 py-2 align-top";

/** A case's referrals, each with a small form to record the department's answer. */
export function ReferralTable({ referrals, actionData }: { referrals: Row[]; actionData: AnswerData }) {
  const { t } = useTranslation();
  if (referrals.length === 0) return <p className="text-sm text-stone-700">{t("referrals.empty")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-sm" data-testid="referral-table">
        <caption className="sr-only">{t("referrals.listCaption")}</caption>
        <thead className="bg-stone-100 text-left">
          <tr>
            {(["department", "request", "dueOn", "status", "result", "actions"] as const).map((c) => (
              <th key={c} scope="col" className={`${cell} whitespace-nowrap`}>{t(`referrals.columns.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {referrals.map((r) => {
            const isThisRow = actionData?.referralId === r.id;
            const errors = isThisRow ? actionData?.fieldErrors.result : undefined;
            const errorId = `referral-${r.id}-errors`;
            return (
              <tr key={r.id} className="border-t border-stone-100" data-testid="referral-row">
                <th scope="row" className={`${cell} whitespace-nowrap text-left font-medium`}>{t(`referrals.department.${r.department}`)}</th>
                <td className={`${cell} min-w-[12rem] whitespace-pre-line`}>{r.request}</td>
                <td className={`${cell} whitespace-nowrap`}>
                  <time dateTime={r.dueOn}>{r.dueOn}</time>
                  {r.isOverdue && <span className="ml-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-medium text-white">{t("referrals.overdue")}</span>}
                </td>
                <td className={`${cell} whitespace-nowrap`}>{t(`referrals.status.${r.status}`)}</td>
                <td className={`${cell} min-w-[10rem] whitespace-pre-line`}>{r.result ?? "–"}</td>
                <td className={`${cell} min-w-[14rem]`}>
                  {r.intents.length === 0 ? "–" : (
                    <Form method="post" className="space-y-2">
                      <input type="hidden" name="referralId" value={r.id} />
                      <input type="hidden" name="version" value={r.version} />
                      <label className="block">
                        <span className="text-xs text-stone-700">{t("referrals.fields.result")}</span>
                        <textarea name="result" rows={2} defaultValue={isThisRow ? actionData?.values.result : undefined}
                          aria-invalid={!!errors?.length} aria-describedby={errors?.length ? errorId : undefined} className={inputClass} />
                      </label>
                      {errors?.length ? <ul id={errorId} className="text-brand-700">{errors.map((e) => <li key={e}>{tError(t, e)}</li>)}</ul> : null}
                      <div className="flex flex-wrap gap-1">
                        {r.intents.map((intent) => (
                          <button key={intent} type="submit" name="intent" value={intent}
                            className="rounded border border-stone-400 px-2 py-1 text-xs hover:bg-stone-100">
                            {t(`referrals.intent.${intent}`)}
                          </button>
                        ))}
                      </div>
                    </Form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
