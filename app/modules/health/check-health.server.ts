import { prisma } from "~/utils/db.server.ts";

export async function checkHealth() {
  const started = Date.now();
  try {
    const [oldest] = await prisma.$queryRaw<{ pending: bigint; oldest: Date | null }[]>`
      SELECT count(*) AS pending, min("createdAt") AS oldest FROM "OutboxEvent" WHERE "processedAt" IS NULL`;
    return {
      ok: true,
      database: { ok: true, latencyMs: Date.now() - started },
      // The search subsystem (issue 4) reports here; until then the embedded engine is the default.
      search: { engine: "embedded" },
      outbox: {
        pending: Number(oldest?.pending ?? 0),
        lagSeconds: oldest?.oldest ? Math.round((Date.now() - oldest.oldest.getTime()) / 1000) : 0,
      },
    };
  } catch {
    return { ok: false, database: { ok: false, latencyMs: Date.now() - started }, search: { engine: "embedded" }, outbox: null };
  }
}
