// Claims due outbox rows of one topic for this process, safely when several processes poll the
// same table: one statement locks candidate rows with FOR UPDATE SKIP LOCKED (rows another process
// is claiming are passed over, not waited for) and pushes their availableAt forward by a lease.
// Nobody else sees them as due until the lease runs out, so the claim needs no open transaction
// while the work (an SMTP call, an index write) runs. A process that dies mid-batch leaves its
// rows to be claimed again when the lease ends: delivery is at least once, never lost.
import type { OutboxTopic, Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";

export type ClaimedOutboxEvent = {
  id: bigint;
  kind: string;
  payload: Prisma.JsonValue;
  attempts: number;
  createdAt: Date;
};

export async function claimOutboxEvents(
  topic: OutboxTopic,
  opts: { batchSize: number; leaseMs: number; now?: Date },
): Promise<ClaimedOutboxEvent[]> {
  const now = opts.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + opts.leaseMs);
  // Re-checked after the lock (READ COMMITTED re-evaluates the WHERE on the locked row), so a row
  // another process claimed between our snapshot and our lock is dropped, not claimed twice.
  const rows = await prisma.$queryRaw<ClaimedOutboxEvent[]>`
    UPDATE "OutboxEvent" AS e
       SET "availableAt" = ${leaseUntil}
      FROM (
        SELECT "id" FROM "OutboxEvent"
         WHERE "topic" = ${topic}::"OutboxTopic" AND "processedAt" IS NULL AND "availableAt" <= ${now}
         ORDER BY "id"
         LIMIT ${opts.batchSize}
         FOR UPDATE SKIP LOCKED
      ) AS due
     WHERE e."id" = due."id"
 RETURNING e."id", e."kind", e."payload", e."attempts", e."createdAt"`;
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
