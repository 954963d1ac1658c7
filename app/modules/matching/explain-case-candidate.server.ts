// "Why not this project?": one candidate resource against one need line of a case, with every
// reason it cannot serve it (or its suggestion when it can), for a resource the plan page does not
// suggest. The candidate is read on its own, without the loader's narrowing, so the answer names
// the real reason (paused, another region …) rather than "not found".
import type { CandidateRef } from "~/domain/matching/match-types.ts";
import { explainCandidate, type CandidateExplanation } from "~/domain/matching/rank-case-matches.ts";
import { prisma } from "~/utils/db.server.ts";
import { loadMatchCandidates } from "./load-match-candidates.server.ts";

/** Null when the case, the line (of this case) or the candidate is unknown. Authorise first. */
export async function explainCaseCandidate(caseId: string, needId: string, ref: CandidateRef, now: Date = new Date()): Promise<CandidateExplanation | null> {
  const loaded = await loadMatchCandidates(prisma, caseId, now, { only: ref });
  if (!loaded) return null;
  return explainCandidate(loaded.input, needId, ref, { today: loaded.today });
}
