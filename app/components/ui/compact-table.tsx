import type { ReactNode } from "react";

export type CompactColumn<T> = { header: string; cell: (row: T) => ReactNode; className?: string };

/**
 * A small table inside a card (a fund's contributions and grants, a case's grants, disbursements
 * and advances): plain headers, a thin line between rows.
 */
export function CompactTable<T extends { id: string }>(props: { testId: string; rows: T[]; columns: CompactColumn<T>[]; spacing?: "mt-2" | "mt-4"; alignTop?: boolean }) {
  const last = props.columns.length - 1;
  const pad = (i: number, extra?: string) => [i === last ? "py-1" : "py-1 pr-3", extra].filter(Boolean).join(" ");
  return (
    <table className={`${props.spacing ?? "mt-2"} min-w-full text-sm`} data-testid={props.testId}>
      <thead className="text-left"><tr>
        {props.columns.map((c, i) => <th key={i} scope="col" className={pad(i)}>{c.header}</th>)}
      </tr></thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id} className={props.alignTop ? "border-t border-stone-100 align-top" : "border-t border-stone-100"}>
            {props.columns.map((c, i) => <td key={i} className={pad(i, c.className)}>{c.cell(row)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
