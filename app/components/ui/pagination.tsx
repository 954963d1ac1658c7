import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Previous/next links that keep the other query parameters, for any `?page=` list. */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const [params] = useSearchParams();
  const { t } = useTranslation();
  if (pages <= 1) return null;
  const href = (target: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(target));
    return `?${next.toString()}`;
  };
  const label = t("common.page", { page, pages });
  return (
    <nav aria-label={label} className="flex items-center gap-4">
      {page > 1 && <Link to={href(page - 1)} rel="prev" className="text-brand-800 underline">{t("common.previous")}</Link>}
      <span className="text-stone-700">{label}</span>
      {page < pages && <Link to={href(page + 1)} rel="next" className="text-brand-800 underline">{t("common.next")}</Link>}
    </nav>
  );
}
