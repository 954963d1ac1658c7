/**
 * The case state machine of DESIGN.md §4, as data.
 *
 * Routes use `allowedEvents` only to decide which buttons to show; modules call `transition`
 * inside the write's transaction and then compare-and-set on (id, status, version), so a rule
 * checked here cannot be bypassed by a crafted form or raced by a second click (CONVENTIONS 5).
 *
 *   REPORTED ─accept→ ACCEPTED ─verify→ VERIFIED ─publish→ PUBLISHED ─markFulfilled→ FULFILLED ─close→ CLOSED
 *   REPORTED ─reject (reason)→ REJECTED          ACCEPTED ─reject (reason)→ REJECTED
 *   ACCEPTED ─withdraw (reason)→ WITHDRAWN       VERIFIED ─withdraw (reason)→ WITHDRAWN
 *   PUBLISHED ─withdraw (reason)→ WITHDRAWN      PUBLISHED ─close (reason)→ CLOSED
 *   FULFILLED ─reopen→ PUBLISHED                 ACCEPTED ─advance (先行救助)→ ACCEPTED
 */
// eslint.config.js forbids "../*" to keep files directly in app/domain from reaching out of it; from
// this subfolder "../" still points inside app/domain, which the rule means to allow.
import { FINAL_STATUSES, type CaseStatusName } from "../case-status.ts";
import type { RoleName } from "../permissions.ts";

export const CASE_EVENTS = ["accept", "reject", "verify", "publish", "markFulfilled", "reopen", "close", "withdraw", "advance"] as const;
export type CaseEventName = (typeof CASE_EVENTS)[number];

/** Who fires an event: a signed-in user's roles, or the platform itself (e.g. after the last delivery). */
export type TransitionActor = { roles: readonly RoleName[] | "SYSTEM" };

/** The Case columns that record when a status was reached (prisma/schema.prisma). */
export const CASE_TIMESTAMP_FIELDS = ["acceptedAt", "verifiedAt", "publishedAt", "fulfilledAt", "closedAt"] as const;
export type CaseTimestampField = (typeof CASE_TIMESTAMP_FIELDS)[number];

/**
 * The timestamp set when a case enters a status. REPORTED has none because `receivedAt` is set at
 * intake. REJECTED and WITHDRAWN set `closedAt` too: the case file ends there, and retention and
 * "how long did it take" figures need that moment; `status` tells the outcomes apart.
 */
export const STATUS_TIMESTAMP: Readonly<Record<CaseStatusName, CaseTimestampField | null>> = {
  REPORTED: null,
  ACCEPTED: "acceptedAt",
  VERIFIED: "verifiedAt",
  PUBLISHED: "publishedAt",
  FULFILLED: "fulfilledAt",
  CLOSED: "closedAt",
  REJECTED: "closedAt",
  WITHDRAWN: "closedAt",
};

export type CaseTransitionRule = {
  readonly from: CaseStatusName;
  readonly event: CaseEventName;
  readonly to: CaseStatusName;
  /** Refusing, withdrawing or closing an unfinished case must say why: it goes in the case file and the audit. */
  readonly isReasonRequired: boolean;
  /** The timestamp column to set now (null: keep every timestamp as it is). */
  readonly stamp: CaseTimestampField | null;
  /** Timestamp columns to clear because the case left the status they describe. */
  readonly clear: readonly CaseTimestampField[];
  /** 先行救助: the module sets `verificationDueOn` (working-days.ts verificationDueDateAfterAdvance). */
  readonly setsVerificationDue: boolean;
};

function rule(
  from: CaseStatusName,
  event: CaseEventName,
  to: CaseStatusName,
  options: { isReasonRequired?: boolean; stamp?: CaseTimestampField | null; clear?: CaseTimestampField[]; setsVerificationDue?: boolean } = {},
): CaseTransitionRule {
  return {
    from,
    event,
    to,
    isReasonRequired: options.isReasonRequired ?? false,
    stamp: options.stamp === undefined ? STATUS_TIMESTAMP[to] : options.stamp,
    clear: options.clear ?? [],
    setsVerificationDue: options.setsVerificationDue ?? false,
  };
}

/** Every allowed (from, event) pair. A pair not listed here is refused with notAllowedFromStatus. */
export const CASE_TRANSITIONS: readonly CaseTransitionRule[] = [
  rule("REPORTED", "accept", "ACCEPTED"),
  rule("REPORTED", "reject", "REJECTED", { isReasonRequired: true }),
  rule("ACCEPTED", "verify", "VERIFIED"),
  rule("ACCEPTED", "reject", "REJECTED", { isReasonRequired: true }),
  rule("ACCEPTED", "withdraw", "WITHDRAWN", { isReasonRequired: true }),
  // Aid first, paperwork after (事后补办): the status stays ACCEPTED so the case still has to be
  // verified, and acceptedAt is not touched. Only from ACCEPTED: before acceptance nobody owns the
  // case yet, and after verification an advance is just ordinary aid.
  rule("ACCEPTED", "advance", "ACCEPTED", { stamp: null, setsVerificationDue: true }),
  rule("VERIFIED", "publish", "PUBLISHED"),
  rule("VERIFIED", "withdraw", "WITHDRAWN", { isReasonRequired: true }),
  rule("PUBLISHED", "markFulfilled", "FULFILLED"),
  // Closing with lines still open means donors see an unfinished need end: the 公示 must explain.
  rule("PUBLISHED", "close", "CLOSED", { isReasonRequired: true }),
  rule("PUBLISHED", "withdraw", "WITHDRAWN", { isReasonRequired: true }),
  // A cancelled or expired commitment opens a line again. The first publication date stays (it is
  // what "newest" sorts by and what donors saw), and fulfilledAt goes because it is no longer true.
  rule("FULFILLED", "reopen", "PUBLISHED", { stamp: null, clear: ["fulfilledAt"] }),
  rule("FULFILLED", "close", "CLOSED"),
];

/**
 * Who may fire each event. Case work is STAFF's (REVIEWER alone approves grants but does not run
 * cases, permissions.ts). The platform fires markFulfilled when the last line is delivered, and
 * reopen when a commitment is cancelled or expires, which is its mirror image and can happen
 * without any staff action (an expiry job, a donor cancelling a pledge).
 */
export const EVENT_ACTORS: Readonly<Record<CaseEventName, { roles: readonly RoleName[]; isSystemAllowed: boolean }>> = {
  accept: { roles: ["STAFF"], isSystemAllowed: false },
  reject: { roles: ["STAFF"], isSystemAllowed: false },
  verify: { roles: ["STAFF"], isSystemAllowed: false },
  publish: { roles: ["STAFF"], isSystemAllowed: false },
  markFulfilled: { roles: ["STAFF"], isSystemAllowed: true },
  reopen: { roles: ["STAFF"], isSystemAllowed: true },
  close: { roles: ["STAFF"], isSystemAllowed: false },
  withdraw: { roles: ["STAFF"], isSystemAllowed: false },
  advance: { roles: ["STAFF"], isSystemAllowed: false },
};

export type TransitionError = "notAllowedFromStatus" | "roleForbidden" | "reasonRequired";
export type TransitionResult = ({ ok: true } & Omit<CaseTransitionRule, "isReasonRequired">) | { ok: false; error: TransitionError };

export function findTransition(from: CaseStatusName, event: CaseEventName): CaseTransitionRule | undefined {
  return CASE_TRANSITIONS.find((candidate) => candidate.from === from && candidate.event === event);
}

export function mayFire(event: CaseEventName, actor: TransitionActor): boolean {
  const allowed = EVENT_ACTORS[event];
  if (actor.roles === "SYSTEM") return allowed.isSystemAllowed;
  return actor.roles.some((role) => allowed.roles.includes(role));
}

export function isReasonRequired(from: CaseStatusName, event: CaseEventName): boolean {
  return findTransition(from, event)?.isReasonRequired ?? false;
}

/**
 * Checks one event. Errors are reported in this order — status, role, reason — so a user who may
 * not act at all is not first asked for a reason. A blank reason counts as none.
 */
export function transition(
  from: CaseStatusName,
  event: CaseEventName,
  actor: TransitionActor,
  input: { reason?: string } = {},
): TransitionResult {
  const found = findTransition(from, event);
  if (!found) return { ok: false, error: "notAllowedFromStatus" };
  if (!mayFire(event, actor)) return { ok: false, error: "roleForbidden" };
  if (found.isReasonRequired && !input.reason?.trim()) return { ok: false, error: "reasonRequired" };
  const { isReasonRequired: _isReasonRequired, ...effects } = found;
  return { ok: true, ...effects };
}

/** The events to offer as buttons for this status and user, in CASE_EVENTS order. */
export function allowedEvents(status: CaseStatusName, roles: TransitionActor["roles"]): CaseEventName[] {
  return CASE_EVENTS.filter((event) => findTransition(status, event) !== undefined && mayFire(event, { roles }));
}

export function isFinalStatus(status: CaseStatusName): boolean {
  return FINAL_STATUSES.includes(status);
}
