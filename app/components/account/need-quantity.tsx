import { useTranslation } from "react-i18next";
import { Money } from "~/components/ui/money.tsx";

/** An amount in a need line's unit: ¥ for cash (分), hours for services, the line's unit for items. */
export function NeedQuantity({ amount, need }: { amount: number; need: { kind: "CASH" | "ITEM" | "SERVICE"; unit: string | null } }) {
  const { t } = useTranslation();
  if (need.kind === "CASH") return <Money fen={amount} />;
  const unit = need.kind === "SERVICE" ? t("need.unitHours") : (need.unit ?? "");
  return <span className="tabular-nums">{amount} {unit}</span>;
}
