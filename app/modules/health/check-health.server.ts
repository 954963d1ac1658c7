import { OutboxTopic } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { getSearchEngine } from "~/utils/search.server.ts";

type OutboxLag = { pending: number; lagSeconds: number };

export async function checkHealth(now = new Date()) {
  const started = Date.now();
  try {
    const outbox = await outboxLag(now);
    const search = await searchHealth();
    return {
      ok: search.ok,
      database: { ok: true, latencyMs: Date.now() - started },
      search,
      outbox,
    };
  } catch {
    return { ok: false, database: { ok: false, latencyMs: Date.now() - started }, search: null, outbox: null };
  }
}

/**
 * Rows not yet processed and the age of the oldest, in all and per topic (a stale index and a mail
 * server that is down look alike in the total). A row claimed by a worker, or waiting for its retry
 * after a failure, is still pending: lag counts from when the change was written (createdAt).
 */
async function outboxLag(now: Date): Promise<OutboxLag & { topics: Record<OutboxTopic, OutboxLag> }> {
  const topics = Object.values(OutboxTopic);
  // The topic condition lets PostgreSQL use the (topic, processedAt, availableAt) index instead of
  // reading every processed row the table keeps for the record.
  const groups = await prisma.outboxEvent.groupBy({
    by: ["topic"],
    where: { topic: { in: topics }, processedAt: null },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  const lagOf = (oldest: Date | null | undefined) => (oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0);
  const byTopic = Object.fromEntries(
    topics.map((topic) => {
      const group = groups.find((g) => g.topic === topic);
      return [topic, { pending: group?._count._all ?? 0, lagSeconds: lagOf(group?._min.createdAt) }];
    }),
  ) as Record<OutboxTopic, OutboxLag>;
  return {
    pending: groups.reduce((sum, g) => sum + g._count._all, 0),
    lagSeconds: Math.max(0, ...Object.values(byTopic).map((t) => t.lagSeconds)),
    topics: byTopic,
  };
}

async function searchHealth() {
  try {
    const engine = await getSearchEngine();
    return { engine: engine.name, ...(await engine.health()) };
  } catch {
    return { engine: "unknown", ok: false, documents: 0 };
  }
}
