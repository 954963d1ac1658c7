import { prisma, type Db, type Tx } from "~/utils/db.server.ts";

export type RateLimit = { limit: number; windowSeconds: number };

/**
 * Fixed-window rate limit for public forms (report, complaints, login): counts one hit on `key` and
 * says whether it is within `limit` hits for the current window. Windows are aligned to the epoch,
 * so every instance of the app agrees on them.
 *
 * One INSERT … ON CONFLICT statement does the read, the window reset and the increment, so
 * concurrent hits are counted exactly (the row lock orders them) and no hit slips through between a
 * read and a write. Keys must not hold personal data (hash an IP first: see client-key.server.ts).
 */
export async function checkRateLimit(key: string, { limit, windowSeconds }: RateLimit, now = new Date(), db: Db | Tx = prisma): Promise<boolean> {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  if (!Number.isSafeInteger(windowSeconds) || windowSeconds < 1) throw new RangeError(`windowSeconds must be a positive integer, got ${windowSeconds}`);
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    VALUES (${key}, ${windowStart}::timestamptz, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" < EXCLUDED."windowStart" THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = GREATEST("RateLimitBucket"."windowStart", EXCLUDED."windowStart")
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? Number.POSITIVE_INFINITY);
  return count <= limit;
}
