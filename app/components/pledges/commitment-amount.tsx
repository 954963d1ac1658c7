import { useTranslation } from "react-i18next";
import { Money } from "~/components/ui/money.tsx";

/** A commitment's amount in its line's unit: 分 as money, pieces with the line's unit, hours. */
export function CommitmentAmount({ kind, amount, unit }: { kind: "CASH" | "ITEM" | "SERVICE"; amount: number; unit: string | null }) {
  const { t } = useTranslation();
  if (kind === "CASH") return <Money fen={amount} />;
  return <span className="tabular-nums">{amount} {kind === "SERVICE" ? t("need.unitHours") : (unit ?? "")}</span>;
}
