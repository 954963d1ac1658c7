import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="border-t border-stone-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-2 px-4 py-4 text-sm text-stone-700">
        <p>{t("app.tagline")}</p>
        <p>{t("footer.privacy")}</p>
        <p className="flex gap-3">
          <span>{t("footer.hotline")}</span>
          <Link to="/complaints/new" className="underline">{t("nav.complaint")}</Link>
        </p>
      </div>
    </footer>
  );
}
