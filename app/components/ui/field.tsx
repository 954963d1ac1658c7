import { useId } from "react";
import { useTranslation } from "react-i18next";
import { tError } from "~/utils/validation.ts";

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby": string | undefined }) => React.ReactNode;
};

/** A labelled control with its server-side messages announced to screen readers. */
export function Field({ label, name, errors, hint, children }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hasErrors = !!errors?.length;
  const describedBy = [hint && `${id}-hint`, hasErrors && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">{label}</label>
      {children({ id, name, "aria-invalid": hasErrors, "aria-describedby": describedBy })}
      {hint && <p id={`${id}-hint`} className="text-xs text-stone-600">{hint}</p>}
      {hasErrors && (
        <ul id={`${id}-error`} className="text-sm text-brand-700">
          {errors.map((e) => <li key={e}>{tError(t, e)}</li>)}
        </ul>
      )}
    </div>
  );
}

export const inputClass =
  "block w-full rounded border border-stone-500 bg-white px-3 py-2 text-stone-900 focus:border-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:border-brand-700";

export function TextField(props: { label: string; name: string; type?: string; defaultValue?: string; errors?: string[]; autoComplete?: string; required?: boolean; hint?: string }) {
  const { type = "text", defaultValue, autoComplete, required, ...field } = props;
  return (
    <Field {...field}>
      {(control) => <input {...control} type={type} defaultValue={defaultValue} autoComplete={autoComplete} required={required} className={inputClass} />}
    </Field>
  );
}

export function FormAlert({ message }: { message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return <p role="alert" className="rounded border border-brand-600 bg-brand-50 px-3 py-2 text-sm text-brand-800">{tError(t, message)}</p>;
}

export const buttonClass = "inline-flex items-center justify-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2";
