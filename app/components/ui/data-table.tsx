import type { ReactNode } from "react";

export type DataColumn<T> = {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
  /** data-testid of this column's cells. */
  cellTestId?: string;
};

/**
 * A page's main table in a white card that scrolls sideways on a narrow screen (the staff queues:
 * complaints, organisations to vet, funds, a case's pledges): shaded headers, a thin line between
 * rows. `rowTestId` names each row for the browser tests.
 */
export function DataTable<T>(props: {
  rows: T[];
  columns: DataColumn<T>[];
  rowKey: (row: T) => string;
  testId?: string;
  rowTestId?: (row: T) => string;
  alignTop?: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-sm" data-testid={props.testId}>
        <thead className="bg-stone-100 text-left">
          <tr>
            {props.columns.map((c, i) => (
              <th key={i} scope="col" className="px-3 py-2 font-semibold">{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} className={props.alignTop ? "border-t border-stone-100 align-top" : "border-t border-stone-100"} data-testid={props.rowTestId?.(row)}>
              {props.columns.map((c, i) => (
                <td key={i} className={c.className ? `px-3 py-2 ${c.className}` : "px-3 py-2"} data-testid={c.cellTestId}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
