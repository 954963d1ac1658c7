import { useTranslation } from "react-i18next";

type Reason = { key: string; params: Record<string, string | number>; points?: number };

/** The parts of a score (or the reasons a resource cannot serve a line) as small text chips. */
export function ReasonChips({ reasons, label, tone = "plain" }: { reasons: readonly Reason[]; label: string; tone?: "plain" | "warning" }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  const chip = tone === "warning" ? "border border-amber-400 bg-amber-50 text-stone-900" : "bg-stone-100 text-stone-800";
  return (
    <ul className="flex flex-wrap gap-1" aria-label={label}>
      {reasons.map((reason, index) => (
        <li key={`${reason.key}-${index}`} className={`rounded-full px-2 py-0.5 text-xs ${chip}`}>
          {t(reason.key, reason.params)}
          {reason.points !== undefined && reason.points > 0 && <span className="ml-1 font-semibold">+{reason.points}</span>}
        </li>
      ))}
    </ul>
  );
}
