import type { TFunction } from "i18next";

// Skills, item categories and condition tags are open string lists in the schema, so a value
// without a translation is shown as it is rather than as a missing key.
export function serviceLabel(t: TFunction, value: string): string {
  return t(`resourceTypes.service.${value}`, { defaultValue: value });
}

export function itemCategoryLabel(t: TFunction, value: string): string {
  return t(`resourceTypes.item.${value}`, { defaultValue: value });
}

export function conditionLabel(t: TFunction, value: string): string {
  return t(`resourceTypes.condition.${value}`, { defaultValue: value });
}
