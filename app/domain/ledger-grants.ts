/**
 * Rules of a grant from a relief fund to a case (DESIGN §3, §6): the fund's per-case cap, its
 * balance, and 一事一议 — a grant above the fund's review threshold waits for a reviewer who is not
 * the person who asked for it (four-eyes).
 *
 *   at or below the threshold: posted at once (REQUESTED is skipped, the requester is the reviewer)
 *   above it:  REQUESTED ─approve (another person)→ POSTED      REQUESTED ─reject (note)→ REJECTED
 *
 * APPROVED exists in the schema for a grant approved but paid later; approving here posts in the
 * same transaction, so no grant stays APPROVED.
 */

/** prisma/schema.prisma enum GrantStatus. */
export const GRANT_STATUSES = ["REQUESTED", "APPROVED", "REJECTED", "POSTED"] as const;
export type GrantStatusName = (typeof GRANT_STATUSES)[number];

export const GRANT_REVIEW_INTENTS = ["approve", "reject"] as const;
export type GrantReviewIntent = (typeof GRANT_REVIEW_INTENTS)[number];

/** Grants still counting against a fund's per-case cap. */
export const ACTIVE_GRANT_STATUSES: readonly GrantStatusName[] = ["REQUESTED", "APPROVED", "POSTED"];

/** 一事一议: strictly above the threshold needs a second person; at the threshold one may grant. */
export function grantNeedsReview(amountFen: number, reviewThresholdFen: number): boolean {
  return amountFen > reviewThresholdFen;
}

export type GrantRequestError = "overPerCaseCap" | "insufficientBalance";

/**
 * Checks a new grant against the fund: what the case already has from this fund (requested or
 * posted) plus this grant stays within the per-case cap, and the fund holds the amount now. The
 * balance is checked again when the money moves (the ledger refuses to overdraw a fund); checking
 * it here too means nobody approves a request the fund could never pay.
 */
export function checkGrantRequest(input: { amountFen: number; perCaseCapFen: number; usedForCaseFen: number; balanceFen: number }): GrantRequestError | null {
  if (input.usedForCaseFen + input.amountFen > input.perCaseCapFen) return "overPerCaseCap";
  if (input.amountFen > input.balanceFen) return "insufficientBalance";
  return null;
}

const REVIEW_TRANSITIONS: Readonly<Record<GrantStatusName, Partial<Record<GrantReviewIntent, GrantStatusName>>>> = {
  REQUESTED: { approve: "POSTED", reject: "REJECTED" },
  APPROVED: {},
  REJECTED: {},
  POSTED: {},
};

export type GrantReviewError = "notAllowedFromStatus" | "ownRequest" | "noteRequired";
export type GrantReviewResult = { ok: true; to: GrantStatusName; postsLedger: boolean; releasesLine: boolean } | { ok: false; error: GrantReviewError };

/**
 * One review decision. Checked in this order: the status (a grant already decided cannot be
 * decided again), four-eyes (never one's own request), then a note for a rejection (the case file
 * and the requester need to know why).
 */
export function reviewGrant(grant: { status: GrantStatusName; requestedById: string }, reviewerId: string, intent: GrantReviewIntent, input: { note?: string } = {}): GrantReviewResult {
  const to = REVIEW_TRANSITIONS[grant.status][intent];
  if (!to) return { ok: false, error: "notAllowedFromStatus" };
  if (grant.requestedById === reviewerId) return { ok: false, error: "ownRequest" };
  if (intent === "reject" && !input.note?.trim()) return { ok: false, error: "noteRequired" };
  return { ok: true, to, postsLedger: to === "POSTED", releasesLine: to === "REJECTED" };
}
