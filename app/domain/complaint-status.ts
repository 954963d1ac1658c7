// 监督举报 handling (issue 3 point 11): which intent moves a complaint from which status, and when a
// reply to the complainant is required. Pure; the module enforces it with a compare-and-set.

export const COMPLAINT_STATUSES = ["RECEIVED", "HANDLING", "RESOLVED", "DISMISSED"] as const;
export type ComplaintStatusName = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_INTENTS = ["start", "resolve", "dismiss"] as const;
export type ComplaintIntent = (typeof COMPLAINT_INTENTS)[number];

/**
 * start: staff take the complaint up. resolve / dismiss: the answer, with a reply; allowed straight
 * from RECEIVED too, so an obviously unfounded or already settled complaint need not be "started"
 * first. RESOLVED and DISMISSED are final.
 */
export const COMPLAINT_TRANSITIONS: Record<ComplaintIntent, { from: readonly ComplaintStatusName[]; to: ComplaintStatusName; needsReply: boolean }> = {
  start: { from: ["RECEIVED"], to: "HANDLING", needsReply: false },
  resolve: { from: ["RECEIVED", "HANDLING"], to: "RESOLVED", needsReply: true },
  dismiss: { from: ["RECEIVED", "HANDLING"], to: "DISMISSED", needsReply: true },
};

export type ComplaintTransitionError = "notAllowedFromStatus" | "replyRequired";
export type ComplaintTransitionResult = { ok: true; to: ComplaintStatusName } | { ok: false; error: ComplaintTransitionError };

export function complaintTransition(from: ComplaintStatusName, intent: ComplaintIntent, input: { reply?: string | null } = {}): ComplaintTransitionResult {
  const rule = COMPLAINT_TRANSITIONS[intent];
  if (!rule.from.includes(from)) return { ok: false, error: "notAllowedFromStatus" };
  if (rule.needsReply && !input.reply?.trim()) return { ok: false, error: "replyRequired" };
  return { ok: true, to: rule.to };
}

/** The buttons to show for a complaint in this status. */
export function allowedComplaintIntents(status: ComplaintStatusName): ComplaintIntent[] {
  return COMPLAINT_INTENTS.filter((intent) => COMPLAINT_TRANSITIONS[intent].from.includes(status));
}

export function isFinalComplaintStatus(status: ComplaintStatusName): boolean {
  return allowedComplaintIntents(status).length === 0;
}
