import { prisma } from "~/utils/db.server.ts";
import { getSearchEngine } from "~/utils/search.server.ts";

export async function checkHealth() {
  const started = Date.now();
  try {
    const [oldest] = await prisma.$queryRaw<{ pending: bigint; oldest: Date | null }[]>`
      SELECT count(*) AS pending, min("createdAt") AS oldest FROM "OutboxEvent" WHERE "processedAt" IS NULL`;
    const search = await searchHealth();
    return {
      ok: search.ok,
      database: { ok: true, latencyMs: Date.now() - started },
      search,
      outbox: {
        pending: Number(oldest?.pending ?? 0),
        lagSeconds: oldest?.oldest ? Math.round((Date.now() - oldest.oldest.getTime()) / 1000) : 0,
      },
    };
  } catch {
    return { ok: false, database: { ok: false, latencyMs: Date.now() - started }, search: null, outbox: null };
  }
}

async function searchHealth() {
  try {
    const engine = await getSearchEngine();
    return { engine: engine.name, ...(await engine.health()) };
  } catch {
    return { engine: "unknown", ok: false, documents: 0 };
  }
}
