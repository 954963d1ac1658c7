import { useTranslation } from "react-i18next";

const STYLE = {
  CRITICAL: "bg-brand-700 text-white",
  HIGH: "bg-amber-100 text-amber-900",
  NORMAL: "bg-stone-100 text-stone-800",
} as const;

export function UrgencyBadge({ urgency }: { urgency: keyof typeof STYLE }) {
  const { t } = useTranslation();
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLE[urgency]}`}>{t(`case.urgency.${urgency}`)}</span>;
}
