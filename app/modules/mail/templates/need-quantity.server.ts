import { fen, formatFen } from "~/domain/money.ts";
import type { MailContext } from "./mail-layout.server.ts";

/** An amount in a need line's unit: ¥ for cash (分), hours for services, the line's unit for items. */
export function formatNeedQuantity(amount: number, need: { kind: "CASH" | "ITEM" | "SERVICE"; unit: string | null }, ctx: MailContext): string {
  if (need.kind === "CASH") return formatFen(fen(amount), ctx.locale);
  const unit = need.kind === "SERVICE" ? ctx.t("need.unitHours") : (need.unit ?? "");
  return `${amount}${ctx.locale === "en" && unit ? " " : ""}${unit}`.trim();
}
