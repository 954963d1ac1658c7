import type { CaseCategoryName } from "~/domain/matching/match-types.ts";
import {
  DUPLICATE_AID_LOOKBACK_MONTHS,
  findRepeatedAid,
  PROGRAMME_SOURCES,
  PROGRAMMES_REPEATED_BY,
  type DuplicateAidWarning,
  type EarlierCommitment,
} from "~/domain/matching/duplicate-aid.ts";
import type { MatchSource } from "~/domain/matching/match-types.ts";
import { monthsBefore } from "~/domain/missed-aid/missed-aid-hints.ts";
import type { CommitmentStatusName } from "~/domain/pledges/commitment-status.ts";
import { commitmentIdForGrant } from "~/domain/pledges/pledge-rules.ts";
import type { Db, Tx } from "~/utils/db.server.ts";
import { isoDateOf, shanghaiDate } from "~/utils/dates.ts";

/** A fund grant read as the commitment it stands for (a rejected one was never given). */
const GRANT_AS_COMMITMENT: Record<string, CommitmentStatusName> = { REQUESTED: "PLEDGED", APPROVED: "PLEDGED", POSTED: "DELIVERED", REJECTED: "CANCELLED" };

/**
 * Earlier aid the pick would repeat (app/domain/matching/duplicate-aid.ts): the household is found
 * by its ID number's keyed hash, as the verification's duplicate check finds it, across every region.
 * Reads the programme's records and commitments/grants of the household's other cases in the last
 * 12 months; returns case numbers, programmes, dates and amounts only — nothing personal.
 */
export async function findPlanDuplicateAid(
  db: Db | Tx,
  input: { caseId: string; caseCategory: CaseCategoryName; source: MatchSource; resourceId: string; today: string },
): Promise<DuplicateAidWarning[]> {
  const programmes = PROGRAMMES_REPEATED_BY[input.source];
  const isProgrammeSource = PROGRAMME_SOURCES.includes(input.source);
  if (programmes.length === 0 && !isProgrammeSource) return [];
  const beneficiary = await db.beneficiary.findUnique({ where: { caseId: input.caseId }, select: { idNumberHash: true } });
  const hash = beneficiary?.idNumberHash;
  if (!hash) return [];

  const from = monthsBefore(input.today, DUPLICATE_AID_LOOKBACK_MONTHS);
  // A day early: the rule compares Shanghai dates; the query only narrows.
  const since = new Date(new Date(`${from}T00:00:00+08:00`).getTime() - 86_400_000);
  const otherCases = { caseId: { not: input.caseId }, case: { beneficiary: { idNumberHash: hash } } };
  const byResource = input.source === "FUND" ? { fundId: input.resourceId } : { projectId: input.resourceId };

  // Sequential on purpose: inside an interactive transaction queries share one connection.
  const records =
    programmes.length === 0
      ? []
      : await db.assistanceRecord.findMany({
          where: { idNumberHash: hash, programme: { in: [...programmes] }, OR: [{ endedOn: null }, { endedOn: { gte: new Date(`${from}T00:00:00Z`) } }] },
          select: { id: true, programme: true, startedOn: true, endedOn: true, amountFen: true, caseId: true, case: { select: { category: true } } },
        });
  const commitments = isProgrammeSource
    ? await db.commitment.findMany({
        where: { ...otherCases, ...byResource, source: input.source, pledgedAt: { gte: since } },
        select: { id: true, caseId: true, status: true, pledgedAt: true, amount: true, case: { select: { caseNo: true, category: true } } },
      })
    : [];
  const grants =
    input.source === "FUND"
      ? await db.fundGrant.findMany({
          where: { ...otherCases, fundId: input.resourceId, requestedAt: { gte: since } },
          select: { id: true, caseId: true, status: true, requestedAt: true, amountFen: true, case: { select: { caseNo: true, category: true } } },
        })
      : [];

  const earlier: EarlierCommitment[] = commitments.map((c) => ({
    id: c.id,
    caseId: c.caseId,
    caseNo: c.case.caseNo,
    caseCategory: c.case.category as CaseCategoryName,
    source: input.source,
    resourceId: input.resourceId,
    status: c.status,
    on: shanghaiDate(c.pledgedAt),
    amount: c.amount,
  }));
  const seen = new Set(earlier.map((c) => c.id));
  for (const g of grants) {
    // A grant against a cash line has its commitment already listed; an advance (先行救助) has none.
    if (seen.has(commitmentIdForGrant(g.id))) continue;
    earlier.push({
      id: commitmentIdForGrant(g.id),
      caseId: g.caseId,
      caseNo: g.case.caseNo,
      caseCategory: g.case.category as CaseCategoryName,
      source: "FUND",
      resourceId: input.resourceId,
      status: GRANT_AS_COMMITMENT[g.status] ?? "PLEDGED",
      on: shanghaiDate(g.requestedAt),
      amount: g.amountFen,
    });
  }

  return findRepeatedAid(
    { caseId: input.caseId, caseCategory: input.caseCategory, source: input.source, resourceId: input.resourceId },
    {
      records: records.map((r) => ({
        id: r.id,
        programme: r.programme,
        startedOn: isoDateOf(r.startedOn),
        endedOn: r.endedOn && isoDateOf(r.endedOn),
        amountFen: r.amountFen,
        caseId: r.caseId,
        caseCategory: (r.case?.category as CaseCategoryName | undefined) ?? null,
      })),
      commitments: earlier,
    },
    input.today,
  );
}
