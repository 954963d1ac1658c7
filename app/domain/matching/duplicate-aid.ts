/**
 * 避免重复救助、多头救助 (seed 004) at the moment of a plan pick: which earlier aid of the same
 * household a pick would repeat. A repeat is a warning, not a refusal — staff check it and may pick
 * anyway (the plan page asks them to tick "I have checked") — so the rule errs on the side of asking.
 *
 * Earlier aid counts as a repeat of a pick when all of these hold:
 * - it came from the same programme: the same relief fund or charity project (commitments and fund
 *   grants to the household's OTHER cases; this case's own aid is what the per-case caps govern),
 *   or — for a fund pick only — a government record of 救急难 or 临时救助, the programmes the relief
 *   fund's grants supplement for the same 急难;
 * - for the same purpose: an earlier case of the same emergency category; a government record
 *   linked to a case of the same category, or not linked to any (its purpose is free text the rule
 *   cannot read, so staff are asked to look);
 * - in the last 12 months: pledged or granted on or after the same day 12 months ago; a record
 *   that ended then or later, or is still running;
 * - it was (or is being) given: cancelled, expired or rejected aid never reached the household.
 * Goods and volunteer hours are not programme benefits: a second round of care or a second quilt
 * for a new emergency is the need continuing, so offers never repeat aid here.
 */
import type { IsoDate } from "../iso-date.ts";
import { monthsBefore, type ProgrammeName } from "../missed-aid/missed-aid-hints.ts";
import { ACTIVE_COMMITMENT_STATUSES, type CommitmentStatusName } from "../pledges/commitment-status.ts";
import type { CaseCategoryName, MatchSource } from "./match-types.ts";

/** DESIGN §4: duplicates are looked for over the last 12 months. */
export const DUPLICATE_AID_LOOKBACK_MONTHS = 12;

/** Government programmes a pick from each source repeats (AssistanceRecord.programme). */
export const PROGRAMMES_REPEATED_BY: Readonly<Record<MatchSource, readonly ProgrammeName[]>> = {
  FUND: ["JIUJINAN", "TEMPORARY_AID"],
  PROJECT: [],
  SUPPLY_OFFER: [],
  VOLUNTEER_OFFER: [],
};

/** Sources whose earlier commitments from the same resource count as the same programme. */
export const PROGRAMME_SOURCES: readonly MatchSource[] = ["FUND", "PROJECT"];

/** The pick being checked. */
export type DuplicateAidPick = { caseId: string; caseCategory: CaseCategoryName; source: MatchSource; resourceId: string };

/** A government benefit the household got (AssistanceRecord), with its linked case's category if any. */
export type EarlierRecord = {
  id: string;
  programme: ProgrammeName;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  amountFen: number | null;
  caseId: string | null;
  caseCategory: CaseCategoryName | null;
};

/**
 * A commitment (or a fund grant, its status read as a commitment's) to one of the household's
 * cases: `resourceId` is the fund's or project's id, `on` the day it was pledged or requested.
 */
export type EarlierCommitment = {
  id: string;
  caseId: string;
  caseNo: string;
  caseCategory: CaseCategoryName;
  source: MatchSource | "DIRECT_PLEDGE" | "DONATION" | "GOVERNMENT";
  resourceId: string | null;
  status: CommitmentStatusName;
  on: IsoDate;
  amount: number;
};

export type DuplicateAidWarning =
  | { kind: "record"; id: string; programme: ProgrammeName; startedOn: IsoDate; endedOn: IsoDate | null; amountFen: number | null; isPurposeKnown: boolean }
  | { kind: "commitment"; id: string; caseNo: string; source: MatchSource; on: IsoDate; amount: number; status: CommitmentStatusName };

export function isRepeatedRecord(pick: DuplicateAidPick, record: EarlierRecord, today: IsoDate): boolean {
  if (!PROGRAMMES_REPEATED_BY[pick.source].includes(record.programme)) return false;
  if (record.caseId === pick.caseId) return false;
  if (record.caseCategory !== null && record.caseCategory !== pick.caseCategory) return false;
  const from = monthsBefore(today, DUPLICATE_AID_LOOKBACK_MONTHS);
  // ISO dates compare correctly as strings; a record still running has no end.
  return record.startedOn <= today && (record.endedOn === null || record.endedOn >= from);
}

export function isRepeatedCommitment(pick: DuplicateAidPick, earlier: EarlierCommitment, today: IsoDate): boolean {
  if (!PROGRAMME_SOURCES.includes(pick.source)) return false;
  if (earlier.source !== pick.source || earlier.resourceId !== pick.resourceId) return false;
  if (earlier.caseId === pick.caseId || earlier.caseCategory !== pick.caseCategory) return false;
  if (!ACTIVE_COMMITMENT_STATUSES.includes(earlier.status)) return false;
  const from = monthsBefore(today, DUPLICATE_AID_LOOKBACK_MONTHS);
  return earlier.on >= from && earlier.on <= today;
}

/** Every earlier aid the pick repeats, newest first (ties by id, so the list is stable). */
export function findRepeatedAid(
  pick: DuplicateAidPick,
  earlier: { records: readonly EarlierRecord[]; commitments: readonly EarlierCommitment[] },
  today: IsoDate,
): DuplicateAidWarning[] {
  const warnings: Array<DuplicateAidWarning & { sortDay: IsoDate }> = [];
  for (const record of earlier.records) {
    if (!isRepeatedRecord(pick, record, today)) continue;
    const { id, programme, startedOn, endedOn, amountFen } = record;
    warnings.push({ kind: "record", id, programme, startedOn, endedOn, amountFen, isPurposeKnown: record.caseCategory !== null, sortDay: endedOn ?? today });
  }
  for (const c of earlier.commitments) {
    if (!isRepeatedCommitment(pick, c, today)) continue;
    warnings.push({ kind: "commitment", id: c.id, caseNo: c.caseNo, source: c.source as MatchSource, on: c.on, amount: c.amount, status: c.status, sortDay: c.on });
  }
  warnings.sort((a, b) => (a.sortDay < b.sortDay ? 1 : a.sortDay > b.sortDay ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return warnings.map(({ sortDay: _sortDay, ...warning }) => warning);
}
