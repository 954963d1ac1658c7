// The two ends of a claimed outbox row: done (processedAt set, kept for the record) or failed
// (attempts + 1, the error for people reading the table, and the next try after a backoff).
import { prisma } from "~/utils/db.server.ts";
import { outboxRetryDelayMs, type OutboxRetryPolicy } from "./outbox-retry-delay.ts";

/** lastError is for people reading the table; a long stack is cut. */
const MAX_ERROR_LENGTH = 1_000;

/** Marks rows done. `note` records why a row was closed without doing its work (e.g. "skipped: …"). */
export async function markOutboxEventsProcessed(ids: bigint[], opts: { now?: Date; note?: string } = {}): Promise<void> {
  if (ids.length === 0) return;
  await prisma.outboxEvent.updateMany({
    where: { id: { in: ids }, processedAt: null },
    data: { processedAt: opts.now ?? new Date(), ...(opts.note ? { lastError: opts.note } : {}) },
  });
}

/** Keeps the row pending and schedules its next try by the policy's exponential backoff. */
export async function markOutboxEventFailed(
  event: { id: bigint; attempts: number },
  error: unknown,
  policy: OutboxRetryPolicy,
  opts: { now?: Date } = {},
): Promise<Date> {
  const now = opts.now ?? new Date();
  const attempts = event.attempts + 1;
  const availableAt = new Date(now.getTime() + outboxRetryDelayMs(attempts, policy));
  await prisma.outboxEvent.updateMany({
    where: { id: event.id, processedAt: null },
    data: { attempts, lastError: errorMessage(error).slice(0, MAX_ERROR_LENGTH), availableAt },
  });
  return availableAt;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
