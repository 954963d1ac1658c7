import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MailTransport } from "~/integrations/mail.server.ts";
import { startMailOutboxWorker } from "~/modules/mail/mail-outbox-worker.server.ts";
import type { OutboxPoller } from "~/modules/outbox/start-outbox-poller.server.ts";
import { checkRateLimit } from "~/modules/rate-limit/check-rate-limit.server.ts";
import {
  pruneRateLimitBuckets,
  RATE_LIMIT_BUCKET_RETENTION_MS,
  RATE_LIMIT_LONGEST_WINDOW_MS,
  RATE_LIMIT_PRUNE_INTERVAL_MS,
} from "~/modules/rate-limit/prune-rate-limit-buckets.server.ts";
import { prisma } from "~/utils/db.server.ts";

const HOUR = 60 * 60_000;
const LIMIT = { limit: 2, windowSeconds: 60 * 60 };

const key = (label: string) => `prune-test:${label}:${crypto.randomBytes(4).toString("hex")}`;

async function bucket(label: string, windowStart: Date) {
  const k = key(label);
  await prisma.rateLimitBucket.create({ data: { key: k, windowStart, count: 7 } });
  return k;
}

async function exists(k: string) {
  return (await prisma.rateLimitBucket.findUnique({ where: { key: k } })) !== null;
}

/** Sends nothing: rows other test files left in this worker's database must not become files. */
const silentTransport: MailTransport = { kind: "smtp", send: async () => ({ messageId: "test" }), close() {} };

/** A MAIL row the worker can only skip: once it is closed, the poller has run a pass after it was written. */
async function pollProbe() {
  const probe = await prisma.outboxEvent.create({ data: { topic: "MAIL", kind: "mail", payload: { not: "a mail request" } } });
  await vi.waitFor(async () => expect((await prisma.outboxEvent.findUniqueOrThrow({ where: { id: probe.id } })).processedAt).not.toBeNull(), {
    timeout: 5_000,
  });
}

describe("pruneRateLimitBuckets", () => {
  it("deletes buckets whose window ended more than a day ago and keeps the rest", async () => {
    const now = new Date("2026-03-10T12:00:00Z");
    const cutoff = now.getTime() - RATE_LIMIT_LONGEST_WINDOW_MS - RATE_LIMIT_BUCKET_RETENTION_MS;
    const old = await bucket("old", new Date(cutoff - 5 * 24 * HOUR));
    const justPast = await bucket("just-past", new Date(cutoff - 1));
    const atCutoff = await bucket("at-cutoff", new Date(cutoff));
    const yesterday = await bucket("yesterday", new Date(now.getTime() - 12 * HOUR));
    const current = await bucket("current", new Date(now.getTime() - 10 * 60_000));

    const deleted = await pruneRateLimitBuckets(now);

    expect(deleted).toBeGreaterThanOrEqual(2);
    expect(await exists(old)).toBe(false);
    expect(await exists(justPast)).toBe(false);
    expect(await exists(atCutoff)).toBe(true);
    expect(await exists(yesterday)).toBe(true);
    expect(await exists(current)).toBe(true);
  });

  it("changes no limit: a client at its limit stays blocked, a pruned one starts a fresh window as it would anyway", async () => {
    const now = new Date("2026-03-11T12:30:00Z");
    const blocked = key("blocked");
    for (let i = 0; i < LIMIT.limit; i++) expect(await checkRateLimit(blocked, LIMIT, now)).toBe(true);
    expect(await checkRateLimit(blocked, LIMIT, now)).toBe(false);
    const returning = await bucket("returning", new Date(now.getTime() - 3 * 24 * HOUR));

    await pruneRateLimitBuckets(now);

    expect(await checkRateLimit(blocked, LIMIT, now)).toBe(false);
    expect(await exists(returning)).toBe(false);
    expect(await checkRateLimit(returning, LIMIT, now)).toBe(true);
    expect((await prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: returning } })).count).toBe(1);
  });
});

describe("the mail worker's poller prunes at most once per interval", () => {
  let worker: OutboxPoller | undefined;
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });

  it("runs the prune on its first pass, not again within the hour, however often it polls", async () => {
    const runs: Date[] = [];
    const stale = await bucket("stale", new Date(Date.now() - 3 * 24 * HOUR));
    worker = startMailOutboxWorker({
      transport: silentTransport,
      intervalMs: 10,
      housekeeping: {
        everyMs: RATE_LIMIT_PRUNE_INTERVAL_MS,
        run: async (now) => {
          runs.push(now);
          await pruneRateLimitBuckets(now);
        },
      },
    });
    await vi.waitFor(async () => expect(await exists(stale)).toBe(false));

    const staleLater = await bucket("stale-later", new Date(Date.now() - 3 * 24 * HOUR));
    await pollProbe();
    await pollProbe();

    expect(runs).toHaveLength(1);
    expect(await exists(staleLater)).toBe(true);
    await prisma.rateLimitBucket.delete({ where: { key: staleLater } });
  });

  it("runs again once the interval has passed; a failing job is reported and the mail goes on", async () => {
    let runs = 0;
    const errors: unknown[] = [];
    worker = startMailOutboxWorker({
      transport: silentTransport,
      intervalMs: 10,
      onError: (error) => errors.push(error),
      housekeeping: {
        everyMs: 30,
        run: async () => {
          runs += 1;
          throw new Error("prune failed");
        },
      },
    });
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(2));
    await pollProbe();
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((e) => e instanceof Error && e.message === "prune failed")).toBe(true);
  });
});
