import { fen, formatFen } from "~/domain/money.ts";

type T = (key: string, params?: Record<string, unknown>) => string;

/** An amount in a line's unit as text: ¥ for cash (分), the line's unit for goods, hours for services. */
export function lineAmountText(t: T, kind: "CASH" | "ITEM" | "SERVICE", amount: number, unit: string | null): string {
  if (kind === "CASH") return formatFen(fen(amount));
  return `${amount} ${kind === "SERVICE" ? t("need.unitHours") : (unit ?? "")}`.trim();
}
