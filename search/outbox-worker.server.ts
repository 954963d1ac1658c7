// Applies SEARCH outbox rows to the search engine (DESIGN §7): rows are written in the same
// transaction as the change; this worker claims them in id order (app/modules/outbox, shared with
// the mail worker) and, with retry and backoff, makes the index agree with the database. An engine
// that is down loses nothing: its rows stay pending and are applied when it is back.
//
// Each event names a document ("case.upsert" {caseNo}, "project.remove" {id} …). The worker does
// not trust the event's verb: it loads the row as it is NOW and upserts the document if the row is
// public, removes it otherwise. So events are idempotent and their order does not matter: a stale
// "upsert" retried after a later "remove" still removes, and re-applying a row changes nothing.
import { claimOutboxEvents, type ClaimedOutboxEvent } from "~/modules/outbox/claim-outbox-events.server.ts";
import type { OutboxRetryPolicy } from "~/modules/outbox/outbox-retry-delay.ts";
import { markOutboxEventFailed, markOutboxEventsProcessed } from "~/modules/outbox/settle-outbox-event.server.ts";
import { startOutboxPoller, type OutboxPoller } from "~/modules/outbox/start-outbox-poller.server.ts";
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
/** First retry after 1 s, doubling up to 5 min, so an engine back after an outage is caught up within minutes. */
export const SEARCH_RETRY_POLICY: OutboxRetryPolicy = { baseMs: 1_000, maxMs: 5 * 60_000 };
/** How long a claimed batch is hidden from other processes; far longer than one engine write takes. */
export const SEARCH_CLAIM_LEASE_MS = 2 * 60_000;
export const SEARCH_OUTBOX_POLL_INTERVAL_MS = 1_000;

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
export function targetOf(event: Pick<ClaimedOutboxEvent, "kind" | "payload">): Target | null {
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

export type OutboxRunResult = { claimed: number; processed: number; failed: number; skipped: number };

/**
 * One pass: claims up to `batchSize` due SEARCH rows (see claimOutboxEvents: two processes never
 * claim the same row) and applies them together (one upsert and one remove call). On success every
 * row is marked processed; on failure every row of the batch gets attempts + 1, the error and a
 * later availableAt by SEARCH_RETRY_POLICY, and is retried by a later pass.
 */
export async function processSearchOutbox(
  engine: SearchEngine,
  opts: { batchSize?: number; now?: Date } = {},
): Promise<OutboxRunResult> {
  const now = opts.now ?? new Date();
  const events = await claimOutboxEvents("SEARCH", { batchSize: opts.batchSize ?? SEARCH_OUTBOX_BATCH_SIZE, leaseMs: SEARCH_CLAIM_LEASE_MS, now });
  const result: OutboxRunResult = { claimed: events.length, processed: 0, failed: 0, skipped: 0 };
  if (events.length === 0) return result;

  const known = events.filter((e) => targetOf(e));
  const unknown = events.filter((e) => !targetOf(e));
  // An event nobody can apply would block nothing but would be retried forever: close it, and say why.
  await markOutboxEventsProcessed(unknown.map((e) => e.id), { now, note: "skipped: unknown kind or payload" });
  result.skipped = unknown.length;

  try {
    await applyToEngine(engine, known, now);
  } catch (error) {
    for (const event of known) await markOutboxEventFailed(event, error, SEARCH_RETRY_POLICY, { now });
    result.failed = known.length;
    return result;
  }
  await markOutboxEventsProcessed(known.map((e) => e.id), { now });
  result.processed = known.length;
  return result;
}

/** Reconciles every document the events name with the database as it is now. */
async function applyToEngine(engine: SearchEngine, events: ClaimedOutboxEvent[], now: Date): Promise<void> {
  const targets = new Map<string, Target>();
  for (const event of events) {
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
}

/**
 * Polls the outbox in the background until stopped. Several processes may each run one: claims
 * keep them off each other's rows, and a row applied twice after a lapsed claim is harmless
 * because the worker reconciles from the database.
 */
export function startSearchOutboxWorker(
  engine: SearchEngine,
  opts: { intervalMs?: number; batchSize?: number; onError?: (error: unknown) => void } = {},
): OutboxPoller {
  const batchSize = opts.batchSize ?? SEARCH_OUTBOX_BATCH_SIZE;
  return startOutboxPoller(() => processSearchOutbox(engine, { batchSize }), {
    batchSize,
    intervalMs: opts.intervalMs ?? SEARCH_OUTBOX_POLL_INTERVAL_MS,
    onError: opts.onError,
  });
}
