// Organisation vetting (issue 3 point 12): PENDING until staff check the 统一社会信用代码 and the
// registration details, then vet or reject; a vetted organisation can be suspended and reinstated.
// Pure; the module enforces it with a compare-and-set on the status.

export const ORGANIZATION_STATUSES = ["PENDING", "VETTED", "REJECTED", "SUSPENDED"] as const;
export type OrganizationStatusName = (typeof ORGANIZATION_STATUSES)[number];

export const ORGANIZATION_INTENTS = ["vet", "reject", "suspend", "reinstate"] as const;
export type OrganizationIntent = (typeof ORGANIZATION_INTENTS)[number];

export const ORGANIZATION_TRANSITIONS: Record<OrganizationIntent, { from: readonly OrganizationStatusName[]; to: OrganizationStatusName; needsReason: boolean }> = {
  vet: { from: ["PENDING"], to: "VETTED", needsReason: false },
  reject: { from: ["PENDING"], to: "REJECTED", needsReason: true },
  suspend: { from: ["VETTED"], to: "SUSPENDED", needsReason: true },
  reinstate: { from: ["SUSPENDED"], to: "VETTED", needsReason: false },
};

export type OrganizationTransitionError = "notAllowedFromStatus" | "reasonRequired" | "creditCodeInvalid";
export type OrganizationTransitionResult = { ok: true; to: OrganizationStatusName } | { ok: false; error: OrganizationTransitionError };

/**
 * An organisation only becomes (or becomes again) VETTED with a credit code that passes its check
 * character: DESIGN §3 makes a valid code a condition of being vetted.
 */
export function organizationTransition(
  from: OrganizationStatusName,
  intent: OrganizationIntent,
  input: { reason?: string | null; isCreditCodeValid: boolean },
): OrganizationTransitionResult {
  const rule = ORGANIZATION_TRANSITIONS[intent];
  if (!rule.from.includes(from)) return { ok: false, error: "notAllowedFromStatus" };
  if (rule.needsReason && !input.reason?.trim()) return { ok: false, error: "reasonRequired" };
  if (rule.to === "VETTED" && !input.isCreditCodeValid) return { ok: false, error: "creditCodeInvalid" };
  return { ok: true, to: rule.to };
}

export function allowedOrganizationIntents(status: OrganizationStatusName): OrganizationIntent[] {
  return ORGANIZATION_INTENTS.filter((intent) => ORGANIZATION_TRANSITIONS[intent].from.includes(status));
}
