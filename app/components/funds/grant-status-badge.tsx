import { useTranslation } from "react-i18next";

const STYLE: Record<string, string> = {
  REQUESTED: "bg-amber-100 text-amber-900",
  APPROVED: "bg-sky-100 text-sky-900",
  REJECTED: "bg-stone-200 text-stone-800",
  POSTED: "bg-emerald-100 text-emerald-900",
};

export function GrantStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLE[status] ?? ""}`}>{t(`casework.advance.grantStatus.${status}`)}</span>;
}
