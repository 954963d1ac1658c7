import { useTranslation } from "react-i18next";
import { Money } from "~/components/ui/money.tsx";
import type { DuplicateAidWarning } from "~/domain/matching/duplicate-aid.ts";

/** The earlier aid a pick would repeat (programme, case number, dates, amounts: nothing personal). */
export function DuplicateAidWarnings({ warnings }: { warnings: readonly DuplicateAidWarning[] }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="space-y-1 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-stone-900" data-testid="duplicate-aid-warning">
      <p className="font-semibold">{t("planDesk.duplicate.title")}</p>
      <p>{t("planDesk.duplicate.intro")}</p>
      <ul className="list-disc space-y-1 pl-5">
        {warnings.map((w) =>
          w.kind === "record" ? (
            <li key={w.id}>
              {t("planDesk.duplicate.record", { programme: t(`casework.programme.${w.programme}`), from: w.startedOn, to: w.endedOn ?? t("planDesk.duplicate.ongoing") })}
              {w.amountFen !== null && <> · <Money fen={w.amountFen} /></>}
              {!w.isPurposeKnown && <> · {t("planDesk.duplicate.purposeUnknown")}</>}
            </li>
          ) : (
            <li key={w.id}>
              {t("planDesk.duplicate.commitment", { caseNo: w.caseNo, date: w.on, source: t(`matching.source.${w.source}`), status: t(`account.commitmentStatus.${w.status}`) })}
              {" · "}<Money fen={w.amount} />
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
