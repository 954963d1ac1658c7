import { useId } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrorList } from "./checkbox-group.tsx";

export type RegionChoiceGroup = {
  city: { code: string; name: string; fullName: string };
  counties: { code: string; name: string; fullName: string }[];
};

/** Areas a resource serves: a whole city or some of its counties (a code covers its subtree). */
export function RegionCheckboxes({ groups, selected, errors, name = "regionCodes" }: { groups: RegionChoiceGroup[]; selected: string[]; errors?: string[]; name?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const hasErrors = !!errors?.length;
  return (
    <fieldset aria-describedby={`${id}-hint${hasErrors ? ` ${id}-error` : ""}`} aria-invalid={hasErrors || undefined}>
      <legend className="text-sm font-medium text-stone-800">{t("ownerResources.regions")}</legend>
      <p id={`${id}-hint`} className="text-xs text-stone-600">{t("ownerResources.regionsHint")}</p>
      <div className="mt-2 space-y-3">
        {groups.map((group) => (
          <fieldset key={group.city.code} className="rounded border border-stone-200 p-2">
            <legend className="px-1 text-sm font-medium text-stone-800">{group.city.fullName}</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-1">
              <label className="inline-flex items-center gap-2 font-medium">
                <input type="checkbox" name={name} value={group.city.code} defaultChecked={selected.includes(group.city.code)} />
                {t("ownerResources.wholeCity", { name: group.city.name })}
              </label>
              {group.counties.map((county) => (
                <label key={county.code} className="inline-flex items-center gap-2">
                  <input type="checkbox" name={name} value={county.code} defaultChecked={selected.includes(county.code)} />
                  {county.name}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <FieldErrorList id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
