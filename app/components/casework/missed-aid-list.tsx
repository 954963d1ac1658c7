import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fen, formatFen } from "~/domain/money.ts";

export type MissedAidHintView = { programme: string; department: string | null; reasonKey: string; detail: Record<string, number | string> };

const money = (value: number | string | undefined) => (typeof value === "number" ? formatFen(fen(value)) : "–");

/**
 * 遗漏救助: each programme the household likely qualifies for but has no record of, why, and where
 * to refer it. The link opens the referrals tab with the department and programme filled in.
 */
export function MissedAidList({ hints }: { hints: MissedAidHintView[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="hints-title" data-testid="missed-aid-hints" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="hints-title" className="font-semibold">{t("casework.hints.title")}</h2>
      {hints.length === 0 ? <p className="mt-1 text-sm text-stone-700">{t("casework.hints.none")}</p> : (
        <>
          <p className="mt-1 text-sm text-stone-700">{t("casework.hints.intro")}</p>
          <ul className="mt-3 space-y-3">
            {hints.map((hint) => {
              const d = hint.detail;
              const reason = t(`casework.hints.reason.${hint.reasonKey}`, {
                income: money(d.perCapitaIncomeFen ?? d.monthlyIncomeFen),
                standard: money(d.standardFen),
                essential: money(d.monthlyEssentialFen),
                housing: typeof d.housing === "string" ? t(`casework.housing.${d.housing}`) : "",
              });
              return (
                <li key={hint.programme} className="rounded border border-stone-200 p-3 text-sm">
                  <p className="font-medium">{t(`casework.programme.${hint.programme}`)}</p>
                  <p className="text-stone-700">{reason}</p>
                  {hint.department ? (
                    <p className="mt-1">
                      {t("casework.hints.referTo", { department: t(`casework.department.${hint.department}`) })} ·{" "}
                      <Link to={`../referrals?${new URLSearchParams({ department: hint.department, programme: hint.programme })}`} className="text-brand-800 underline">
                        {t("casework.hints.suggestReferral")}
                      </Link>
                    </p>
                  ) : (
                    <p className="mt-1 text-stone-700">{t("casework.hints.inHouse")}</p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
