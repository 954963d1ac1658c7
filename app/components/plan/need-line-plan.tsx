import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommitmentAmount } from "~/components/pledges/commitment-amount.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import type { MatchReason } from "~/domain/matching/match-types.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { lineAmountText } from "./line-amount-text.ts";
import type { PlanActionData } from "./plan-action-data.ts";
import { PickForm } from "./pick-form.tsx";
import { ReasonChips } from "./reason-chips.tsx";

type Kind = "CASH" | "ITEM" | "SERVICE";
export type PlanLineView = {
  id: string;
  kind: Kind;
  title: string;
  unit: string | null;
  target: number;
  committed: number;
  delivered: number;
  remaining: number;
  status: "OPEN" | "COVERED" | "CANCELLED";
  commitments: Array<{
    id: string;
    source: string;
    status: string;
    version: number;
    amount: number;
    pledgedAt: string | Date;
    cancelReason: string | null;
    resourceName: string | null;
    giverName: string | null;
    isAnonymous: boolean;
    canUnpick: boolean;
  }>;
  suggestions: Array<{ source: string; id: string; score: number; amount: number; reasons: MatchReason[]; title: string; organizationName: string | null }>;
};

const SECONDARY = "rounded border border-stone-400 px-3 py-1.5 text-sm hover:bg-stone-100";

/** One need line of the plan: coverage, what is committed to it (with unpick), and the ranked suggestions to pick from. */
export function NeedLinePlan(props: { line: PlanLineView; canPick: boolean; locale: string; actionData?: PlanActionData }) {
  const { line, canPick, locale, actionData } = props;
  const { t } = useTranslation();
  const amount = (n: number) => lineAmountText(t, line.kind, n, line.unit);
  const headingId = `line-${line.id}-title`;
  return (
    <section id={`line-${line.id}`} aria-labelledby={headingId} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" data-testid="plan-line">
      <header className="space-y-2">
        <h3 id={headingId} className="text-lg font-semibold">
          {t(`need.kind.${line.kind}`)} · {line.title}
        </h3>
        <ProgressBar
          value={line.committed}
          max={line.target}
          label={t("planDesk.line.coverage", { committed: amount(line.committed), target: amount(line.target), delivered: amount(line.delivered) })}
        />
        <p className="text-sm text-stone-800" data-testid="line-state">
          {line.status === "OPEN" ? t("planDesk.line.remaining", { remaining: amount(line.remaining) }) : t(`planDesk.line.status.${line.status}`)}
        </p>
      </header>

      <div>
        <h4 className="font-semibold">{t("planDesk.commitments.title")}</h4>
        {line.commitments.length === 0 ? (
          <p className="text-sm text-stone-700">{t("planDesk.commitments.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="mt-2 min-w-full text-sm">
              <thead className="text-left">
                <tr>
                  <th scope="col" className="py-1 pr-3">{t("planDesk.commitments.source")}</th>
                  <th scope="col" className="py-1 pr-3">{t("planDesk.commitments.giver")}</th>
                  <th scope="col" className="py-1 pr-3">{t("planDesk.commitments.amount")}</th>
                  <th scope="col" className="py-1 pr-3">{t("planDesk.commitments.status")}</th>
                  <th scope="col" className="py-1">{t("planDesk.commitments.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {line.commitments.map((c) => (
                  <tr key={c.id} className="border-t border-stone-100 align-top" data-testid="plan-commitment">
                    <td className="py-1 pr-3">
                      <p>{t(`pledgeDesk.source.${c.source}`)}</p>
                      {c.resourceName && <p className="text-xs text-stone-700">{c.resourceName}</p>}
                    </td>
                    <td className="py-1 pr-3">{c.isAnonymous ? t("pledgeDesk.anonymous", { name: c.giverName ?? "" }) : (c.giverName ?? "–")}</td>
                    <td className="py-1 pr-3 whitespace-nowrap"><CommitmentAmount kind={line.kind} amount={c.amount} unit={line.unit} /></td>
                    <td className="py-1 pr-3">
                      <p data-testid="plan-commitment-status">{t(`account.commitmentStatus.${c.status}`)}</p>
                      <p className="text-xs text-stone-700">{formatDateTime(c.pledgedAt, locale)}</p>
                      {c.cancelReason && <p className="text-xs text-stone-700">{t("pledgeDesk.reasonWas")}: {c.cancelReason}</p>}
                    </td>
                    <td className="py-1">
                      {c.canUnpick && canPick ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="unpick" />
                          <input type="hidden" name="commitmentId" value={c.id} />
                          <input type="hidden" name="version" value={c.version} />
                          <button type="submit" className={SECONDARY}>{t("planDesk.commitments.unpick")}</button>
                        </Form>
                      ) : c.source === "FUND" && (c.status === "PLEDGED" || c.status === "CONFIRMED") ? (
                        <span className="text-xs text-stone-700">{t("planDesk.commitments.fundElsewhere")}</span>
                      ) : (
                        <span className="text-stone-700">–</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

      {line.status === "OPEN" && (
        <div>
          <h4 className="font-semibold">{t("planDesk.suggestions.title")}</h4>
          {line.suggestions.length === 0 ? (
            <p className="text-sm text-stone-700">{t("planDesk.suggestions.empty")}</p>
          ) : (
            <ol className="mt-2 space-y-3">
              {line.suggestions.map((s, index) => (
                <li key={`${s.source}:${s.id}`} className="rounded border border-stone-200 p-3" data-testid="plan-suggestion" data-source={s.source} data-resource-id={s.id}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-medium">
                      <span className="mr-2 text-stone-700">{index + 1}.</span>
                      <span data-testid="suggestion-title">{s.title}</span>
                      {s.organizationName && <span className="text-sm text-stone-700"> · {s.organizationName}</span>}
                      <span className="ml-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-800">{t(`matching.source.${s.source}`)}</span>
                    </p>
                    <p className="text-sm">
                      <span className="font-semibold">{t("planDesk.suggestions.score", { score: s.score })}</span>
                      {" · "}
                      {t("planDesk.suggestions.canCover", { amount: amount(s.amount) })}
                    </p>
                  </div>
                  <div className="mt-2">
                    <ReasonChips reasons={s.reasons} label={t("planDesk.suggestions.reasonsLabel")} />
                  </div>
                  {canPick && <PickForm line={line} suggestion={s} actionData={actionData} />}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
