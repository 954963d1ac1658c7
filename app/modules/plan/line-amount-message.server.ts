import { fen, formatFen } from "~/domain/money.ts";
import { msg } from "~/utils/validation.ts";

/**
 * A message key with an amount in the line's unit: `${key}.CASH` with ¥ (分 formatted), `.ITEM`
 * with the line's unit, `.SERVICE` in hours — so each language words its own unit.
 */
export function lineAmountMessage(key: string, line: { kind: "CASH" | "ITEM" | "SERVICE"; unit: string | null }, amount: number): string {
  return msg(`${key}.${line.kind}`, { max: line.kind === "CASH" ? formatFen(fen(amount)) : amount, unit: line.unit ?? "" });
}
