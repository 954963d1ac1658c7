import { useTranslation } from "react-i18next";
import { Field, TextField, inputClass } from "~/components/ui/field.tsx";
import { OWNER_RESOURCE_LIMITS as L } from "~/domain/resources/owner-resource-rules.ts";
import { ITEM_CATEGORIES } from "~/modules/publication/publish-case-schema.ts";
import { isoDateOf } from "~/utils/dates.ts";
import type { FieldErrors } from "~/utils/validation.ts";
import { selectedOf } from "./checkbox-group.tsx";
import { RegionCheckboxes, type RegionChoiceGroup } from "./region-checkboxes.tsx";

type SupplyOfferRow = {
  itemName: string;
  itemCategory: string;
  unit: string;
  quantity: number;
  regionCodes: string[];
  description: string;
  expiresOn: string | Date | null;
};

export function supplyOfferValues(o: SupplyOfferRow): Record<string, string> {
  return {
    itemName: o.itemName,
    itemCategory: o.itemCategory,
    unit: o.unit,
    quantity: String(o.quantity),
    regionCodes: o.regionCodes.join(","),
    description: o.description,
    expiresOn: o.expiresOn ? isoDateOf(new Date(o.expiresOn)) : "",
  };
}

export function SupplyOfferFields({ values, errors, regions, reserved }: { values: Record<string, string>; errors: FieldErrors; regions: RegionChoiceGroup[]; reserved?: { quantity: number; unit: string } }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <TextField label={t("ownedSupply.itemName")} name="itemName" required hint={t("ownedSupply.itemNameHint")} defaultValue={values.itemName} errors={errors.itemName} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("ownedSupply.itemCategory")} name="itemCategory" errors={errors.itemCategory}>
          {(control) => (
            <select {...control} defaultValue={values.itemCategory ?? ""} required className={inputClass}>
              <option value="">{t("orgSignup.choose")}</option>
              {ITEM_CATEGORIES.map((c) => <option key={c} value={c}>{t(`resourceTypes.item.${c}`)}</option>)}
            </select>
          )}
        </Field>
        <TextField label={t("ownedSupply.quantity")} name="quantity" type="number" required defaultValue={values.quantity} errors={errors.quantity}
          hint={reserved?.quantity ? t("ownedSupply.reservedHint", { reserved: reserved.quantity, unit: reserved.unit }) : undefined} />
        <TextField label={t("ownedSupply.unit")} name="unit" required hint={t("ownedSupply.unitHint")} defaultValue={values.unit} errors={errors.unit} />
      </div>
      <RegionCheckboxes groups={regions} selected={selectedOf(values, "regionCodes")} errors={errors.regionCodes} />
      <Field label={t("ownedSupply.description")} name="description" hint={t("ownedSupply.descriptionHint", { max: L.descriptionMax })} errors={errors.description}>
        {(control) => <textarea {...control} rows={4} required maxLength={L.descriptionMax} defaultValue={values.description} className={inputClass} />}
      </Field>
      <TextField label={t("ownedSupply.expiresOn")} name="expiresOn" type="date" hint={t("ownedSupply.expiresOnHint")} defaultValue={values.expiresOn} errors={errors.expiresOn} />
    </div>
  );
}
