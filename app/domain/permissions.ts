// Who may do what (DESIGN.md §3). Pure: callers pass the user's roles and region scope.
import { isWithinRegion } from "./region-codes.ts";

export const ROLES = ["DONOR", "VOLUNTEER", "ORG_MEMBER", "STAFF", "REVIEWER", "ADMIN"] as const;
export type RoleName = (typeof ROLES)[number];

export type Actor = { roles: readonly RoleName[]; scopeRegionCode: string | null };

export const ACTIONS = [
  "case.read", // a case's private record, its personal data included (every view is audited)
  "case.work", // intake, verify, publish, plan, refer, close
  "organization.vet",
  "fund.record", // contributions, grants, disbursements
  "grant.review", // 一事一议: approve grants above a fund's review threshold
  "admin.manage", // users, regions, funds, calendar, local standards
  "org.manage", // an organisation member's projects and supply offers
  "volunteer.manage", // one's own volunteer offers and assignments
] as const;
export type Action = (typeof ACTIONS)[number];

const ROLE_ACTIONS: Record<RoleName, readonly Action[]> = {
  DONOR: [],
  VOLUNTEER: ["volunteer.manage"],
  ORG_MEMBER: ["org.manage"],
  STAFF: ["case.read", "case.work", "organization.vet", "fund.record"],
  REVIEWER: ["case.read", "grant.review"],
  ADMIN: ["admin.manage"],
};

/** Region-bound actions need the target's region code inside the actor's scope. */
const REGION_BOUND: ReadonlySet<Action> = new Set(["case.read", "case.work", "fund.record", "grant.review"]);

/** A scope covers a region when the region's GB/T 2260 code starts with it; no scope = nationwide. */
export function scopeCovers(scopeRegionCode: string | null, regionCode: string): boolean {
  return scopeRegionCode === null || isWithinRegion(regionCode, scopeRegionCode);
}

export type Decision = { allowed: true } | { allowed: false; reason: "role" | "scope" | "regionRequired" };

export function decide(actor: Actor, action: Action, target?: { regionCode: string }): Decision {
  if (!actor.roles.some((role) => ROLE_ACTIONS[role].includes(action))) return { allowed: false, reason: "role" };
  if (!REGION_BOUND.has(action)) return { allowed: true };
  if (!target) return { allowed: false, reason: "regionRequired" };
  return scopeCovers(actor.scopeRegionCode, target.regionCode) ? { allowed: true } : { allowed: false, reason: "scope" };
}

export function can(actor: Actor, action: Action, target?: { regionCode: string }): boolean {
  return decide(actor, action, target).allowed;
}

/** Staff-side pages (the queue) are open to anyone who may read cases somewhere. */
export function isStaff(actor: Actor): boolean {
  return actor.roles.some((role) => ROLE_ACTIONS[role].includes("case.read"));
}
