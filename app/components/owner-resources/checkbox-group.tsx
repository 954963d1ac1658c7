import { useId } from "react";
import { useTranslation } from "react-i18next";
import { tError } from "~/utils/validation.ts";

/** The ticked values of a checkbox group as the form values keep them ("A,B"). */
export function selectedOf(values: Record<string, string>, name: string): string[] {
  return (values[name] ?? "").split(",").filter(Boolean);
}

/** A labelled group of checkboxes with its server-side messages, announced to screen readers. */
export function CheckboxGroup(props: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  selected: string[];
  errors?: string[];
  hint?: string;
}) {
  const id = useId();
  const hasErrors = !!props.errors?.length;
  const describedBy = [props.hint && `${id}-hint`, hasErrors && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={hasErrors || undefined}>
      <legend className="text-sm font-medium text-stone-800">{props.legend}</legend>
      {props.hint && <p id={`${id}-hint`} className="text-xs text-stone-600">{props.hint}</p>}
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {props.options.map((option) => (
          <label key={option.value} className="inline-flex items-center gap-2">
            <input type="checkbox" name={props.name} value={option.value} defaultChecked={props.selected.includes(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
      <FieldErrorList id={`${id}-error`} errors={props.errors} />
    </fieldset>
  );
}

export function FieldErrorList({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 text-sm text-brand-700">
      {errors.map((e) => <li key={e}>{tError(t, e)}</li>)}
    </ul>
  );
}
