import { PUBLIC_STATUSES } from "~/modules/public/public-case-select.server.ts";
import { prisma } from "~/utils/db.server.ts";

/** How many of a fund's latest grants the public page lists (the totals cover all of them). */
export const RECENT_GRANTS = 20;

export type FlowLine = { key: string; amountFen: number };
export type FundGrantLine = { id: string; occurredAt: Date; amountFen: number; isAdvance: boolean; caseNo: string | null; isPublic: boolean };
export type FundLedger = { moneyIn: FlowLine[]; moneyOut: FlowLine[]; totalInFen: number; totalOutFen: number; grants: FundGrantLine[] };

const EMPTY: FundLedger = { moneyIn: [], moneyOut: [], totalInFen: 0, totalOutFen: 0, grants: [] };
const PUBLIC = new Set<string>(PUBLIC_STATUSES);

/**
 * The public view of one fund's ledger account: money in grouped by contribution source (or by
 * transaction kind when a posting has none, e.g. a donation straight to the fund), money out by
 * kind, and the latest grants to cases. Sums come from the entries, not from any cached figure.
 */
export async function getFundLedger(accountId: string | null | undefined): Promise<FundLedger> {
  if (!accountId) return EMPTY;
  const [flows, grantEntries] = await Promise.all([
    prisma.$queryRaw<{ kind: string; source: string | null; inFen: bigint | number | null; outFen: bigint | number | null }[]>`
      SELECT t."kind"::text AS kind, t."contributionSource"::text AS source,
             SUM(CASE WHEN e."amountFen" > 0 THEN e."amountFen" ELSE 0 END)::bigint AS "inFen",
             SUM(CASE WHEN e."amountFen" < 0 THEN -e."amountFen" ELSE 0 END)::bigint AS "outFen"
      FROM "LedgerEntry" e JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
      WHERE e."accountId" = ${accountId}
      GROUP BY 1, 2`,
    prisma.ledgerEntry.findMany({
      where: { accountId, amountFen: { lt: 0 }, transaction: { kind: "GRANT" } },
      orderBy: [{ transaction: { occurredAt: "desc" } }, { id: "desc" }],
      take: RECENT_GRANTS,
      // Only the case number and status: who the case is about is never read here.
      select: {
        id: true,
        amountFen: true,
        transaction: {
          select: {
            occurredAt: true,
            grant: { select: { isAdvance: true, case: { select: { caseNo: true, status: true } } } },
            // A grant posted without a FundGrant row still names its case through the case account.
            entries: {
              where: { amountFen: { gt: 0 }, account: { kind: "CASE" } },
              take: 1,
              select: { account: { select: { case: { select: { caseNo: true, status: true } } } } },
            },
          },
        },
      },
    }),
  ]);

  const moneyIn = new Map<string, number>();
  const moneyOut = new Map<string, number>();
  for (const row of flows) {
    const inFen = Number(row.inFen ?? 0);
    const outFen = Number(row.outFen ?? 0);
    if (inFen > 0) moneyIn.set(row.source ?? row.kind, (moneyIn.get(row.source ?? row.kind) ?? 0) + inFen);
    if (outFen > 0) moneyOut.set(row.kind, (moneyOut.get(row.kind) ?? 0) + outFen);
  }

  const grants = grantEntries.map((entry): FundGrantLine => {
    const tx = entry.transaction;
    const target = tx.grant?.case ?? tx.entries[0]?.account.case ?? null;
    return {
      id: entry.id,
      occurredAt: tx.occurredAt,
      amountFen: -entry.amountFen,
      isAdvance: tx.grant?.isAdvance ?? false,
      caseNo: target?.caseNo ?? null,
      isPublic: !!target && PUBLIC.has(target.status),
    };
  });

  const lines = (m: Map<string, number>) => [...m].map(([key, amountFen]) => ({ key, amountFen })).sort((a, b) => b.amountFen - a.amountFen);
  const inLines = lines(moneyIn);
  const outLines = lines(moneyOut);
  return {
    moneyIn: inLines,
    moneyOut: outLines,
    totalInFen: inLines.reduce((sum, l) => sum + l.amountFen, 0),
    totalOutFen: outLines.reduce((sum, l) => sum + l.amountFen, 0),
    grants,
  };
}
