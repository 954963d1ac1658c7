// The two ceilings a recorded gift is compared with, measured in the same run on the same machine:
// the bare Remix resource route (GET /ping: no database, no session) through the same HTTP client
// at the same concurrency, and bare single-row INSERT transactions on the same PostgreSQL.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { getPing, runConcurrently, statsOf, type RunStats } from "./deliver.ts";

export async function measureBareRoute(appUrl: string, opts: { requests: number; warmup: number; concurrency: number }): Promise<RunStats> {
  await runConcurrently(opts.warmup, () => getPing(appUrl), { concurrency: opts.concurrency });
  const { results, seconds } = await runConcurrently(opts.requests, () => getPing(appUrl), { concurrency: opts.concurrency });
  const stats = statsOf(results, seconds);
  if (stats.failed > 0) throw new Error(`/ping failed ${stats.failed} times (first: ${results.find((r) => r.status !== 200)?.status})`);
  return stats;
}

/**
 * BEGIN; INSERT one row into a scratch table; COMMIT — three round trips, as an application
 * transaction is bracketed — on `connections` connections at once, for `transactions` in all.
 * The scratch table is dropped afterwards.
 */
export async function measureBareInserts(databaseUrl: string, opts: { transactions: number; connections: number }): Promise<{ perSecond: number; seconds: number; p50: number; p95: number }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.connections });
  try {
    await pool.query(`CREATE TABLE bench_scratch (id bigserial PRIMARY KEY, donation_id text NOT NULL, amount_fen integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    const clients = await Promise.all(Array.from({ length: opts.connections }, () => pool.connect()));
    let next = 0;
    const times: number[] = [];
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        while (next < opts.transactions) {
          const i = next;
          next += 1;
          const t = performance.now();
          await client.query("BEGIN");
          await client.query("INSERT INTO bench_scratch (donation_id, amount_fen) VALUES ($1, $2)", [`scratch_${i}`, 100 + (i % 50_000)]);
          await client.query("COMMIT");
          times.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    for (const client of clients) client.release();
    await pool.query("DROP TABLE bench_scratch");
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
    return { perSecond: opts.transactions / seconds, seconds, p50: pct(50), p95: pct(95) };
  } finally {
    await pool.end();
  }
}
