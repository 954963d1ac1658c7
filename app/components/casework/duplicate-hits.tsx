import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Money } from "~/components/ui/money.tsx";
import { formatDate } from "~/utils/dates.ts";

export type DuplicateHitsView = {
  fromDate: string;
  cases: { caseNo: string; status: string; receivedAt: Date | string; officeName: string; regionName: string; isInScope: boolean }[];
  records: { id: string; programme: string; startedOn: string; endedOn: string | null; amountFen: number | null; regionName: string; caseNo: string | null; isCaseInScope: boolean }[];
};

/**
 * 查重: each other case and each recent assistance record of the same person, shown before the user
 * completes verification. A case outside the viewer's scope is not linked; its office is named
 * instead, so the viewer knows whom to call.
 */
export function DuplicateHits({ hits, hasIdNumber, locale }: { hits: DuplicateHitsView; hasIdNumber: boolean; locale: string }) {
  const { t } = useTranslation();
  const count = hits.cases.length + hits.records.length;
  return (
    <section aria-labelledby="duplicates-title" data-testid="duplicate-check"
      className={`rounded-lg border p-4 ${count > 0 ? "border-amber-400 bg-amber-50" : "border-stone-200 bg-white"}`}>
      <h2 id="duplicates-title" className="font-semibold">{t("casework.duplicates.title")}</h2>
      {!hasIdNumber ? <p className="mt-1 text-sm text-stone-700">{t("casework.duplicates.noIdNumber")}</p> : (
        <>
          <p className="mt-1 text-sm text-stone-700">{t("casework.duplicates.intro", { from: hits.fromDate })}</p>
          {count === 0 ? <p className="mt-2 text-sm">{t("casework.duplicates.none")}</p> : (
            <p role="status" className="mt-2 font-medium text-amber-900">{t("casework.duplicates.found", { count })}</p>
          )}
          {hits.cases.length > 0 && (
            <table className="mt-3 min-w-full text-sm" data-testid="duplicate-cases">
              <caption className="text-left font-medium">{t("casework.duplicates.casesTitle")}</caption>
              <thead className="text-left"><tr>
                <th scope="col" className="py-1 pr-3">{t("casework.duplicates.caseNo")}</th>
                <th scope="col" className="py-1 pr-3">{t("casework.duplicates.status")}</th>
                <th scope="col" className="py-1 pr-3">{t("casework.duplicates.receivedAt")}</th>
                <th scope="col" className="py-1">{t("casework.duplicates.office")}</th>
              </tr></thead>
              <tbody>
                {hits.cases.map((hit) => (
                  <tr key={hit.caseNo} className="border-t border-amber-200">
                    <td className="py-1 pr-3 font-mono">
                      {hit.isInScope ? <Link to={`/staff/cases/${hit.caseNo}`} className="text-brand-800 underline">{hit.caseNo}</Link> : hit.caseNo}
                    </td>
                    <td className="py-1 pr-3">{t(`case.status.${hit.status}`)}</td>
                    <td className="py-1 pr-3 whitespace-nowrap">{formatDate(hit.receivedAt, locale)}</td>
                    <td className="py-1">
                      {hit.officeName} <span className="text-stone-600">({hit.regionName})</span>
                      {!hit.isInScope && <span className="block text-xs text-stone-700">{t("casework.duplicates.outOfScope")}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {hits.records.length > 0 && (
            <table className="mt-3 min-w-full text-sm" data-testid="duplicate-records">
              <caption className="text-left font-medium">{t("casework.duplicates.recordsTitle")}</caption>
              <thead className="text-left"><tr>
                <th scope="col" className="py-1 pr-3">{t("casework.duplicates.programme")}</th>
                <th scope="col" className="py-1 pr-3">{t("casework.duplicates.period")}</th>
                <th scope="col" className="py-1 pr-3">{t("casework.duplicates.amount")}</th>
                <th scope="col" className="py-1">{t("casework.duplicates.region")}</th>
              </tr></thead>
              <tbody>
                {hits.records.map((hit) => (
                  <tr key={hit.id} className="border-t border-amber-200">
                    <td className="py-1 pr-3">{t(`casework.programme.${hit.programme}`)}</td>
                    <td className="py-1 pr-3 whitespace-nowrap">{hit.startedOn} – {hit.endedOn ?? t("casework.duplicates.ongoing")}</td>
                    <td className="py-1 pr-3">{hit.amountFen === null ? "–" : <Money fen={hit.amountFen} />}</td>
                    <td className="py-1">
                      {hit.regionName}
                      {hit.caseNo && (
                        <span className="block font-mono text-xs">
                          {hit.isCaseInScope ? <Link to={`/staff/cases/${hit.caseNo}`} className="text-brand-800 underline">{hit.caseNo}</Link> : hit.caseNo}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
