import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/field.tsx";

/** window.print() once JavaScript runs (without it the browser's own Print command does the same). */
export function PrintPlanButton() {
  const { t } = useTranslation();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  if (!canPrint) return null;
  return <button type="button" onClick={() => window.print()} className={`${buttonClass} print:hidden`}>{t("planDesk.print.print")}</button>;
}
