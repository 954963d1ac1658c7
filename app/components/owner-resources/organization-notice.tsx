import { useTranslation } from "react-i18next";
import type { OrganizationStatusName } from "~/domain/organization-status.ts";

/** Why a member of an unvetted organisation cannot create or change anything yet. */
export function OrganizationNotice({ status, reason }: { status: OrganizationStatusName; reason: string | null }) {
  const { t } = useTranslation();
  if (status === "VETTED") return null;
  return (
    <div role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-stone-900">
      <p>{t(`orgDesk.notice.${status}`)}</p>
      {reason && status !== "PENDING" && <p className="mt-1">{t("orgDesk.reason", { reason })}</p>}
    </div>
  );
}
