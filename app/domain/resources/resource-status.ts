// What an owner may do with a resource they keep (Project, SupplyOffer, VolunteerOffer): publish a
// draft, pause and resume it, close it for good. Pure; the modules enforce it inside the write's
// transaction with a compare-and-set on the status they read.
//
// Pausing or closing never touches what is already promised: commitments made against the resource
// stay reserved and are honoured. It only stops new matches and takes the resource off the public
// pages and the search index (whose loaders show ACTIVE resources only).

export const RESOURCE_STATUSES = ["DRAFT", "ACTIVE", "PAUSED", "CLOSED"] as const;
export type ResourceStatusName = (typeof RESOURCE_STATUSES)[number];

export const RESOURCE_INTENTS = ["publish", "pause", "resume", "close"] as const;
export type ResourceIntent = (typeof RESOURCE_INTENTS)[number];

export const RESOURCE_TRANSITIONS: Record<ResourceIntent, { from: readonly ResourceStatusName[]; to: ResourceStatusName }> = {
  publish: { from: ["DRAFT"], to: "ACTIVE" },
  pause: { from: ["ACTIVE"], to: "PAUSED" },
  resume: { from: ["PAUSED"], to: "ACTIVE" },
  close: { from: ["DRAFT", "ACTIVE", "PAUSED"], to: "CLOSED" },
};

export type ResourceTransitionResult = { ok: true; to: ResourceStatusName } | { ok: false; error: "notAllowedFromStatus" };

export function resourceTransition(from: ResourceStatusName, intent: ResourceIntent): ResourceTransitionResult {
  const rule = RESOURCE_TRANSITIONS[intent];
  return rule.from.includes(from) ? { ok: true, to: rule.to } : { ok: false, error: "notAllowedFromStatus" };
}

export function allowedResourceIntents(status: ResourceStatusName): ResourceIntent[] {
  return RESOURCE_INTENTS.filter((intent) => RESOURCE_TRANSITIONS[intent].from.includes(status));
}

/** A closed resource is history (its commitments point at it): its details are no longer edited. */
export function isResourceEditable(status: ResourceStatusName): boolean {
  return status !== "CLOSED";
}

/** A new resource is published at once or kept as a draft the owner publishes later. */
export function initialResourceStatus(publishNow: boolean): ResourceStatusName {
  return publishNow ? "ACTIVE" : "DRAFT";
}

/**
 * A budget, a stock or a number of hours may be lowered, but never below what is already reserved
 * by commitments: those promises were made against it.
 */
export function isCapacityAllowed(total: number, reserved: number): boolean {
  return Number.isSafeInteger(total) && total > 0 && total >= reserved;
}
