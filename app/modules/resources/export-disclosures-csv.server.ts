import { FEN_PER_YUAN } from "~/domain/money.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { DISCLOSURE_ORDER, DISCLOSURE_SELECT, DISCLOSURE_WHERE, toDisclosureRow, type DisclosureRow } from "./list-disclosures.server.ts";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Excel reads a CSV as the local ANSI code page unless it starts with a UTF-8 byte-order mark. */
export const UTF8_BOM = "\uFEFF";

const COLUMNS = ["caseNo", "region", "category", "closedAt", "outcome", "totalIn", "totalOut", "sources"] as const;

/** Rows are read in batches so a long history never sits in memory as one query result. */
const BATCH = 500;

/** 12345 分 → "123.45": 元 with two decimals, integer arithmetic only, no grouping or symbol. */
export function fenToYuanText(amountFen: number): string {
  const magnitude = Math.abs(amountFen);
  const yuan = Math.floor(magnitude / FEN_PER_YUAN);
  const cents = magnitude % FEN_PER_YUAN;
  return `${amountFen < 0 ? "-" : ""}${yuan}.${String(cents).padStart(2, "0")}`;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma, semicolon or line break, quotes
 * doubled. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe, so a crafted outcome cannot become a formula on someone's computer.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

function rowValues(row: DisclosureRow, t: Translate): string[] {
  const sources = row.sources
    .map((s) => `${s.name ?? (s.kind ? t(`disclosures.sourceKind.${s.kind}`, { defaultValue: s.kind }) : t("disclosures.sourceKind.OTHER"))} ${fenToYuanText(s.amountFen)}`)
    .join("; ");
  return [
    row.caseNo,
    row.regionName,
    t(`case.category.${row.category}`),
    shanghaiDate(new Date(row.closedAt)),
    row.outcome,
    fenToYuanText(row.totalInFen),
    fenToYuanText(row.totalOutFen),
    sources,
  ];
}

/** Every public disclosure as CSV, newest first, with a header row in the reader's language. */
export async function exportDisclosuresCsv(t: Translate): Promise<string> {
  const parts = [UTF8_BOM, csvLine(COLUMNS.map((c) => t(`disclosures.csvColumns.${c}`)))];
  for (let skip = 0; ; skip += BATCH) {
    const records = await prisma.disclosure.findMany({
      where: DISCLOSURE_WHERE,
      orderBy: [...DISCLOSURE_ORDER],
      skip,
      take: BATCH,
      select: DISCLOSURE_SELECT,
    });
    for (const record of records) parts.push(csvLine(rowValues(toDisclosureRow(record), t)));
    if (records.length < BATCH) break;
  }
  return parts.join("");
}
