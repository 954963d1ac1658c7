import type { CandidateRef } from "~/domain/matching/match-types.ts";
import { explainCandidate } from "~/domain/matching/rank-case-matches.ts";
import { prisma } from "~/utils/db.server.ts";
import { candidateKey, loadMatchCandidates } from "../matching/load-match-candidates.server.ts";

/**
 * The plan page's "why not this one?": explain-case-candidate's answer (every reason the resource
 * cannot serve the line, or its suggestion when it can) with the resource's public name beside it.
 * Null when the case, the line or the resource is unknown. Authorise first.
 */
export async function explainPlanCandidate(caseId: string, needId: string, ref: CandidateRef, now: Date = new Date()) {
  const loaded = await loadMatchCandidates(prisma, caseId, now, { only: ref });
  if (!loaded) return null;
  const explanation = explainCandidate(loaded.input, needId, ref, { today: loaded.today });
  if (!explanation) return null;
  const label = loaded.labels.get(candidateKey(ref.source, ref.id));
  return { explanation, title: label?.title ?? ref.id, organizationName: label?.organizationName ?? null };
}
