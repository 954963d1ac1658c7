import { useTranslation } from "react-i18next";
import type { ComplaintStatusName } from "~/domain/complaint-status.ts";
import type { OrganizationStatusName } from "~/domain/organization-status.ts";

const COMPLAINT_STYLE: Record<ComplaintStatusName, string> = {
  RECEIVED: "bg-amber-100 text-amber-900",
  HANDLING: "bg-sky-100 text-sky-900",
  RESOLVED: "bg-emerald-100 text-emerald-900",
  DISMISSED: "bg-stone-200 text-stone-800",
};

export function ComplaintStatusBadge({ status }: { status: ComplaintStatusName }) {
  const { t } = useTranslation();
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${COMPLAINT_STYLE[status]}`}>{t(`complaints.status.${status}`)}</span>;
}

const ORGANIZATION_STYLE: Record<OrganizationStatusName, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  VETTED: "bg-emerald-100 text-emerald-900",
  REJECTED: "bg-stone-200 text-stone-800",
  SUSPENDED: "bg-brand-50 text-brand-800",
};

export function OrganizationStatusBadge({ status }: { status: OrganizationStatusName }) {
  const { t } = useTranslation();
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${ORGANIZATION_STYLE[status]}`}>{t(`org.status.${status}`)}</span>;
}
