// Pieces every money form shares (contributions, grants, advances, disbursements, surplus transfers).
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field, inputClass } from "~/components/ui/field.tsx";

/** As FUND_TEXT_LIMITS.purposeMax on the server. */
const PURPOSE_MAX = 200;

/**
 * A money form keyed for one posting: the page's one-time `requestKey` makes a double click or a
 * resubmitted page record the money once; `intent` tells a page's forms apart.
 */
export function KeyedMoneyForm(props: { testId: string; requestKey: string; intent?: string; children: ReactNode }) {
  return (
    <Form method="post" className="space-y-3" data-testid={props.testId}>
      {props.intent && <input type="hidden" name="intent" value={props.intent} />}
      <input type="hidden" name="requestKey" value={props.requestKey} />
      {props.children}
    </Form>
  );
}

/** The `amount` field: 元 as typed (the server turns it into 分). */
export function YuanAmountField(props: { label: string; defaultValue?: string; errors?: string[] }) {
  return (
    <Field label={props.label} name="amount" errors={props.errors}>
      {(control) => <input {...control} inputMode="decimal" required defaultValue={props.defaultValue} className={inputClass} />}
    </Field>
  );
}

/** The `purpose` field: what the money is for (required). */
export function PurposeField(props: { label: string; hint?: string; defaultValue?: string; errors?: string[] }) {
  return (
    <Field label={props.label} name="purpose" hint={props.hint} errors={props.errors}>
      {(control) => <input {...control} required maxLength={PURPOSE_MAX} defaultValue={props.defaultValue} className={inputClass} />}
    </Field>
  );
}
