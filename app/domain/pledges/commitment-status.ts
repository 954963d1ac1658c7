/**
 * The life of a commitment (认领/承诺) against a need line (DESIGN §5):
 *
 *   PLEDGED ─confirm (office)→ CONFIRMED ─deliver (office or pledger)→ DELIVERED
 *   PLEDGED ─receive (office: the money is in the case account)→ DELIVERED     cash gifts and fund grants
 *   PLEDGED | CONFIRMED ─cancel (pledger or office, with a reason)→ CANCELLED
 *   PLEDGED ─expire (office or the platform)→ EXPIRED
 *
 * Goods and hours are confirmed by the owning office first and delivered afterwards; money is
 * "delivered" the moment it is in the case's ledger account, so a transfer or a grant goes from
 * PLEDGED to DELIVERED in one step. CANCELLED and EXPIRED give the reservation on the line back;
 * DELIVERED is final (a mistake is corrected by a refund, not by cancelling what was handed over).
 * Modules apply this inside the write's transaction with a compare-and-set on (id, status, version).
 */

/** prisma/schema.prisma enum CommitmentStatus. */
export const COMMITMENT_STATUSES = ["PLEDGED", "CONFIRMED", "DELIVERED", "CANCELLED", "EXPIRED"] as const;
export type CommitmentStatusName = (typeof COMMITMENT_STATUSES)[number];

/** prisma/schema.prisma enum CommitmentSource. */
export const COMMITMENT_SOURCES = ["FUND", "PROJECT", "VOLUNTEER_OFFER", "SUPPLY_OFFER", "DIRECT_PLEDGE", "DONATION", "GOVERNMENT"] as const;
export type CommitmentSourceName = (typeof COMMITMENT_SOURCES)[number];

export const COMMITMENT_INTENTS = ["confirm", "deliver", "receive", "cancel", "expire"] as const;
export type CommitmentIntent = (typeof COMMITMENT_INTENTS)[number];

/** Who acts: staff of the owning office, the pledger (or a member of the pledging organisation), or the platform. */
export const COMMITMENT_ACTORS = ["staff", "pledger", "system"] as const;
export type CommitmentActor = (typeof COMMITMENT_ACTORS)[number];

/** Statuses that hold part of a need line: Need.committed is their sum. */
export const ACTIVE_COMMITMENT_STATUSES: readonly CommitmentStatusName[] = ["PLEDGED", "CONFIRMED", "DELIVERED"];

/** Money commitments: delivered when the money is in the case account (`receive`), not confirmed first. */
export const MONEY_SOURCES: readonly CommitmentSourceName[] = ["DONATION", "FUND"];

const TRANSITIONS: Readonly<Record<CommitmentStatusName, Partial<Record<CommitmentIntent, CommitmentStatusName>>>> = {
  PLEDGED: { confirm: "CONFIRMED", receive: "DELIVERED", cancel: "CANCELLED", expire: "EXPIRED" },
  CONFIRMED: { deliver: "DELIVERED", cancel: "CANCELLED" },
  DELIVERED: {},
  CANCELLED: {},
  EXPIRED: {},
};

export const INTENT_ACTORS: Readonly<Record<CommitmentIntent, readonly CommitmentActor[]>> = {
  confirm: ["staff"],
  deliver: ["staff", "pledger"],
  receive: ["staff"],
  cancel: ["staff", "pledger"],
  expire: ["staff", "system"],
};

const REASON_REQUIRED: Readonly<Record<CommitmentIntent, boolean>> = { confirm: false, deliver: false, receive: false, cancel: true, expire: false };

export type CommitmentStamp = "confirmedAt" | "deliveredAt" | "cancelledAt";
export type CommitmentTransitionError = "notAllowedFromStatus" | "wrongSource" | "actorForbidden" | "reasonRequired";
export type CommitmentTransition =
  | { ok: true; to: CommitmentStatusName; stamp: CommitmentStamp; releasesLine: boolean; deliversLine: boolean }
  | { ok: false; error: CommitmentTransitionError };

export type NeedLineKind = "CASH" | "ITEM" | "SERVICE";

/**
 * `receive` is for money that reaches the case account (a transfer, a fund grant); `confirm` and
 * `deliver` are for goods, hours and resources paid outside this ledger (a project, a programme).
 * A direct pledge on a cash line is a promise to transfer with no gift behind it: it can only be
 * cancelled or expire — marking it delivered would show money the case account never got.
 */
export function intentFitsSource(intent: CommitmentIntent, source: CommitmentSourceName, lineKind: NeedLineKind): boolean {
  const isMoney = MONEY_SOURCES.includes(source);
  if (intent === "receive") return isMoney;
  if (intent === "confirm" || intent === "deliver") return !isMoney && !(source === "DIRECT_PLEDGE" && lineKind === "CASH");
  return true;
}

const STAMP: Readonly<Record<CommitmentStatusName, CommitmentStamp | null>> = {
  PLEDGED: null,
  CONFIRMED: "confirmedAt",
  DELIVERED: "deliveredAt",
  CANCELLED: "cancelledAt",
  EXPIRED: "cancelledAt", // when it lapsed; `status` tells the two endings apart
};

/**
 * One step, checked in this order: status (a stale button meets the current status first),
 * source, actor, then the reason. A blank reason counts as none.
 */
export function nextCommitmentStatus(
  from: CommitmentStatusName,
  intent: CommitmentIntent,
  context: { source: CommitmentSourceName; lineKind: NeedLineKind; actor: CommitmentActor; reason?: string | null },
): CommitmentTransition {
  const to = TRANSITIONS[from][intent];
  if (!to) return { ok: false, error: "notAllowedFromStatus" };
  if (!intentFitsSource(intent, context.source, context.lineKind)) return { ok: false, error: "wrongSource" };
  if (!INTENT_ACTORS[intent].includes(context.actor)) return { ok: false, error: "actorForbidden" };
  if (REASON_REQUIRED[intent] && !context.reason?.trim()) return { ok: false, error: "reasonRequired" };
  return { ok: true, to, stamp: STAMP[to]!, releasesLine: to === "CANCELLED" || to === "EXPIRED", deliversLine: to === "DELIVERED" };
}

export function isReasonRequiredFor(intent: CommitmentIntent): boolean {
  return REASON_REQUIRED[intent];
}

/** The buttons to show for one commitment, in COMMITMENT_INTENTS order. */
export function allowedCommitmentIntents(from: CommitmentStatusName, source: CommitmentSourceName, lineKind: NeedLineKind, actor: CommitmentActor): CommitmentIntent[] {
  return COMMITMENT_INTENTS.filter((intent) => TRANSITIONS[from][intent] !== undefined && intentFitsSource(intent, source, lineKind) && INTENT_ACTORS[intent].includes(actor));
}
