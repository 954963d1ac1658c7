/**
 * A first plan for one line: the top suggestions taken in order, each for as much as it can give
 * of what is still open, until the line is covered. Staff start from this and change it; the
 * reservation at commit time (reserveNeedLine and the resource's own compare-and-set) stays the
 * guard, because two lines may draw on the same fund or project and the picks here are per line.
 */
import type { CandidateRef, LineMatches, MatchNeed, MatchSuggestion } from "./match-types.ts";
import { remainingOfLine } from "./rank-case-matches.ts";

export type CoveringPick = CandidateRef & { amount: number };

/** Never more in total than the line still needs, never more from one suggestion than its amount. */
export function planCoveringPicks(line: Pick<LineMatches, "remaining"> | MatchNeed, suggestions: readonly MatchSuggestion[]): CoveringPick[] {
  let open = "remaining" in line ? Math.max(0, line.remaining) : remainingOfLine(line);
  const picks: CoveringPick[] = [];
  for (const suggestion of suggestions) {
    if (open <= 0) break;
    const amount = Math.min(suggestion.amount, open);
    if (amount <= 0) continue;
    picks.push({ source: suggestion.source, id: suggestion.id, amount });
    open -= amount;
  }
  return picks;
}
