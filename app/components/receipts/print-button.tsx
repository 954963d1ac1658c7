import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * window.print() as an enhancement: the button appears only once JavaScript runs, so a page without
 * it never shows a button that does nothing (the browser's own Print command works either way).
 */
export function PrintButton() {
  const { t } = useTranslation();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  if (!canPrint) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2 print:hidden"
    >
      {t("receiptPage.print")}
    </button>
  );
}
