import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { claimOutboxEvents } from "~/modules/outbox/claim-outbox-events.server.ts";
import { outboxRetryDelayMs } from "~/modules/outbox/outbox-retry-delay.ts";
import { createCase, createCounty } from "../tests/factories/index.ts";
import { SEARCH_CLAIM_LEASE_MS, SEARCH_RETRY_POLICY, processSearchOutbox } from "./outbox-worker.server.ts";
import type { SearchDocument, SearchEngine } from "./search-engine.ts";

// Other test files in this worker's database leave SEARCH rows too: a batch this large takes them
// all, so the rows written here are always in the pass under test.
const BATCH = 10_000;

/** Stand-in for a real engine: keeps documents in a map and counts every write it receives. */
class RecordingEngine implements SearchEngine {
  readonly name = "embedded" as const;
  readonly documents = new Map<string, SearchDocument>();
  readonly upserted: string[] = [];
  readonly removed: string[] = [];
  async upsert(documents: SearchDocument[]) {
    for (const d of documents) {
      this.documents.set(d.id, d);
      this.upserted.push(d.id);
    }
  }
  async remove(ids: string[]) {
    for (const id of ids) {
      this.documents.delete(id);
      this.removed.push(id);
    }
  }
  async clear() {
    this.documents.clear();
  }
  async search() {
    return { total: 0, hits: [], facets: {} };
  }
  async health() {
    return { ok: true, documents: this.documents.size };
  }
}

/** Stand-in for an engine that is down (Meilisearch unreachable): every write throws. */
class FailingEngine extends RecordingEngine {
  override async upsert(): Promise<void> {
    throw new Error("stand-in engine is down: connect ECONNREFUSED");
  }
  override async remove(): Promise<void> {
    throw new Error("stand-in engine is down: connect ECONNREFUSED");
  }
}

async function publishedCaseWithEvent() {
  const county = await createCounty();
  const row = await createCase(county, { status: "PUBLISHED", publicTitle: "急需手术费", publicStory: "公开故事", publishedAt: new Date() });
  const event = await prisma.outboxEvent.create({ data: { topic: "SEARCH", kind: "case.upsert", payload: { caseNo: row.caseNo } } });
  return { row, event };
}

/** The search worker's backoff: the shared rule with its own policy. */
const retryDelayMs = (attempts: number) => outboxRetryDelayMs(attempts, SEARCH_RETRY_POLICY);

describe("search retry policy", () => {
  it("retries after 1 s, doubling, and waits at most 5 minutes", () => {
    expect(retryDelayMs(1)).toBe(1_000);
    expect(retryDelayMs(2)).toBe(2_000);
    expect(retryDelayMs(3)).toBe(4_000);
    expect(retryDelayMs(50)).toBe(5 * 60_000);
  });
});

describe("processSearchOutbox", () => {
  it("keeps rows pending with a later retry while the engine is down, then applies them once", async () => {
    const a = await publishedCaseWithEvent();
    const b = await publishedCaseWithEvent();
    const ids = [a.event.id, b.event.id];
    const t0 = new Date(Date.now() + 1_000);

    const down = new FailingEngine();
    const failed = await processSearchOutbox(down, { now: t0, batchSize: BATCH });
    expect(failed.failed).toBeGreaterThanOrEqual(2);
    for (const row of await prisma.outboxEvent.findMany({ where: { id: { in: ids } } })) {
      expect(row.processedAt).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.lastError).toContain("ECONNREFUSED");
      expect(row.availableAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));
    }

    // Not due yet: a pass at the same moment leaves them alone, even with a working engine.
    const up = new RecordingEngine();
    await processSearchOutbox(up, { now: t0, batchSize: BATCH });
    expect(up.upserted).not.toContain(`need:${a.row.caseNo}`);

    // A second failure backs off further.
    const t1 = new Date(t0.getTime() + retryDelayMs(1));
    await processSearchOutbox(down, { now: t1, batchSize: BATCH });
    const afterSecond = await prisma.outboxEvent.findUniqueOrThrow({ where: { id: a.event.id } });
    expect(afterSecond.attempts).toBe(2);
    expect(afterSecond.availableAt.getTime()).toBe(t1.getTime() + retryDelayMs(2));

    // The engine is back: the rows are applied and marked processed.
    const t2 = new Date(t1.getTime() + retryDelayMs(2));
    const applied = await processSearchOutbox(up, { now: t2, batchSize: BATCH });
    expect(applied.failed).toBe(0);
    expect(up.documents.get(`need:${a.row.caseNo}`)?.title).toBe("急需手术费");
    expect(up.documents.has(`need:${b.row.caseNo}`)).toBe(true);
    for (const row of await prisma.outboxEvent.findMany({ where: { id: { in: ids } } })) {
      expect(row.processedAt?.getTime()).toBe(t2.getTime());
      expect(row.attempts).toBe(2);
    }

    // … and only once: a later pass finds nothing of theirs to do.
    await processSearchOutbox(up, { now: new Date(t2.getTime() + SEARCH_RETRY_POLICY.maxMs + SEARCH_CLAIM_LEASE_MS), batchSize: BATCH });
    expect(up.upserted.filter((id) => id === `need:${a.row.caseNo}`)).toHaveLength(1);
  });

  it("removes the document of a case that is no longer public, whatever the event's verb", async () => {
    const { row } = await publishedCaseWithEvent();
    const engine = new RecordingEngine();
    await processSearchOutbox(engine, { now: new Date(Date.now() + 1_000), batchSize: BATCH });
    expect(engine.documents.has(`need:${row.caseNo}`)).toBe(true);

    await prisma.case.update({ where: { id: row.id }, data: { status: "VERIFIED" } });
    await prisma.outboxEvent.create({ data: { topic: "SEARCH", kind: "case.upsert", payload: { caseNo: row.caseNo } } });
    await processSearchOutbox(engine, { now: new Date(Date.now() + 2_000), batchSize: BATCH });
    expect(engine.documents.has(`need:${row.caseNo}`)).toBe(false);
    expect(engine.removed).toContain(`need:${row.caseNo}`);
  });

  it("closes events of an unknown kind without touching the engine, and skips other topics", async () => {
    const unknown = await prisma.outboxEvent.create({ data: { topic: "SEARCH", kind: "spaceship.upsert", payload: { id: "x" } } });
    const mail = await prisma.outboxEvent.create({ data: { topic: "MAIL", kind: "case.upsert", payload: { caseNo: "x" } } });
    await processSearchOutbox(new RecordingEngine(), { now: new Date(Date.now() + 1_000), batchSize: BATCH });
    expect((await prisma.outboxEvent.findUniqueOrThrow({ where: { id: unknown.id } })).lastError).toMatch(/unknown kind/);
    expect((await prisma.outboxEvent.findUniqueOrThrow({ where: { id: mail.id } })).processedAt).toBeNull();
  });

  it("refreshes an organisation's projects when its status changes", async () => {
    const county = await createCounty();
    const org = await prisma.organization.create({
      data: { name: "测试基金会", kind: "CHARITY", creditCode: `T${crypto.randomBytes(8).toString("hex")}`.slice(0, 18), status: "VETTED", regionCode: county.code, description: "d", contactName: "c", contactPhone: "p" },
    });
    const project = await prisma.project.create({
      data: { organizationId: org.id, title: "助学项目", summary: "s", description: "d", categories: ["EDUCATION"], regionCodes: [county.code], perCaseCapFen: 1, budgetFen: 1 },
    });
    await prisma.outboxEvent.create({ data: { topic: "SEARCH", kind: "project.upsert", payload: { id: project.id } } });
    const engine = new RecordingEngine();
    await processSearchOutbox(engine, { now: new Date(Date.now() + 1_000), batchSize: BATCH });
    expect(engine.documents.has(`project:${project.id}`)).toBe(true);

    await prisma.organization.update({ where: { id: org.id }, data: { status: "SUSPENDED" } });
    await prisma.outboxEvent.create({ data: { topic: "SEARCH", kind: "organization.upsert", payload: { id: org.id } } });
    await processSearchOutbox(engine, { now: new Date(Date.now() + 2_000), batchSize: BATCH });
    expect(engine.documents.has(`project:${project.id}`)).toBe(false);
    expect(engine.documents.has(`organization:${org.id}`)).toBe(false);
  });

  it("two workers polling at the same moment never apply one row twice, and between them apply every row", async () => {
    const now = new Date(Date.now() + 1_000);
    // Take whatever other files left due, so the race below is over this test's rows only.
    await processSearchOutbox(new RecordingEngine(), { now, batchSize: BATCH });
    const cases = [];
    for (let i = 0; i < 12; i++) cases.push(await publishedCaseWithEvent());

    const first = new RecordingEngine();
    const second = new RecordingEngine();
    const drain = async (engine: SearchEngine) => {
      while ((await processSearchOutbox(engine, { now, batchSize: 3 })).claimed > 0);
    };
    await Promise.all([drain(first), drain(second)]);

    for (const { row } of cases) {
      const applied = [...first.upserted, ...second.upserted].filter((id) => id === `need:${row.caseNo}`);
      expect(applied).toHaveLength(1);
    }
    const rows = await prisma.outboxEvent.findMany({ where: { id: { in: cases.map((c) => c.event.id) } } });
    expect(rows.every((r) => r.processedAt?.getTime() === now.getTime() && r.attempts === 0)).toBe(true);
  });

  it("rows claimed by a process that died are left alone until the claim lapses, then applied", async () => {
    const now = new Date(Date.now() + 1_000);
    await processSearchOutbox(new RecordingEngine(), { now, batchSize: BATCH });
    const { row, event } = await publishedCaseWithEvent();
    // A process claims the row and dies before applying it.
    const claimed = await claimOutboxEvents("SEARCH", { batchSize: BATCH, leaseMs: SEARCH_CLAIM_LEASE_MS, now });
    expect(claimed.map((e) => e.id)).toContain(event.id);

    const engine = new RecordingEngine();
    await processSearchOutbox(engine, { now: new Date(now.getTime() + SEARCH_CLAIM_LEASE_MS - 1), batchSize: BATCH });
    expect(engine.documents.has(`need:${row.caseNo}`)).toBe(false);

    const later = new Date(now.getTime() + SEARCH_CLAIM_LEASE_MS);
    await processSearchOutbox(engine, { now: later, batchSize: BATCH });
    expect(engine.documents.has(`need:${row.caseNo}`)).toBe(true);
    expect((await prisma.outboxEvent.findUniqueOrThrow({ where: { id: event.id } })).processedAt?.getTime()).toBe(later.getTime());
  });
});
