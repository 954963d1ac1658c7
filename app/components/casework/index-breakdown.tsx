import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { fen, formatFen } from "~/domain/money.ts";

export type IndexPartView = { key: string; points: number; max: number; detail: Record<string, number | string> };
export type IndexResultView = { score: number; parts: IndexPartView[] };

const money = (value: number | string | undefined) => (typeof value === "number" ? formatFen(fen(value)) : "–");
/** 533‰ → "53.3%", with integer arithmetic. */
const percentOf = (perMille: number | string | undefined) =>
  typeof perMille === "number" ? `${Math.floor(perMille / 10)}${perMille % 10 ? `.${perMille % 10}` : ""}%` : "–";

/** The figures behind one part, in words: what a caseworker needs to check the points by hand. */
function partDetail(t: TFunction, part: IndexPartView): string {
  const d = part.detail;
  if (typeof d.reason === "string") return t(`casework.index.reason.${d.reason}`);
  switch (part.key) {
    case "incomeGap":
      return t("casework.index.detail.incomeGap", { net: money(d.perCapitaNetFen), standard: money(d.standardFen), zeroAt: money(d.zeroPointsAtPerCapitaFen) });
    case "spendingBurden":
      return d.burdenPerMille === "noIncome" ? t("casework.index.detail.spendingNoIncome") : t("casework.index.detail.spendingBurden", { percent: percentOf(d.burdenPerMille) });
    case "housing":
      return t(`casework.housing.${d.housing}`);
    case "vulnerableMembers": {
      const tags = typeof d.tags === "string" && d.tags ? d.tags.split(",") : [];
      return tags.length ? tags.map((tag) => t(`casework.vulnerable.${tag}`)).join(t("casework.listSeparator")) : t("casework.index.detail.vulnerableNone");
    }
    case "recentAid":
      return t("casework.index.detail.recentAid", { amount: money(d.recentAidFen), zeroAt: money(d.zeroPointsAtFen) });
    case "poverty":
      return t("casework.index.detail.poverty", { index: d.povertyIndex });
    case "urgency":
      return t(`case.urgency.${d.urgency}`);
    case "unmetNeed":
      return t("casework.index.detail.unmetNeed", { lines: d.lineCount, percent: percentOf(d.unmetPerMille) });
    case "waiting":
      return t("casework.index.detail.waiting", { days: d.workingDaysWaited, cap: d.capWorkingDays });
    default:
      return "";
  }
}

/**
 * One index (贫困指数 or 需救助指数) with every part: name, points out of its maximum with a small
 * bar, and the figures it came from. The score is the plain sum of the points shown.
 */
export function IndexBreakdown({ title, result, testId }: { title: string; result: IndexResultView; testId?: string }) {
  const { t } = useTranslation();
  const headingId = `${testId ?? title}-heading`;
  return (
    <section aria-labelledby={headingId} data-testid={testId} className="rounded border border-stone-200 p-3">
      <h3 id={headingId} className="flex items-baseline justify-between font-semibold">
        <span>{title}</span>
        <span className="text-xl tabular-nums text-brand-800" data-testid={testId && `${testId}-score`}>{t("casework.index.score", { score: result.score })}</span>
      </h3>
      <table className="mt-2 w-full text-sm">
        <thead className="text-left text-stone-700">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">{t("casework.index.partCol")}</th>
            <th scope="col" className="py-1 pr-2 font-medium">{t("casework.index.pointsCol")}</th>
            <th scope="col" className="py-1 font-medium">{t("casework.index.detailCol")}</th>
          </tr>
        </thead>
        <tbody>
          {result.parts.map((part) => {
            const percent = part.max > 0 ? Math.round((part.points / part.max) * 100) : 0;
            return (
              <tr key={part.key} className="border-t border-stone-100 align-top">
                <th scope="row" className="py-1 pr-2 text-left font-normal">{t(`casework.index.parts.${part.key}`)}</th>
                <td className="w-32 py-1 pr-2">
                  <span className="tabular-nums">{t("casework.index.points", { points: part.points, max: part.max })}</span>
                  <span aria-hidden="true" className="mt-1 block h-1.5 w-full overflow-hidden rounded-full bg-stone-200">
                    <span className="block h-full rounded-full bg-brand-700" style={{ width: `${percent}%` }} />
                  </span>
                </td>
                <td className="py-1 text-stone-700">{partDetail(t, part)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
