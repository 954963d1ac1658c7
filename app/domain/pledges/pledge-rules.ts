/**
 * Rules shared by the public pledge forms (transfer, goods, hours) and the staff desk: limits, the
 * contact a pledger leaves, how long a pledge holds a line, and when a case's needs are all met.
 */

export const PLEDGE_LIMITS = {
  nameMax: 50,
  contactMax: 100,
  noteMax: 200,
  reasonMax: 200,
  /** ¥1: the smallest transfer worth recording and confirming by hand. */
  minTransferFen: 100,
  /** A goods or hours pledge beyond this is a typo or a job for the plan page, not the public form. */
  maxUnits: 100_000,
} as const;

/** An offline transfer pledge holds its part of the cash line this long before it lapses. */
export const TRANSFER_PLEDGE_VALID_DAYS = 10;
/** A goods or hours pledge the office has not confirmed lapses after this long. */
export const DIRECT_PLEDGE_VALID_DAYS = 7;

const DAY_MS = 86_400_000;

export function pledgeExpiry(pledgedAt: Date, validDays: number): Date {
  return new Date(pledgedAt.getTime() + validDays * DAY_MS);
}

/** How anonymous givers are named on public pages and in the 公示 (the seed writes the same). */
export const ANONYMOUS_PUBLIC_NAME = "爱心人士";

export function publicPledgerName(name: string | null | undefined, isAnonymous: boolean): string {
  const trimmed = name?.trim();
  return isAnonymous || !trimmed ? ANONYMOUS_PUBLIC_NAME : trimmed;
}

export type Contact = { kind: "email"; value: string } | { kind: "phone"; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** 11-digit mainland mobile numbers, optionally +86; landlines with an area code (010-12345678). */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

/**
 * The pledger's contact: an e-mail address or a phone number, so the office can reach them about
 * the pledge. Spaces and dashes in phone numbers are ignored; anything else is refused (null).
 */
export function parseContact(input: string): Contact | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > PLEDGE_LIMITS.contactMax) return null;
  if (trimmed.includes("@")) return EMAIL.test(trimmed) ? { kind: "email", value: trimmed.toLowerCase() } : null;
  const digits = trimmed.replace(/[\s-]/g, "");
  if (MOBILE.test(digits)) return { kind: "phone", value: digits.replace(/^\+?86/, "") };
  if (LANDLINE.test(digits)) return { kind: "phone", value: digits };
  return null;
}

/** What is still open on a line (the most one pledge may take). */
export function remainingOnLine(line: { status: string; target: number; committed: number }): number {
  return line.status === "OPEN" ? Math.max(0, line.target - line.committed) : 0;
}

/**
 * A case is met (→ FULFILLED) when it has need lines and every one is delivered in full: money in
 * the case account, goods handed over, hours served. Cancelled lines do not count.
 */
export function isEveryLineDelivered(lines: ReadonlyArray<{ status: string; target: number; delivered: number }>): boolean {
  const live = lines.filter((line) => line.status !== "CANCELLED");
  return live.length > 0 && live.every((line) => line.delivered >= line.target);
}

/**
 * A Commitment has no column naming the Donation or FundGrant behind it, so the one created with a
 * transfer pledge or a grant request gets an id derived from it: whoever confirms the gift or
 * approves the grant finds the commitment again without guessing.
 */
export const commitmentIdForDonation = (donationId: string) => `${donationId}${GIFT_SUFFIX}`;
export const commitmentIdForGrant = (grantId: string) => `${grantId}${GRANT_SUFFIX}`;
const GIFT_SUFFIX = "-gift";
const GRANT_SUFFIX = "-grant";

/** The other way round: the donation (or grant) a commitment was created for, or null. */
export const donationIdOfCommitment = (commitmentId: string) => (commitmentId.endsWith(GIFT_SUFFIX) ? commitmentId.slice(0, -GIFT_SUFFIX.length) : null);
export const grantIdOfCommitment = (commitmentId: string) => (commitmentId.endsWith(GRANT_SUFFIX) ? commitmentId.slice(0, -GRANT_SUFFIX.length) : null);

/** "RC-2026-000012", drawn from counter "receipt:2026" (prisma/seed/numbers.ts numbers the demo gifts the same way). */
export const receiptCounterName = (year: string) => `receipt:${year}`;
export const formatReceiptNo = (year: string, seq: number) => `RC-${year}-${String(seq).padStart(6, "0")}`;
