import { MISSED_AID_LOOKBACK_MONTHS, monthsBefore } from "~/domain/missed-aid/missed-aid-hints.ts";
import { scopeCovers } from "~/domain/permissions.ts";
import type { Db, Tx } from "~/utils/db.server.ts";
import { assistanceRecordRow } from "./assistance-record-row.server.ts";

/** How far back the duplicate check looks (DESIGN §4: cases and records of the last 12 months). */
export const DUPLICATE_LOOKBACK_MONTHS = MISSED_AID_LOOKBACK_MONTHS;

export type DuplicateCaseHit = {
  caseNo: string;
  status: string;
  receivedAt: Date;
  officeName: string;
  regionName: string;
  /** Whether the viewer may open it; otherwise the page names the owning office instead of linking. */
  isInScope: boolean;
};

export type DuplicateRecordHit = {
  id: string;
  programme: string;
  startedOn: string;
  endedOn: string | null;
  amountFen: number | null;
  regionName: string;
  caseNo: string | null;
  isCaseInScope: boolean;
};

export type DuplicateHits = { cases: DuplicateCaseHit[]; records: DuplicateRecordHit[]; fromDate: string };

export const NO_DUPLICATES: DuplicateHits = { cases: [], records: [], fromDate: "" };

export function hasDuplicates(hits: DuplicateHits): boolean {
  return hits.cases.length > 0 || hits.records.length > 0;
}

/**
 * 避免重复救助、多头救助: other cases of the same person (by the ID number's keyed hash) received in
 * the last 12 months, in any region and status, and their assistance records that started in the
 * last 12 months or are still running. The case itself and the records it produced are left out.
 * Only case numbers, statuses, dates, programmes and office names come back: nothing personal.
 */
export async function findDuplicates(
  db: Db | Tx,
  input: { caseId: string; idNumberHash: string | null; scopeRegionCode: string | null; today: string },
): Promise<DuplicateHits> {
  if (!input.idNumberHash) return NO_DUPLICATES;
  const fromDate = monthsBefore(input.today, DUPLICATE_LOOKBACK_MONTHS);
  // Cases are received at an instant; the window starts at midnight of that day in Asia/Shanghai.
  const fromInstant = new Date(`${fromDate}T00:00:00+08:00`);
  const fromDay = new Date(`${fromDate}T00:00:00.000Z`);
  const today = new Date(`${input.today}T00:00:00.000Z`);

  // Sequential on purpose: inside an interactive transaction queries share one connection.
  const beneficiaries = await db.beneficiary.findMany({
    where: { idNumberHash: input.idNumberHash, caseId: { not: input.caseId }, case: { receivedAt: { gte: fromInstant } } },
    select: {
      case: {
        select: {
          caseNo: true,
          status: true,
          receivedAt: true,
          regionCode: true,
          region: { select: { fullName: true } },
          ownerOffice: { select: { name: true } },
        },
      },
    },
  });
  const records = await db.assistanceRecord.findMany({
    where: {
      idNumberHash: input.idNumberHash,
      AND: [
        { OR: [{ caseId: null }, { caseId: { not: input.caseId } }] },
        { OR: [{ startedOn: { gte: fromDay } }, { endedOn: null }, { endedOn: { gte: today } }] },
      ],
    },
    orderBy: { startedOn: "desc" },
    select: {
      id: true,
      programme: true,
      startedOn: true,
      endedOn: true,
      amountFen: true,
      regionCode: true,
      case: { select: { caseNo: true, regionCode: true } },
    },
  });

  const regionNames = new Map(
    (await db.region.findMany({ where: { code: { in: [...new Set(records.map((r) => r.regionCode))] } }, select: { code: true, fullName: true } })).map(
      (r) => [r.code, r.fullName],
    ),
  );

  return {
    fromDate,
    cases: beneficiaries
      .map(({ case: c }) => ({
        caseNo: c.caseNo,
        status: c.status,
        receivedAt: c.receivedAt,
        officeName: c.ownerOffice.name,
        regionName: c.region.fullName,
        isInScope: scopeCovers(input.scopeRegionCode, c.regionCode),
      }))
      .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime()),
    records: records.map((r) => ({
      ...assistanceRecordRow(r),
      regionName: regionNames.get(r.regionCode) ?? r.regionCode,
      isCaseInScope: !!r.case && scopeCovers(input.scopeRegionCode, r.case.regionCode),
    })),
  };
}
