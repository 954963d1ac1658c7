import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ResourceStatusName } from "~/domain/resources/resource-status.ts";
import { ResourceStatusBadge } from "./resource-status-badge.tsx";

export type ResourceColumn<T> = { header: string; cell: (row: T) => ReactNode; className?: string };

/**
 * An owner's list of their resources (projects, supply offers, volunteer offers): the name links
 * to the resource's page, then the status badge, then the resource's own columns.
 */
export function OwnedResourceTable<T extends { id: string; status: ResourceStatusName }>(props: {
  rows: T[];
  empty: string;
  name: { header: string; text: (row: T) => string; to: (row: T) => string };
  statusHeader: string;
  /** Columns between the name and the status (a volunteer offer's skills). */
  before?: ResourceColumn<T>[];
  columns: ResourceColumn<T>[];
}) {
  if (props.rows.length === 0) return <p className="text-stone-700">{props.empty}</p>;
  const columns: ResourceColumn<T>[] = [
    { header: props.name.header, cell: (row) => <Link to={props.name.to(row)} className="text-brand-800 underline">{props.name.text(row)}</Link> },
    ...(props.before ?? []),
    { header: props.statusHeader, cell: (row) => <ResourceStatusBadge status={row.status} /> },
    ...props.columns,
  ];
  return (
    <div className="overflow-x-auto rounded border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-stone-50">
          <tr>
            {columns.map((c, i) => <th key={i} scope="col" className="px-3 py-2">{c.header}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {props.rows.map((row) => (
            <tr key={row.id}>
              {columns.map((c, i) => <td key={i} className={c.className ? `px-3 py-2 ${c.className}` : "px-3 py-2"}>{c.cell(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
