// The suggestions for one case's plan (一案一策): its open need lines, each with the resources that
// could meet it, best first, with the parts of every score; on request the resources that cannot,
// and why. Reads only; a pick is written by the plan page's own use case (it reserves the line
// through reserveNeedLine and the resource by compare-and-set, which stay the guard against races).
import type { CaseMatches, MatchNeed } from "~/domain/matching/match-types.ts";
import { rankCaseMatches } from "~/domain/matching/rank-case-matches.ts";
import { prisma } from "~/utils/db.server.ts";
import { loadMatchCandidates, type CandidateLabel } from "./load-match-candidates.server.ts";

/** How many suggestions per line the plan page shows unless told otherwise. */
export const DEFAULT_SUGGESTIONS_PER_LINE = 20;

export type CaseMatchesView = {
  caseId: string;
  caseNo: string;
  today: string;
  needs: MatchNeed[];
  matches: CaseMatches;
  /** Names to show beside each suggested or explained candidate, keyed `${source}:${id}`. */
  labels: Record<string, CandidateLabel>;
};

/** Null for an unknown case. Authorise first (requireCaseAccess): the result is for staff only. */
export async function getCaseMatches(
  caseId: string,
  options: { now?: Date; includeIneligible?: boolean; limit?: number } = {},
): Promise<CaseMatchesView | null> {
  const loaded = await loadMatchCandidates(prisma, caseId, options.now ?? new Date());
  if (!loaded) return null;
  const matches = rankCaseMatches(loaded.input, {
    today: loaded.today,
    includeIneligible: options.includeIneligible ?? false,
    limit: options.limit ?? DEFAULT_SUGGESTIONS_PER_LINE,
  });
  // Only the labels of candidates the page will show, so the loader data stays small.
  const labels: Record<string, CandidateLabel> = {};
  for (const line of matches.lines) {
    for (const ref of [...line.suggestions, ...(line.ineligible ?? [])]) {
      const key = `${ref.source}:${ref.id}`;
      const label = loaded.labels.get(key);
      if (label) labels[key] = label;
    }
  }
  return { caseId: loaded.caseId, caseNo: loaded.caseNo, today: loaded.today, needs: [...loaded.input.needs], matches, labels };
}
