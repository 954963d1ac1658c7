import { inputClass } from "./field.tsx";

/** A labelled <select> for GET filter forms, with an "all" choice that sends an empty value. */
export function FilterSelect(props: { name: string; label: string; value: string | undefined; allLabel: string; options: [string, string][] }) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium">{props.label}</span>
      <select name={props.name} defaultValue={props.value ?? ""} className={inputClass}>
        <option value="">{props.allLabel}</option>
        {props.options.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
    </label>
  );
}
