import { caseIndices, type IndexResult, type NeedPartKey, type PovertyPartKey } from "~/domain/indices/need-index.ts";
import type { HouseholdFacts } from "~/domain/indices/household-facts.ts";
import { MISSED_AID_LOOKBACK_MONTHS, missedAidHints, monthsBefore, type MissedAidHint } from "~/domain/missed-aid/missed-aid-hints.ts";
import type { Urgency, CaseCategory, Prisma, StandardKind } from "~/generated/prisma/client.ts";
import { workingDaysBetween } from "~/domain/working-days.ts";
import type { Db, Tx } from "~/utils/db.server.ts";
import { isoDateOf, shanghaiDate } from "~/utils/dates.ts";
import { getCalendarOverrides } from "../regions/get-calendar-overrides.server.ts";
import { getRegionChain } from "../regions/get-region-chain.server.ts";
import { getLocalDibaoStandard } from "./get-local-dibao-standard.server.ts";

/** The Beneficiary columns that make up HouseholdFacts, in the order audits name them. */
export const HOUSEHOLD_FACT_FIELDS = ["householdSize", "monthlyIncomeFen", "monthlyEssentialFen", "housing", "vulnerableMembers"] as const satisfies readonly (keyof HouseholdFacts)[];

/**
 * The rows an assessment starts from: the Case columns assessHousehold takes as `caseRow`, the
 * status and version a verification checks, and the beneficiary's ID hash and household facts.
 * The verify tab (preview) and verifyCase (stored) load them with this one select, so the preview
 * is scored from the same columns as the stored result.
 */
export const CASE_ASSESSMENT_SELECT = {
  id: true,
  status: true,
  version: true,
  regionCode: true,
  urgency: true,
  category: true,
  receivedAt: true,
  beneficiary: {
    select: { id: true, idNumberHash: true, householdSize: true, monthlyIncomeFen: true, monthlyEssentialFen: true, housing: true, vulnerableMembers: true },
  },
} as const satisfies Prisma.CaseSelect;

/** What is stored in Case.indexParts: both breakdowns and the figures they were computed from. */
export type StoredIndices = {
  poverty: IndexResult<PovertyPartKey>;
  need: IndexResult<NeedPartKey>;
  inputs: {
    computedOn: string;
    standard: { kind: StandardKind; monthlyFen: number; regionCode: string } | null;
    workingDaysWaited: number;
    recentAidFen: number;
  };
};

export type HouseholdAssessment = StoredIndices & { hints: MissedAidHint[] };

/**
 * Scores a household for its case (贫困指数, 需救助指数) and lists the programmes it likely misses.
 * The 低保 standard is the local one in force today (get-local-dibao-standard), waiting time counts
 * working days since receipt on the region's calendar, and "recent aid" is the sum of the person's
 * assistance records that started in the last 12 months (including this platform's own grants,
 * recorded as JIUJINAN), plus records of this case when the ID number is not known yet.
 */
export async function assessHousehold(
  db: Db | Tx,
  input: {
    caseRow: { id: string; regionCode: string; urgency: Urgency; category: CaseCategory; receivedAt: Date };
    household: HouseholdFacts;
    idNumberHash: string | null;
    now?: Date;
  },
): Promise<HouseholdAssessment> {
  const today = shanghaiDate(input.now ?? new Date());
  const chain = await getRegionChain(db, input.caseRow.regionCode);
  // All of the region's calendar days, past ones included: they count in the days waited.
  const overrides = await getCalendarOverrides(db, input.caseRow.regionCode);
  const standard = await getLocalDibaoStandard(db, chain, today);
  const needLines = await db.need.findMany({ where: { caseId: input.caseRow.id }, select: { target: true, committed: true, status: true } });
  const records = await db.assistanceRecord.findMany({
    where: { OR: [...(input.idNumberHash ? [{ idNumberHash: input.idNumberHash }] : []), { caseId: input.caseRow.id }] },
    select: { id: true, programme: true, startedOn: true, endedOn: true, amountFen: true },
  });

  const lookbackFrom = monthsBefore(today, MISSED_AID_LOOKBACK_MONTHS);
  const recentAidFen = records
    .filter((r) => isoDateOf(r.startedOn) >= lookbackFrom && isoDateOf(r.startedOn) <= today)
    .reduce((sum, r) => sum + (r.amountFen ?? 0), 0);
  // A case received "in the future" (clock skew) has not waited at all.
  const workingDaysWaited = Math.max(0, workingDaysBetween(shanghaiDate(input.caseRow.receivedAt), today, overrides));
  const localDibaoMonthlyFen = standard?.monthlyFen ?? null;

  const { poverty, need } = caseIndices({
    ...input.household,
    recentAidFen,
    localDibaoMonthlyFen,
    urgency: input.caseRow.urgency,
    needLines,
    workingDaysWaited,
  });
  const hints = missedAidHints({
    household: input.household,
    localDibaoMonthlyFen,
    category: input.caseRow.category,
    today,
    records: records.map((r) => ({ programme: r.programme, startedOn: isoDateOf(r.startedOn), endedOn: r.endedOn && isoDateOf(r.endedOn) })),
  });
  return {
    poverty,
    need,
    hints,
    inputs: {
      computedOn: today,
      standard: standard && { kind: standard.kind, monthlyFen: standard.monthlyFen, regionCode: standard.regionCode },
      workingDaysWaited,
      recentAidFen,
    },
  };
}

/** The columns a verification writes on Case. */
export function indexColumns(assessment: HouseholdAssessment) {
  const stored: StoredIndices = { poverty: assessment.poverty, need: assessment.need, inputs: assessment.inputs };
  return { povertyIndex: assessment.poverty.score, needIndex: assessment.need.score, indexParts: stored };
}
