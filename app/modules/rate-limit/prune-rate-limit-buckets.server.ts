import { prisma } from "~/utils/db.server.ts";

/** How often the server prunes (from the background process: app/utils/background-jobs.server.ts). */
export const RATE_LIMIT_PRUNE_INTERVAL_MS = 60 * 60_000;

/** Buckets are kept this long after their window ended, then deleted. */
export const RATE_LIMIT_BUCKET_RETENTION_MS = 24 * 60 * 60_000;

/**
 * The longest window the rate limits use (report, complaint, pledge and card-gift forms: one hour).
 * A bucket stores only when its window started, so its window has ended once this long has passed.
 * Deleting stays harmless for any window up to this plus the retention (25 h): past that, a longer
 * window's bucket could be deleted while it still counts.
 */
export const RATE_LIMIT_LONGEST_WINDOW_MS = 60 * 60_000;

/**
 * Deletes the rate-limit buckets whose window ended more than a day ago. A hit in a later window
 * resets a bucket anyway (see checkRateLimit), so the deleted rows count nothing; without this the
 * table keeps a row for every client that ever used a public form. Returns how many were deleted.
 */
export async function pruneRateLimitBuckets(now = new Date()): Promise<number> {
  const startedBefore = new Date(now.getTime() - RATE_LIMIT_LONGEST_WINDOW_MS - RATE_LIMIT_BUCKET_RETENTION_MS);
  const { count } = await prisma.rateLimitBucket.deleteMany({ where: { windowStart: { lt: startedBefore } } });
  return count;
}
