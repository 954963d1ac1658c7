import { useTranslation } from "react-i18next";
import { Field, TextField, inputClass } from "~/components/ui/field.tsx";
import { CASE_CATEGORIES } from "~/domain/case-status.ts";
import { fen, formatFen } from "~/domain/money.ts";
import { OWNER_RESOURCE_LIMITS as L, PROJECT_CONDITION_TAGS, fenToYuanInput } from "~/domain/resources/owner-resource-rules.ts";
import { isoDateOf } from "~/utils/dates.ts";
import type { FieldErrors } from "~/utils/validation.ts";
import { CheckboxGroup, selectedOf } from "./checkbox-group.tsx";
import { RegionCheckboxes, type RegionChoiceGroup } from "./region-checkboxes.tsx";

type ProjectRow = {
  title: string;
  summary: string;
  description: string;
  categories: string[];
  regionCodes: string[];
  minAge: number | null;
  maxAge: number | null;
  conditionTags: string[];
  perCaseCapFen: number;
  budgetFen: number;
  startsOn: string | Date | null;
  endsOn: string | Date | null;
};

const dateText = (d: string | Date | null) => (d ? isoDateOf(new Date(d)) : "");

/** A stored project as the form's values (amounts in 元, lists joined as checkbox groups are). */
export function projectValues(p: ProjectRow): Record<string, string> {
  return {
    title: p.title,
    summary: p.summary,
    description: p.description,
    categories: p.categories.join(","),
    regionCodes: p.regionCodes.join(","),
    minAge: p.minAge?.toString() ?? "",
    maxAge: p.maxAge?.toString() ?? "",
    conditionTags: p.conditionTags.join(","),
    perCaseCap: fenToYuanInput(p.perCaseCapFen),
    budget: fenToYuanInput(p.budgetFen),
    startsOn: dateText(p.startsOn),
    endsOn: dateText(p.endsOn),
  };
}

export function ProjectFields({ values, errors, regions, reservedFen }: { values: Record<string, string>; errors: FieldErrors; regions: RegionChoiceGroup[]; reservedFen?: number }) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("ownedProject.aboutSection")}</legend>
        <TextField label={t("ownedProject.title")} name="title" required defaultValue={values.title} errors={errors.title} />
        <Field label={t("ownedProject.summary")} name="summary" hint={t("ownedProject.summaryHint", { max: L.summaryMax })} errors={errors.summary}>
          {(control) => <textarea {...control} rows={2} required maxLength={L.summaryMax} defaultValue={values.summary} className={inputClass} />}
        </Field>
        <Field label={t("ownedProject.description")} name="description" hint={t("ownedProject.descriptionHint", { max: L.descriptionMax })} errors={errors.description}>
          {(control) => <textarea {...control} rows={8} required maxLength={L.descriptionMax} defaultValue={values.description} className={inputClass} />}
        </Field>
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("ownedProject.scopeSection")}</legend>
        <CheckboxGroup legend={t("ownedProject.categories")} name="categories" selected={selectedOf(values, "categories")} errors={errors.categories}
          options={CASE_CATEGORIES.map((c) => ({ value: c, label: t(`case.category.${c}`) }))} />
        <RegionCheckboxes groups={regions} selected={selectedOf(values, "regionCodes")} errors={errors.regionCodes} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("ownedProject.minAge")} name="minAge" type="number" hint={t("ownedProject.ageHint")} defaultValue={values.minAge} errors={errors.minAge} />
          <TextField label={t("ownedProject.maxAge")} name="maxAge" type="number" defaultValue={values.maxAge} errors={errors.maxAge} />
        </div>
        <CheckboxGroup legend={t("ownedProject.conditionTags")} name="conditionTags" hint={t("ownedProject.conditionTagsHint")} selected={selectedOf(values, "conditionTags")}
          errors={errors.conditionTags} options={PROJECT_CONDITION_TAGS.map((c) => ({ value: c, label: t(`resourceTypes.condition.${c}`) }))} />
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("ownedProject.moneySection")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("ownedProject.perCaseCap")} name="perCaseCap" required hint={t("ownedProject.budgetHint")} defaultValue={values.perCaseCap} errors={errors.perCaseCap} />
          <TextField label={t("ownedProject.budget")} name="budget" required defaultValue={values.budget} errors={errors.budget}
            hint={reservedFen ? t("ownedProject.reservedHint", { reserved: formatFen(fen(reservedFen)) }) : undefined} />
          <TextField label={t("ownedProject.startsOn")} name="startsOn" type="date" defaultValue={values.startsOn} errors={errors.startsOn} />
          <TextField label={t("ownedProject.endsOn")} name="endsOn" type="date" hint={t("ownedProject.periodHint")} defaultValue={values.endsOn} errors={errors.endsOn} />
        </div>
      </fieldset>
    </>
  );
}
