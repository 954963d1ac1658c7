/**
 * 转介/转办 status machine (DESIGN.md §4: a referral ends with the receiving department's answer
 * recorded — accepted with what it will do, done with the result, or declined with why).
 *
 *   SENT ─accept→ ACCEPTED ─done (result)→ DONE
 *   SENT ─decline (result)→ DECLINED    ACCEPTED ─decline (result)→ DECLINED
 *
 * Modules apply it inside the write's transaction with a compare-and-set on the referral's version.
 */
import type { IsoDate } from "./iso-date.ts";

/** prisma/schema.prisma enum ReferralStatus. */
export const REFERRAL_STATUSES = ["SENT", "ACCEPTED", "DONE", "DECLINED"] as const;
export type ReferralStatusName = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_INTENTS = ["accept", "done", "decline"] as const;
export type ReferralIntent = (typeof REFERRAL_INTENTS)[number];

/** Statuses in which the department still owes an answer or a result: these can be overdue. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatusName[] = ["SENT", "ACCEPTED"];

const TRANSITIONS: Readonly<Record<ReferralStatusName, Partial<Record<ReferralIntent, ReferralStatusName>>>> = {
  SENT: { accept: "ACCEPTED", decline: "DECLINED" },
  ACCEPTED: { done: "DONE", decline: "DECLINED" },
  DONE: {},
  DECLINED: {},
};

/** What was done and why it was declined go in the case file; an acceptance needs no text. */
const RESULT_REQUIRED: Readonly<Record<ReferralIntent, boolean>> = { accept: false, done: true, decline: true };

export type ReferralTransitionError = "notAllowedFromStatus" | "resultRequired";
export type ReferralTransition =
  | { ok: true; to: ReferralStatusName; setsAnsweredAt: boolean; setsDoneAt: boolean }
  | { ok: false; error: ReferralTransitionError };

export function isResultRequired(intent: ReferralIntent): boolean {
  return RESULT_REQUIRED[intent];
}

/** The status an intent leads to, checked in this order: status first, then the result text. */
export function nextReferralStatus(from: ReferralStatusName, intent: ReferralIntent, input: { result?: string } = {}): ReferralTransition {
  const to = TRANSITIONS[from][intent];
  if (!to) return { ok: false, error: "notAllowedFromStatus" };
  if (RESULT_REQUIRED[intent] && !input.result?.trim()) return { ok: false, error: "resultRequired" };
  // The first answer from the department (accepting, or declining straight away) is when it answered.
  return { ok: true, to, setsAnsweredAt: from === "SENT", setsDoneAt: to === "DONE" };
}

/** The intents to offer as buttons for a referral in this status. */
export function allowedReferralIntents(from: ReferralStatusName): ReferralIntent[] {
  return REFERRAL_INTENTS.filter((intent) => TRANSITIONS[from][intent] !== undefined);
}

/** Overdue: still open after its due date (ISO dates in Asia/Shanghai compare as strings). */
export function isReferralOverdue(referral: { status: ReferralStatusName; dueOn: IsoDate }, today: IsoDate): boolean {
  return OPEN_REFERRAL_STATUSES.includes(referral.status) && referral.dueOn < today;
}
