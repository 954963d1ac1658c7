import { useTranslation } from "react-i18next";
import { Field, TextField, inputClass } from "~/components/ui/field.tsx";
import { OWNER_RESOURCE_LIMITS as L } from "~/domain/resources/owner-resource-rules.ts";
import { SERVICE_TYPES } from "~/modules/publication/publish-case-schema.ts";
import { isoDateOf } from "~/utils/dates.ts";
import type { FieldErrors } from "~/utils/validation.ts";
import { CheckboxGroup, selectedOf } from "./checkbox-group.tsx";
import { RegionCheckboxes, type RegionChoiceGroup } from "./region-checkboxes.tsx";

type VolunteerOfferRow = {
  title: string;
  description: string;
  skills: string[];
  regionCodes: string[];
  availability: string;
  hoursOffered: number;
  availableUntil: string | Date | null;
};

export function volunteerOfferValues(o: VolunteerOfferRow): Record<string, string> {
  return {
    title: o.title,
    description: o.description,
    skills: o.skills.join(","),
    regionCodes: o.regionCodes.join(","),
    availability: o.availability,
    hoursOffered: String(o.hoursOffered),
    availableUntil: o.availableUntil ? isoDateOf(new Date(o.availableUntil)) : "",
  };
}

export function VolunteerOfferFields({ values, errors, regions, hoursReserved }: { values: Record<string, string>; errors: FieldErrors; regions: RegionChoiceGroup[]; hoursReserved?: number }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <TextField label={t("myVolunteerOffers.offerTitle")} name="title" required hint={t("myVolunteerOffers.titleHint")} defaultValue={values.title} errors={errors.title} />
      <Field label={t("myVolunteerOffers.description")} name="description" hint={t("myVolunteerOffers.descriptionHint", { max: L.descriptionMax })} errors={errors.description}>
        {(control) => <textarea {...control} rows={5} required maxLength={L.descriptionMax} defaultValue={values.description} className={inputClass} />}
      </Field>
      <CheckboxGroup legend={t("myVolunteerOffers.skills")} name="skills" selected={selectedOf(values, "skills")} errors={errors.skills}
        options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`resourceTypes.service.${s}`) }))} />
      <RegionCheckboxes groups={regions} selected={selectedOf(values, "regionCodes")} errors={errors.regionCodes} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("myVolunteerOffers.availability")} name="availability" required hint={t("myVolunteerOffers.availabilityHint")} defaultValue={values.availability} errors={errors.availability} />
        <TextField label={t("myVolunteerOffers.hoursOffered")} name="hoursOffered" type="number" required defaultValue={values.hoursOffered} errors={errors.hoursOffered}
          hint={hoursReserved ? t("myVolunteerOffers.reservedHint", { reserved: hoursReserved }) : undefined} />
        <TextField label={t("myVolunteerOffers.availableUntil")} name="availableUntil" type="date" hint={t("myVolunteerOffers.availableUntilHint")} defaultValue={values.availableUntil} errors={errors.availableUntil} />
      </div>
    </div>
  );
}
