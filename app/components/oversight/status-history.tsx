import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/dates.ts";

export type HistoryRow = { id: string; at: string | Date; actor: string | null; action: string; change: string | null; note?: string | null };

/** A record's audit trail as a table (complaint handling, vetting decisions), oldest first. */
export function StatusHistory(props: {
  title: string;
  emptyText: string;
  locale: string;
  rows: HistoryRow[];
  labels: { when: string; actor: string; action: string; change: string; note?: string };
  fallbackActor: string;
}) {
  const { t } = useTranslation();
  const headingId = `${props.title}-history`.replace(/\s+/g, "-");
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id={headingId} className="font-semibold">{props.title}</h2>
      {props.rows.length === 0 ? <p className="mt-2 text-sm text-stone-700">{props.emptyText}</p> : (
        <div className="overflow-x-auto">
          <table className="mt-2 min-w-full text-sm">
            <thead className="text-left"><tr>
              <th scope="col" className="py-1 pr-3">{props.labels.when}</th>
              <th scope="col" className="py-1 pr-3">{props.labels.actor}</th>
              <th scope="col" className="py-1 pr-3">{props.labels.action}</th>
              <th scope="col" className="py-1 pr-3">{props.labels.change}</th>
              {props.labels.note && <th scope="col" className="py-1">{props.labels.note}</th>}
            </tr></thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={row.id} className="border-t border-stone-100 align-top">
                  <td className="py-1 pr-3 whitespace-nowrap">{formatDateTime(row.at, props.locale)}</td>
                  <td className="py-1 pr-3">{row.actor ?? props.fallbackActor}</td>
                  <td className="py-1 pr-3">{row.action}</td>
                  <td className="py-1 pr-3">{row.change ?? ""}</td>
                  {props.labels.note && <td className="py-1 whitespace-pre-line">{row.note ?? t("common.none")}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
