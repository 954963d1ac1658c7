import type { MatchReason, MatchSource } from "~/domain/matching/match-types.ts";
import { prisma } from "~/utils/db.server.ts";
import { getCaseMatches } from "../matching/get-case-matches.server.ts";
import { candidateKey } from "../matching/load-match-candidates.server.ts";
import { isPlannable } from "./pick-suggestion.server.ts";
import { OWNER_SOURCES } from "./reserve-plan-resource.server.ts";

/** Suggestions shown per line: the best few; "why not?" answers for any other resource. */
export const SUGGESTIONS_SHOWN = 8;

export type PlanSuggestion = {
  source: MatchSource;
  id: string;
  score: number;
  amount: number;
  reasons: MatchReason[];
  title: string;
  organizationName: string | null;
};

/**
 * The plan tab of a case (一案一策): every need line with its coverage (committed and delivered
 * against the target), the commitments on it (source, who, status, whether staff may take the pick
 * back), and — while the case is being planned — the engine's ranked suggestions with their
 * reasons. Staff only (the caller authorises); no personal data: givers by their public names.
 */
export async function getCasePlan(caseId: string, now: Date = new Date()) {
  const kase = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { id: true, caseNo: true, status: true } });
  const isOpen = isPlannable(kase.status);
  const [lines, matches] = await Promise.all([
    prisma.need.findMany({
      where: { caseId },
      orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        title: true,
        category: true,
        unit: true,
        target: true,
        committed: true,
        delivered: true,
        status: true,
        commitments: {
          orderBy: [{ pledgedAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            source: true,
            status: true,
            version: true,
            amount: true,
            pledgerName: true,
            isAnonymous: true,
            pledgedAt: true,
            cancelReason: true,
            fund: { select: { name: true } },
            project: { select: { title: true } },
            supplyOffer: { select: { itemName: true } },
            volunteerOffer: { select: { title: true } },
            organization: { select: { name: true } },
          },
        },
      },
    }),
    isOpen ? getCaseMatches(caseId, { now, limit: SUGGESTIONS_SHOWN }) : Promise.resolve(null),
  ]);

  const byLine = new Map((matches?.matches.lines ?? []).map((line) => [line.needId, line]));
  return {
    caseNo: kase.caseNo,
    status: kase.status,
    isOpen,
    today: matches?.today ?? null,
    lines: lines.map(({ commitments, ...line }) => ({
      ...line,
      remaining: line.status === "OPEN" ? Math.max(0, line.target - line.committed) : 0,
      commitments: commitments.map((c) => ({
        id: c.id,
        source: c.source,
        status: c.status,
        version: c.version,
        amount: c.amount,
        pledgedAt: c.pledgedAt,
        cancelReason: c.cancelReason,
        resourceName: c.project?.title ?? c.supplyOffer?.itemName ?? c.volunteerOffer?.title ?? c.fund?.name ?? null,
        giverName: c.organization?.name ?? c.fund?.name ?? c.pledgerName,
        isAnonymous: c.isAnonymous,
        canUnpick: isOpen && (OWNER_SOURCES as readonly string[]).includes(c.source) && (c.status === "PLEDGED" || c.status === "CONFIRMED"),
      })),
      suggestions: (byLine.get(line.id)?.suggestions ?? []).map((s): PlanSuggestion => {
        const label = matches?.labels[candidateKey(s.source, s.id)];
        return { source: s.source, id: s.id, score: s.score, amount: s.amount, reasons: s.reasons, title: label?.title ?? s.id, organizationName: label?.organizationName ?? null };
      }),
    })),
  };
}

export type CasePlan = Awaited<ReturnType<typeof getCasePlan>>;
export type CasePlanLine = CasePlan["lines"][number];
