import { useTranslation } from "react-i18next";
import { Field, inputClass } from "~/components/ui/field.tsx";
import { PLEDGE_LIMITS } from "~/domain/pledges/pledge-rules.ts";

/** Who gives and how to reach them: a name or "anonymous", and a private e-mail or phone. */
export function GiverFields(props: { values: Record<string, string>; errors: Record<string, string[]>; defaultContact?: string; nameHint?: string }) {
  const { t } = useTranslation();
  const { values, errors } = props;
  return (
    <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold">{t("pledging.giverTitle")}</legend>
      <Field label={t("pledging.name")} name="name" hint={props.nameHint ?? t("pledging.nameHint")} errors={errors.name}>
        {(control) => <input {...control} autoComplete="name" maxLength={PLEDGE_LIMITS.nameMax} defaultValue={values.name} className={inputClass} />}
      </Field>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="anonymous" defaultChecked={values.anonymous === "on"} />
        {t("pledging.anonymous")}
      </label>
      <Field label={t("pledging.contact")} name="contact" hint={t("pledging.contactHint")} errors={errors.contact}>
        {(control) => <input {...control} required maxLength={PLEDGE_LIMITS.contactMax} autoComplete="email" defaultValue={values.contact ?? props.defaultContact} className={inputClass} />}
      </Field>
    </fieldset>
  );
}
