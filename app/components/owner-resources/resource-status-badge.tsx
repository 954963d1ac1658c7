import { useTranslation } from "react-i18next";
import type { ResourceStatusName } from "~/domain/resources/resource-status.ts";

const STYLE: Record<ResourceStatusName, string> = {
  DRAFT: "bg-stone-200 text-stone-800",
  ACTIVE: "bg-emerald-100 text-emerald-900",
  PAUSED: "bg-amber-100 text-amber-900",
  CLOSED: "bg-stone-200 text-stone-800",
};

export function ResourceStatusBadge({ status }: { status: ResourceStatusName }) {
  const { t } = useTranslation();
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLE[status]}`}>{t(`resourceStatus.${status}`)}</span>;
}
