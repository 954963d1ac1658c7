import { Form } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass, inputClass } from "~/components/ui/field.tsx";
import { PLEDGE_LIMITS } from "~/domain/pledges/pledge-rules.ts";

const SECONDARY = "rounded border border-stone-400 px-3 py-1.5 text-sm hover:bg-stone-100";

/** The steps staff may take on one commitment: a plain form, the step in `intent`, the version seen. */
export function CommitmentStepForm(props: { commitmentId: string; version: number; intents: readonly string[] }) {
  const { t } = useTranslation();
  const id = useId();
  if (props.intents.length === 0) return <span className="text-sm text-stone-700">–</span>;
  const needsReason = props.intents.includes("cancel");
  return (
    <Form method="post" className="space-y-2" data-testid={`commitment-form-${props.commitmentId}`}>
      <input type="hidden" name="commitmentId" value={props.commitmentId} />
      <input type="hidden" name="version" value={props.version} />
      {needsReason && (
        <div>
          <label htmlFor={`${id}-reason`} className="block text-xs font-medium text-stone-800">{t("pledgeDesk.reason")}</label>
          <input id={`${id}-reason`} name="reason" maxLength={PLEDGE_LIMITS.reasonMax} className={`${inputClass} py-1 text-sm`} />
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        {props.intents.map((intent) => (
          <button key={intent} type="submit" name="intent" value={intent}
            className={intent === "confirm" || intent === "deliver" || intent === "receive" ? `${buttonClass} px-3 py-1.5 text-sm` : SECONDARY}>
            {t(`pledgeDesk.intent.${intent}`)}
          </button>
        ))}
      </div>
    </Form>
  );
}
