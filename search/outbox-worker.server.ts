// Applies SEARCH outbox rows to the search engine (DESIGN §7): rows are written in the same
// transaction as the change; this worker reads them in id order and, with retry and backoff, makes
// the index agree with the database. An engine that is down loses nothing: its rows stay pending.
//
// Each event names a document ("case.upsert" {caseNo}, "project.remove" {id} …). The worker does
// not trust the event's verb: it loads the row as it is NOW and upserts the document if the row is
// public, removes it otherwise. So events are idempotent and their order does not matter: a stale
// "upsert" retried after a later "remove" still removes, and re-applying a row changes nothing.
import type { OutboxEvent } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  documentId,
  listOrganizationResourceKeys,
  loadNeedDocument,
  loadOrganizationDocument,
  loadProjectDocument,
  loadVolunteerOfferDocument,
} from "./public-documents.server.ts";
import type { DocumentType, SearchDocument, SearchEngine } from "./search-engine.ts";

export const SEARCH_OUTBOX_BATCH_SIZE = 100;
/** First retry after this long; each further failure doubles it … */
export const SEARCH_OUTBOX_RETRY_BASE_MS = 1_000;
/** … up to this cap, so an engine back after an outage is caught up within minutes. */
export const SEARCH_OUTBOX_RETRY_MAX_MS = 5 * 60_000;
export const SEARCH_OUTBOX_POLL_INTERVAL_MS = 1_000;
/** lastError is for people reading the table; a long stack is cut. */
const MAX_ERROR_LENGTH = 1_000;

/** The wait before retry number `attempts` (1 = after the first failure): exponential, capped. */
export function retryDelayMs(attempts: number): number {
  return Math.min(SEARCH_OUTBOX_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), SEARCH_OUTBOX_RETRY_MAX_MS);
}

/** Outbox kinds, by the document type they touch and the payload field holding its key. */
const KIND_TARGETS: Record<string, { type: DocumentType; field: "caseNo" | "id" }> = {
  case: { type: "need", field: "caseNo" },
  need: { type: "need", field: "caseNo" },
  project: { type: "project", field: "id" },
  organization: { type: "organization", field: "id" },
  volunteerOffer: { type: "volunteerOffer", field: "id" },
};

type Target = { type: DocumentType; key: string };

/** The document an event names, or null for a kind or payload this worker does not know. */
export function targetOf(event: Pick<OutboxEvent, "kind" | "payload">): Target | null {
  const match = /^(\w+)\.(upsert|remove)$/.exec(event.kind);
  const target = match ? KIND_TARGETS[match[1]!] : undefined;
  const payload = event.payload as Record<string, unknown> | null;
  const key = target && payload && typeof payload === "object" ? payload[target.field] : undefined;
  return target && typeof key === "string" && key ? { type: target.type, key } : null;
}

async function loadDocument(target: Target, now: Date): Promise<SearchDocument | null> {
  switch (target.type) {
    case "need":
      return loadNeedDocument(target.key);
    case "project":
      return loadProjectDocument(target.key);
    case "volunteerOffer":
      return loadVolunteerOfferDocument(target.key, now);
    case "organization":
      return loadOrganizationDocument(target.key);
  }
}

/** An organisation's vetting status and name show in its projects' and team offers' documents too. */
async function expand(target: Target): Promise<Target[]> {
  if (target.type !== "organization") return [target];
  const { projectIds, volunteerOfferIds } = await listOrganizationResourceKeys(target.key);
  return [
    target,
    ...projectIds.map((key) => ({ type: "project" as const, key })),
    ...volunteerOfferIds.map((key) => ({ type: "volunteerOffer" as const, key })),
  ];
}

export type OutboxRunResult = { processed: number; failed: number; skipped: number };

/**
 * One pass: up to `batchSize` due SEARCH rows in id order, applied together (one upsert and one
 * remove call). On success every row is marked processed; on failure every row of the batch gets
 * attempts + 1, the error and a later availableAt, and is retried by a later pass.
 */
export async function processSearchOutbox(
  engine: SearchEngine,
  opts: { batchSize?: number; now?: Date } = {},
): Promise<OutboxRunResult> {
  const now = opts.now ?? new Date();
  const events = await prisma.outboxEvent.findMany({
    where: { topic: "SEARCH", processedAt: null, availableAt: { lte: now } },
    orderBy: { id: "asc" },
    take: opts.batchSize ?? SEARCH_OUTBOX_BATCH_SIZE,
  });
  if (events.length === 0) return { processed: 0, failed: 0, skipped: 0 };

  const known = events.filter((e) => targetOf(e));
  const unknown = events.filter((e) => !targetOf(e));
  // An event nobody can apply would block nothing but would be retried forever: close it, and say why.
  if (unknown.length > 0) {
    await prisma.outboxEvent.updateMany({
      where: { id: { in: unknown.map((e) => e.id) } },
      data: { processedAt: now, lastError: "skipped: unknown kind or payload" },
    });
  }

  try {
    const targets = new Map<string, Target>();
    for (const event of known) {
      for (const t of await expand(targetOf(event)!)) targets.set(documentId(t.type, t.key), t);
    }
    const upserts: SearchDocument[] = [];
    const removals: string[] = [];
    for (const [id, target] of targets) {
      const document = await loadDocument(target, now);
      if (document) upserts.push(document);
      else removals.push(id);
    }
    if (removals.length > 0) await engine.remove(removals);
    if (upserts.length > 0) await engine.upsert(upserts);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    await prisma.$transaction(
      known.map((e) =>
        prisma.outboxEvent.update({
          where: { id: e.id },
          data: { attempts: { increment: 1 }, lastError: message, availableAt: new Date(now.getTime() + retryDelayMs(e.attempts + 1)) },
        }),
      ),
    );
    return { processed: 0, failed: known.length, skipped: unknown.length };
  }

  await prisma.outboxEvent.updateMany({ where: { id: { in: known.map((e) => e.id) } }, data: { processedAt: now } });
  return { processed: known.length, failed: 0, skipped: unknown.length };
}

/**
 * Polls the outbox in the background until stopped. One worker per process; two processes would
 * at worst apply a row twice, which the reconcile-from-the-database design makes harmless.
 */
export function startSearchOutboxWorker(
  engine: SearchEngine,
  opts: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): { stop: () => Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        // Drain: keep going while full batches come back, then wait for the next poll.
        while (!stopped && (await processSearchOutbox(engine)).processed === SEARCH_OUTBOX_BATCH_SIZE);
      } catch (error) {
        opts.onError?.(error);
      }
      if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? SEARCH_OUTBOX_POLL_INTERVAL_MS);
    })();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
