import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { NeedLineProgress } from "~/components/needs/need-line-progress.tsx";
import { maskIdNumber } from "~/domain/id-number.ts";
import { getCaseForStaff, getCaseRegion } from "~/modules/cases/get-case-for-staff.server.ts";
import { requireStaffFor } from "~/utils/auth.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await getCaseRegion(params.caseNo ?? "");
  if (!found) throw data({ status: 404 }, { status: 404 });
  const user = await requireStaffFor(request, found.regionCode);
  const [t, locale, record] = await Promise.all([getT(request), getLocale(request), getCaseForStaff(found.id, user.id)]);
  const beneficiary = record.beneficiary && {
    ...record.beneficiary,
    // Shown masked (DESIGN §4); the full number is only used by the duplicate check.
    idNumber: record.beneficiary.idNumber && maskIdNumber(record.beneficiary.idNumber),
  };
  return { meta: { title: t("staff.caseTitle", { caseNo: record.caseNo }) }, record: { ...record, beneficiary }, locale };
}

export default function StaffCasePage() {
  const { record, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const b = record.beneficiary;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("staff.caseTitle", { caseNo: record.caseNo })}</h1>
        <p className="text-stone-700">
          {t(`case.status.${record.status}`)} · {t(`case.category.${record.category}`)} · {t(`case.urgency.${record.urgency}`)} ·{" "}
          {t(`case.source.${record.source}`)} · {record.region.fullName}
        </p>
        <p className="text-sm text-stone-600">{t("staff.owner")}: {record.ownerOffice.name} · {formatDateTime(record.receivedAt, locale)}</p>
      </header>
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="private-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="private-title" className="font-semibold">{t("staff.privateData")}</h2>
          {b && (
            <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
              <dt>{t("staff.name")}</dt><dd>{b.name}</dd>
              <dt>{t("staff.idNumber")}</dt><dd className="font-mono">{b.idNumber ?? "–"}</dd>
              <dt>{t("staff.phone")}</dt><dd>{b.phone ?? "–"}</dd>
              <dt>{t("staff.address")}</dt><dd>{b.address ?? "–"}</dd>
              <dt>{t("staff.householdSize")}</dt><dd>{b.householdSize}</dd>
            </dl>
          )}
          <h3 className="mt-4 font-semibold">{t("staff.intakeNote")}</h3>
          <p className="whitespace-pre-line text-sm">{record.intakeNote}</p>
        </section>
        <section aria-labelledby="public-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="public-title" className="font-semibold">{t("staff.publicFace")}</h2>
          <p className="mt-2 font-medium">{record.publicTitle ?? "–"}</p>
          <p className="text-sm text-stone-700">{record.alias}</p>
          <p className="mt-2 whitespace-pre-line text-sm">{record.publicStory}</p>
          <div className="mt-4 space-y-2">
            {record.needs.map((line) => <NeedLineProgress key={line.id} line={line} />)}
          </div>
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
