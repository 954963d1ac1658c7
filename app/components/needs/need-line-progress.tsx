import { useTranslation } from "react-i18next";
import { fen, formatFen } from "~/domain/money.ts";
import { ProgressBar } from "../ui/progress-bar.tsx";

type Line = { kind: "CASH" | "ITEM" | "SERVICE"; title: string; unit: string | null; target: number; committed: number };

/** "¥12,000.00 / ¥30,000.00", "2 / 4 床", "6 / 10 小时": one line's progress in its own unit. */
export function NeedLineProgress({ line }: { line: Line }) {
  const { t } = useTranslation();
  const amount = (n: number) =>
    line.kind === "CASH" ? formatFen(fen(n)) : `${n} ${line.kind === "SERVICE" ? t("need.unitHours") : (line.unit ?? "")}`.trim();
  const label = `${t(`need.kind.${line.kind}`)} · ${line.title}: ${t("need.covered")} ${amount(line.committed)} / ${amount(line.target)}`;
  return <ProgressBar value={line.committed} max={line.target} label={label} />;
}
