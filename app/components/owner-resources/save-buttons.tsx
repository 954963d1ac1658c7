import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/field.tsx";

const SECONDARY = "rounded border border-stone-400 px-4 py-2 hover:bg-stone-100";

/** New resources: publish at once or keep as a draft (the `saveAs` field is the button pressed). */
export function CreateButtons() {
  const { t } = useTranslation();
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="saveAs" value="ACTIVE" className={buttonClass}>{t("ownerResources.saveAsActive")}</button>
        <button type="submit" name="saveAs" value="DRAFT" className={SECONDARY}>{t("ownerResources.saveAsDraft")}</button>
      </div>
      <p className="text-xs text-stone-600">{t("ownerResources.saveAsHint")}</p>
    </div>
  );
}

/** Existing resources: save the details (the status has its own buttons). */
export function SaveButton() {
  const { t } = useTranslation();
  return <button type="submit" name="intent" value="save" className={buttonClass}>{t("ownerResources.save")}</button>;
}
