// Donations benchmark (issue 5): card payments delivered to the running server's Stripe webhook.
//
//   phase 1  10,000 checkout.session.completed events + 20 % redeliveries, shuffled, 8 at a time,
//            signed beforehand (Stripe's work, not the app's) → recorded gifts/s, then every check
//            of "exactly once, ledger balanced" in SQL;
//   phase 2  a new batch of 10,000: the server is killed with SIGKILL
//            once ~40 % of its deliveries are acknowledged, started again, and every delivery that
//            got no 2xx is sent again (plus the last 200 acknowledged ones, and the deliveries not
//            yet made) → the same checks;
//   ceilings the bare Remix resource route GET /ping through the same client at the same
//            concurrency, the webhook answering a bad signature (400: route, body and HMAC, no
//            database), and bare BEGIN/INSERT/COMMIT transactions on the same database, so the
//            cost of recording a gift reads as a ratio. Target: gifts/s ≥ 50 % of the bare route.
//
// Everything runs on its own: an embedded PostgreSQL in data/bench-donations-<port>/ (fsync on),
// the Stripe test stand-in, the production build (rebuilt only when stale) served by the real
// server in a child process. All of it is stopped and removed at the end, on failure or Ctrl-C.
// Exit code 1 when a check FAILs (the target is reported, not enforced).
//
// Run: npm run bench:donations
//   DONATIONS_BENCH_GIFTS=2000 DONATIONS_BENCH_CRASH_GIFTS=2000  other batch sizes (0 skips phase 2)
//   DONATIONS_BENCH_FSYNC=off                                     PostgreSQL without fsync
//   DONATIONS_BENCH_CPU_PROFILE=data/phase1.cpuprofile             the server's CPU profile of phase 1
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { STAND_IN_SECRET_KEY, STAND_IN_WEBHOOK_SECRET, startStripeStandIn, type StripeEventShape } from "../support/stripe-stand-in.ts";
import { measureBareInserts, measureBareRoute } from "./donations/baselines.ts";
import { runChecks, type Check } from "./donations/checks.ts";
import { cpuPerItem, cpuSnapshot } from "./donations/cpu-time.ts";
import { sampleWaits } from "./donations/wait-sampler.ts";
import { AppProcess, cleanup, eventLoopLine, freePort, onCleanup, prepareBuild, startDatabase } from "./donations/cluster.ts";
import { postEvent, postPresigned, presign, runConcurrently, statsOf, type DeliveryResult, type RunStats } from "./donations/deliver.ts";
import { createCases, createPendingGifts, createWorld, prng, shuffle, type PlannedGift } from "./donations/fixtures.ts";

const CONCURRENCY = 8;
const PHASE1_GIFTS = Number(process.env.DONATIONS_BENCH_GIFTS ?? 10_000);
const PHASE2_GIFTS = Number(process.env.DONATIONS_BENCH_CRASH_GIFTS ?? 10_000);
const DUPLICATE_SHARE = 0.2;
const KILL_AFTER_ACKED_SHARE = 0.4;
const RESEND_LAST_ACKED = 200;
/** Gifts per case on average (fixtures.ts draws the targets from it). */
const GIFTS_PER_CASE = 25;
const MEAN_GIFT_FEN = 25_550;
const BARE_ROUTE_REQUESTS = 10_000;
const BARE_INSERT_TRANSACTIONS = 8_000;
const BAD_SIGNATURE_REQUESTS = 3_000;
/** Stripe retries a delivery that got no 2xx; so does the benchmark, this many rounds at most. */
const MAX_RETRY_ROUNDS = 5;
const TARGET_RATIO = 0.5;
const SEED = 20_261_123;
const FSYNC = process.env.DONATIONS_BENCH_FSYNC !== "off";
const CPU_PROFILE = process.env.DONATIONS_BENCH_CPU_PROFILE ? path.resolve(process.env.DONATIONS_BENCH_CPU_PROFILE) : null;

const runStarted = performance.now();
const elapsed = () => `${((performance.now() - runStarted) / 1000).toFixed(0).padStart(4)} s`;
const log = (line: string) => console.log(`[${elapsed()}] ${line}`);
const fmt = (v: number, digits = 0) => v.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const rateLine = (s: RunStats) => `${fmt(s.perSecond)}/s over ${fmt(s.seconds, 2)} s · latency p50 ${fmt(s.p50, 1)} ms · p95 ${fmt(s.p95, 1)} ms · p99 ${fmt(s.p99, 1)} ms`;

type Delivery = { event: StripeEventShape; donationId: string };

/** Every event once and a random 20 % of them a second time, in a seeded random order. */
function planDeliveries(gifts: PlannedGift[], random: () => number): Delivery[] {
  const deliveries: Delivery[] = gifts.map((g) => ({ event: g.event, donationId: g.donationId }));
  const duplicates = shuffle([...gifts], random).slice(0, Math.round(gifts.length * DUPLICATE_SHARE));
  for (const g of duplicates) deliveries.push({ event: g.event, donationId: g.donationId });
  return shuffle(deliveries, random);
}

const isOk = (r: DeliveryResult) => r.status >= 200 && r.status < 300;

/** Sends again, as Stripe would, every delivery that got no 2xx, until all have one. */
async function retryUntilAcknowledged(app: AppProcess, failed: Delivery[]): Promise<{ rounds: number; resent: number }> {
  let pending = failed;
  let rounds = 0;
  let resent = 0;
  while (pending.length > 0 && rounds < MAX_RETRY_ROUNDS) {
    rounds += 1;
    resent += pending.length;
    const batch = pending;
    const { results } = await runConcurrently(batch.length, (i) => postEvent(app.url, batch[i]!.event, STAND_IN_WEBHOOK_SECRET), { concurrency: CONCURRENCY });
    pending = results.filter((r) => !isOk(r)).map((r) => batch[r.index]!);
  }
  if (pending.length > 0) throw new Error(`${pending.length} deliveries still without a 2xx after ${MAX_RETRY_ROUNDS} rounds`);
  return { rounds, resent };
}

function printChecks(title: string, checks: Check[], facts: string[]) {
  console.log(`\n  ${title}`);
  for (const c of checks) console.log(`    ${c.ok ? "PASS" : "FAIL"}  ${c.name} — ${c.detail}`);
  for (const f of facts) console.log(`    ·     ${f}`);
}

/** "200 × 1,500 (300 of them: already settled, nothing done)", and refused or reset connections. */
function statusSummary(results: DeliveryResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) {
    const key = r.status === 0 ? `no answer (${r.error})` : String(r.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const duplicates = results.filter((r) => r.duplicate).length;
  const summary = [...counts.entries()].map(([k, v]) => `${k} × ${fmt(v)}`).join(", ");
  return duplicates > 0 ? `${summary} (${fmt(duplicates)} of them: already settled, nothing done)` : summary;
}

/** The receipt mails the background process (scripts/worker.ts, at a lower priority) rendered and wrote meanwhile. */
async function mailsSent(pool: pg.Pool): Promise<string> {
  const [row] = (await pool.query(`SELECT count(*) FILTER (WHERE "processedAt" IS NOT NULL) AS sent, count(*) AS queued FROM "OutboxEvent" WHERE "topic" = 'MAIL'`)).rows as [{ sent: string; queued: string }];
  return `${fmt(Number(row.sent))} of ${fmt(Number(row.queued))} receipt mails queued so far written by the background process`;
}

/** Phase 2: deliveries with the server killed (SIGKILL) mid-run and restarted, then the same checks. */
async function crashPhase(app: AppProcess, pool: pg.Pool, gifts2: PlannedGift[], earlierEvents: number, random: () => number) {
  const plan2 = planDeliveries(gifts2, random);
  const killAfter = Math.round(plan2.length * KILL_AFTER_ACKED_SHARE);
  log(`phase 2: delivering ${fmt(plan2.length)} (${fmt(gifts2.length)} events + ${fmt(plan2.length - gifts2.length)} redeliveries); SIGKILL to the server after ${fmt(killAfter)} are acknowledged …`);
  const kill = { acked: 0, at: 0, done: null as Promise<void> | null };
  const killedPid = app.pid;
  const pass2Started = performance.now();
  const pass2 = await runConcurrently(plan2.length, (i) => postEvent(app.url, plan2[i]!.event, STAND_IN_WEBHOOK_SECRET), {
    concurrency: CONCURRENCY,
    shouldStop: () => kill.done !== null,
    onResult: (r) => {
      if (isOk(r)) kill.acked += 1;
      if (kill.acked >= killAfter && !kill.done) {
        kill.at = performance.now();
        kill.done = app.kill("SIGKILL");
      }
    },
  });
  if (!kill.done) throw new Error("phase 2 ended before the server was killed");
  await kill.done;
  const beforeKill = pass2.results.filter((r) => r.endedAt <= kill.at);
  const inFlight = pass2.results.filter((r) => r.endedAt > kill.at);
  const stats2a = statsOf(beforeKill, (kill.at - pass2Started) / 1000);
  log(`phase 2: kill -9 ${killedPid} after ${fmt(kill.acked)} acknowledged (${fmt(stats2a.perSecond)} deliveries/s until then); the ${inFlight.length} in flight got: ${statusSummary(inFlight) || "nothing"}`);
  const [{ count: paidAtKill }] = (await pool.query(`SELECT count(*) FROM "Donation" WHERE "id" LIKE 'bench_donation_b2_%' AND "status" = 'PAID'`)).rows as [{ count: string }];
  const [{ count: stuck }] = (await pool.query(`SELECT count(*) FROM "StripeEvent" WHERE "id" LIKE 'evt_test_bench_b2_%' AND "status" <> 'PROCESSED'`)).rows as [{ count: string }];
  log(`phase 2: in the database after the kill: ${fmt(Number(paidAtKill))} of ${fmt(gifts2.length)} gifts PAID, ${fmt(Number(stuck))} inbox rows other than PROCESSED`);
  // A 2xx is given only after the commit: every payment acknowledged before the kill must be in the database.
  const ackedIds = [...new Set(pass2.results.filter(isOk).map((r) => plan2[r.index]!.donationId))];
  const [{ count: ackedPaid }] = (await pool.query(`SELECT count(*) FROM "Donation" WHERE "id" = ANY($1) AND "status" = 'PAID'`, [ackedIds])).rows as [{ count: string }];
  const ackCheck: Check = {
    name: "every payment acknowledged before the kill was already recorded",
    ok: Number(ackedPaid) === ackedIds.length,
    detail: `${fmt(Number(ackedPaid))} of the ${fmt(ackedIds.length)} acknowledged payments PAID right after the kill`,
  };

  const restartMs = await app.start();
  log(`phase 2: server restarted as ${app.pid} in ${fmt(restartMs)} ms (${fmt((performance.now() - kill.at) / 1000, 1)} s after the kill)`);

  const attempted = new Set(pass2.results.map((r) => r.index));
  const notAttempted = plan2.filter((_, i) => !attempted.has(i));
  const failedDeliveries = pass2.results.filter((r) => !isOk(r)).map((r) => plan2[r.index]!);
  const lastAcked = pass2.results.filter(isOk).sort((a, b) => b.endedAt - a.endedAt).slice(0, RESEND_LAST_ACKED).map((r) => plan2[r.index]!);
  const resend = shuffle([...notAttempted, ...failedDeliveries, ...lastAcked], random);
  log(`phase 2: sending ${fmt(resend.length)}: ${fmt(failedDeliveries.length)} that got no 2xx + the last ${lastAcked.length} acknowledged + ${fmt(notAttempted.length)} not yet made …`);
  const pass2b = await runConcurrently(resend.length, (i) => postEvent(app.url, resend[i]!.event, STAND_IN_WEBHOOK_SECRET), { concurrency: CONCURRENCY });
  const stats2b = statsOf(pass2b.results, pass2b.seconds);
  log(`phase 2: after the restart answers ${statusSummary(pass2b.results)}; ${rateLine(stats2b)}`);
  const failed2 = pass2b.results.filter((r) => !isOk(r)).map((r) => resend[r.index]!);
  if (failed2.length > 0) {
    const retried = await retryUntilAcknowledged(app, failed2);
    log(`phase 2: ${fmt(failed2.length)} deliveries without a 2xx sent again (${retried.rounds} rounds, ${fmt(retried.resent)} requests)`);
  }
  const checked = await runChecks(pool, { batch: 2, donationCount: gifts2.length, distinctEvents: gifts2.length }, earlierEvents + gifts2.length);
  const checks = [ackCheck, ...checked.checks];
  printChecks("phase 2 checks (after kill -9 and restart)", checks, checked.facts);
  return { checks, facts: checked.facts };
}

async function main() {
  const [load1, load5] = os.loadavg();
  console.log(`donations bench: ${fmt(PHASE1_GIFTS)} + ${fmt(PHASE2_GIFTS)} card payments, ${DUPLICATE_SHARE * 100} % redeliveries, concurrency ${CONCURRENCY}`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load average ${load1!.toFixed(2)} / ${load5!.toFixed(2)} (1 / 5 min) at start`);

  const db = await startDatabase({ fsync: FSYNC });
  log(`database: embedded PostgreSQL 17 on 127.0.0.1:${db.port} (${db.dir}), fsync ${FSYNC ? "on" : "OFF"}, migrations applied`);
  log(prepareBuild(db.dir));
  const standIn = await startStripeStandIn();
  onCleanup(() => standIn.stop());

  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  // The database is stopped during cleanup: an idle connection it closes is not an error.
  pool.on("error", () => {});
  onCleanup(async () => {
    if (!pool.ending) await pool.end();
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  onCleanup(() => prisma.$disconnect());

  const random = prng(SEED);
  const world = await createWorld(prisma);
  const caseOpts = { giftsPerCase: GIFTS_PER_CASE, meanGiftFen: MEAN_GIFT_FEN, random };
  const cases1 = await createCases(prisma, world, { ...caseOpts, batch: 1, count: Math.ceil(PHASE1_GIFTS / GIFTS_PER_CASE) });
  const cases2 = await createCases(prisma, world, { ...caseOpts, batch: 2, count: Math.ceil(PHASE2_GIFTS / GIFTS_PER_CASE) });

  const app = new AppProcess(
    { databaseUrl: db.url, stripeApiUrl: standIn.url, stripeSecretKey: STAND_IN_SECRET_KEY, stripeWebhookSecret: STAND_IN_WEBHOOK_SECRET, benchDir: db.dir },
    await freePort(),
  );
  const startupMs = await app.start();
  log(`server:   child process ${app.pid} on ${app.url} (NODE_ENV=production, Stripe → stand-in ${standIn.url}), ready in ${fmt(startupMs)} ms`);

  const gifts1 = await createPendingGifts(prisma, cases1, { batch: 1, count: PHASE1_GIFTS, random, appUrl: app.url });
  const gifts2 = await createPendingGifts(prisma, cases2, { batch: 2, count: PHASE2_GIFTS, random, appUrl: app.url });
  log(`fixtures: ${fmt(cases1.length + cases2.length)} published cases in 4 counties, ${fmt(gifts1.length + gifts2.length)} PENDING card donations with their Checkout Sessions`);

  // ── ceilings ──
  const cpuBeforePing = cpuSnapshot(app.pid, app.workerPid);
  const loopBeforePing = await app.eventLoop();
  const bareRoute = await measureBareRoute(app.url, { requests: BARE_ROUTE_REQUESTS, warmup: 1_000, concurrency: CONCURRENCY });
  log(`bare route GET /ping: ${fmt(bareRoute.count)} requests, ${rateLine(bareRoute)}`);
  log(`bare route GET /ping: ${cpuPerItem(cpuBeforePing, cpuSnapshot(app.pid, app.workerPid), BARE_ROUTE_REQUESTS + 1_000).replace("per gift", "per request")}`);
  log(`bare route GET /ping: ${eventLoopLine(loopBeforePing, await app.eventLoop())}`);
  // The webhook itself with a wrong signature: Remix, the POST body and the HMAC, no database.
  const unsigned = gifts1.slice(0, BAD_SIGNATURE_REQUESTS).map((g) => g.event);
  const badlySigned = presign(unsigned, "whsec_not_the_endpoint_secret");
  const badRun = await runConcurrently(badlySigned.length, (i) => postPresigned(app.url, badlySigned[i]!, unsigned[i]!, "whsec_not_the_endpoint_secret"), { concurrency: CONCURRENCY });
  const badSignature = statsOf(badRun.results, badRun.seconds);
  log(`webhook with a bad signature: ${fmt(badSignature.count)} requests, ${rateLine(badSignature)}; answers ${statusSummary(badRun.results)}`);
  const bareInsert = await measureBareInserts(db.url, { transactions: BARE_INSERT_TRANSACTIONS, connections: CONCURRENCY });
  log(`bare insert transactions: ${fmt(BARE_INSERT_TRANSACTIONS)} on ${CONCURRENCY} connections, ${fmt(bareInsert.perSecond)}/s · p50 ${fmt(bareInsert.p50, 1)} ms · p95 ${fmt(bareInsert.p95, 1)} ms`);

  // ── phase 1 ──
  const plan1 = planDeliveries(gifts1, random);
  log(`phase 1: delivering ${fmt(plan1.length)} (${fmt(gifts1.length)} events + ${fmt(plan1.length - gifts1.length)} redeliveries), shuffled, ${CONCURRENCY} at a time …`);
  if (CPU_PROFILE) app.startProfile();
  const signed1 = presign(plan1.map((d) => d.event), STAND_IN_WEBHOOK_SECRET);
  const cpuBefore1 = cpuSnapshot(app.pid, app.workerPid);
  const loopBefore1 = await app.eventLoop();
  const waits1 = sampleWaits(db.url);
  const pass1 = await runConcurrently(plan1.length, (i) => postPresigned(app.url, signed1[i]!, plan1[i]!.event, STAND_IN_WEBHOOK_SECRET), { concurrency: CONCURRENCY });
  const cpuAfter1 = cpuSnapshot(app.pid, app.workerPid);
  const loopAfter1 = await app.eventLoop();
  const waitLine1 = await waits1.stop();
  if (CPU_PROFILE) {
    await app.stopProfile(CPU_PROFILE);
    log(`phase 1: the server's CPU profile of this phase is in ${CPU_PROFILE}`);
  }
  const stats1 = statsOf(pass1.results, pass1.seconds);
  const giftsPerSecond = gifts1.length / pass1.seconds;
  log(`phase 1: answers ${statusSummary(pass1.results)}`);
  log(`phase 1: deliveries ${rateLine(stats1)}`);
  log(`phase 1: recorded gifts ${fmt(giftsPerSecond)}/s (${fmt(gifts1.length)} payments in ${fmt(pass1.seconds, 2)} s)`);
  log(`phase 1: ${cpuPerItem(cpuBefore1, cpuAfter1, gifts1.length)}`);
  log(`phase 1: ${eventLoopLine(loopBefore1, loopAfter1)}`);
  log(`phase 1: ${waitLine1}`);
  log(`phase 1: ${await mailsSent(pool)}`);
  const failed1 = pass1.results.filter((r) => !isOk(r)).map((r) => plan1[r.index]!);
  if (failed1.length > 0) {
    const retried = await retryUntilAcknowledged(app, failed1);
    log(`phase 1: ${fmt(failed1.length)} deliveries without a 2xx sent again (${retried.rounds} rounds, ${fmt(retried.resent)} requests)`);
  }
  const check1 = await runChecks(pool, { batch: 1, donationCount: gifts1.length, distinctEvents: gifts1.length }, gifts1.length);
  printChecks("phase 1 checks", check1.checks, check1.facts);

  // ── phase 2: kill -9 mid-run ──
  const check2 = PHASE2_GIFTS > 0 ? await crashPhase(app, pool, gifts2, gifts1.length, random) : { checks: [], facts: [] };
  if (PHASE2_GIFTS === 0) log("phase 2: skipped (DONATIONS_BENCH_CRASH_GIFTS=0)");

  const serverErrors = app.errorLog.filter((l) => !l.startsWith("[mail]"));
  if (serverErrors.length > 0) {
    console.log(`\n  server error log: ${serverErrors.length} lines, the first ones:`);
    for (const line of serverErrors.slice(0, 8)) console.log(`    ${line.slice(0, 200)}`);
  }

  // ── summary ──
  const ratio = giftsPerSecond / bareRoute.perSecond;
  const [end1, end5] = os.loadavg();
  console.log(`\n  summary (concurrency ${CONCURRENCY}, PostgreSQL fsync ${FSYNC ? "on" : "off"}, load average ${end1!.toFixed(2)} / ${end5!.toFixed(2)} at the end)`);
  console.log(`    bare route GET /ping           ${fmt(bareRoute.perSecond).padStart(7)} req/s`);
  console.log(`    webhook, bad signature         ${fmt(badSignature.perSecond).padStart(7)} req/s  (the route, the body and the HMAC; no database)`);
  console.log(`    bare insert transactions       ${fmt(bareInsert.perSecond).padStart(7)} tx/s`);
  console.log(`    recorded gifts (phase 1)       ${fmt(giftsPerSecond).padStart(7)} gifts/s  (${fmt(stats1.perSecond)} deliveries/s)`);
  console.log(`    gifts / bare route             ${(ratio * 100).toFixed(1).padStart(6)} %   target ≥ ${TARGET_RATIO * 100} %: ${ratio >= TARGET_RATIO ? "met" : "NOT met"}`);
  console.log(`    gifts / bare insert tx         ${((giftsPerSecond / bareInsert.perSecond) * 100).toFixed(1).padStart(6)} %`);
  // Every gift is delivered 1 + REDELIVERY_SHARE times, and a delivery costs at least the webhook
  // with a bad signature: the most gifts/s this server could reach if recording cost nothing.
  const freeRecording = badSignature.perSecond / (gifts1.length > 0 ? plan1.length / gifts1.length : 1);
  console.log(`    gifts if recording were free   ${fmt(freeRecording).padStart(7)} gifts/s  (bad-signature rate / ${(plan1.length / gifts1.length).toFixed(2)} deliveries a gift = ${((freeRecording / bareRoute.perSecond) * 100).toFixed(1)} % of the bare route)`);
  const allChecks = [...check1.checks, ...check2.checks];
  const failedChecks = allChecks.filter((c) => !c.ok);
  console.log(`    checks                         ${allChecks.length - failedChecks.length} PASS, ${failedChecks.length} FAIL`);
  console.log(`    total run                      ${elapsed().trim()}`);
  if (failedChecks.length > 0) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
process.exit();
