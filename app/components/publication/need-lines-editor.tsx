import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/ui/field.tsx";
import {
  BLANK_LINE_ROWS,
  ITEM_CATEGORIES,
  LINE_FIELDS,
  NEED_KINDS,
  SERVICE_TYPES,
  lineFieldName,
  type LineField,
} from "~/modules/publication/publish-case-schema.ts";
import { tError, type FieldErrors } from "~/utils/validation.ts";

export type LineRow = Record<LineField, string>;

const BLANK_ROW: LineRow = { kind: "", title: "", amount: "", category: "", unit: "" };

/** 300000 分 → "3000", 12345 → "123.45": what a person would type as 元. */
function fenToYuanInput(amountFen: number): string {
  const yuan = Math.floor(amountFen / 100);
  const cents = amountFen % 100;
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, "0")}`;
}

/** Rows for lines already on the case (CASH targets are 分, shown as 元). */
export function rowsFromLines(lines: { kind: string; title: string; category: string | null; unit: string | null; target: number }[]): LineRow[] {
  return lines.map((line) => ({
    kind: line.kind,
    title: line.title,
    amount: line.kind === "CASH" ? fenToYuanInput(line.target) : String(line.target),
    category: line.category ?? "",
    unit: line.kind === "ITEM" ? (line.unit ?? "") : "",
  }));
}

/**
 * Rows as submitted, at their submitted indices (so field messages stay on their row), up to the
 * last row with anything in it.
 */
export function rowsFromValues(values: Record<string, string>): LineRow[] {
  const rows: LineRow[] = [];
  for (const [key, value] of Object.entries(values)) {
    const match = /^lines\.(\d{1,2})\.(kind|title|amount|category|unit)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    rows[index] ??= { ...BLANK_ROW };
    rows[index]![match[2] as LineField] = value;
  }
  const filled = Array.from(rows, (row) => row ?? { ...BLANK_ROW });
  while (filled.length > 0 && Object.values(filled[filled.length - 1]!).every((v) => v.trim() === "")) filled.pop();
  return filled;
}

const cell = "px-2 py-1 align-top";

/**
 * The need-line table: filled rows, then a few empty ones, all plain inputs named lines.N.field so
 * the form works without JavaScript. Messages come from the server under the same names.
 */
export function NeedLinesEditor({ rows, fieldErrors }: { rows: LineRow[]; fieldErrors: FieldErrors }) {
  const { t } = useTranslation();
  const all = [...rows, ...Array.from({ length: BLANK_LINE_ROWS }, () => BLANK_ROW)];
  const errorsOf = (index: number, field: LineField) => fieldErrors[lineFieldName(index, field)];
  const control = (index: number, field: LineField) => {
    const errors = errorsOf(index, field);
    return {
      name: lineFieldName(index, field),
      "aria-label": `${t("publication.fields.row", { n: index + 1 })} ${t(`publication.fields.${field === "title" ? "lineTitle" : field}`)}`,
      "aria-invalid": !!errors?.length,
      "aria-describedby": errors?.length ? `line-${index}-errors` : undefined,
    };
  };
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="need-lines-editor">
        <caption className="sr-only">{t("publication.sections.lines")}</caption>
        <thead className="text-left">
          <tr>
            <th scope="col" className={cell}>#</th>
            <th scope="col" className={cell}>{t("publication.fields.kind")}</th>
            <th scope="col" className={cell}>{t("publication.fields.lineTitle")}</th>
            <th scope="col" className={cell}>{t("publication.fields.amount")}</th>
            <th scope="col" className={cell}>{t("publication.fields.category")}</th>
            <th scope="col" className={cell}>{t("publication.fields.unit")}</th>
          </tr>
        </thead>
        <tbody>
          {all.map((row, index) => {
            // One list under the title cell, each message saying which cell it is about.
            const messages = LINE_FIELDS.flatMap((field) =>
              (errorsOf(index, field) ?? []).map((m) => ({ key: `${field}:${m}`, field, text: tError(t, m) })),
            );
            return (
              <tr key={index} className="border-t border-stone-100">
                <th scope="row" className={`${cell} font-normal text-stone-600`}>{index + 1}</th>
                <td className={cell}>
                  <select {...control(index, "kind")} defaultValue={row.kind} className={inputClass}>
                    <option value="">{t("publication.choose")}</option>
                    {NEED_KINDS.map((kind) => <option key={kind} value={kind}>{t(`need.kind.${kind}`)}</option>)}
                  </select>
                </td>
                <td className={`${cell} min-w-[12rem]`}>
                  <input {...control(index, "title")} defaultValue={row.title} className={inputClass} />
                  {messages.length > 0 && (
                    <ul id={`line-${index}-errors`} className="mt-1 text-brand-700">
                      {messages.map((m) => (
                        <li key={m.key}>{t("publication.cellError", { field: t(`publication.fields.${m.field === "title" ? "lineTitle" : m.field}`), message: m.text })}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className={`${cell} w-28`}>
                  <input {...control(index, "amount")} defaultValue={row.amount} inputMode="decimal" className={inputClass} />
                </td>
                <td className={cell}>
                  <select {...control(index, "category")} defaultValue={row.category} className={inputClass}>
                    <option value="">{t("publication.choose")}</option>
                    <optgroup label={t("publication.itemCategories")}>
                      {ITEM_CATEGORIES.map((c) => <option key={c} value={c}>{t(`resourceTypes.item.${c}`)}</option>)}
                    </optgroup>
                    <optgroup label={t("publication.serviceTypes")}>
                      {SERVICE_TYPES.map((c) => <option key={c} value={c}>{t(`resourceTypes.service.${c}`)}</option>)}
                    </optgroup>
                  </select>
                </td>
                <td className={`${cell} w-20`}>
                  <input {...control(index, "unit")} defaultValue={row.unit} className={inputClass} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
