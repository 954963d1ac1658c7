// What the app's database connections are doing during a phase, sampled from pg_stat_activity
// every 10 ms: running, waiting for a lock (and on what), for the WAL flush, or for the client.
// The histogram says whether a gift's time goes to CPU, to the one donors account row every gift
// updates, or to fsync — the three things that could bound recorded gifts/s.
import pg from "pg";

export type WaitSampler = { stop: () => Promise<string> };

export function sampleWaits(databaseUrl: string, everyMs = 10): WaitSampler {
  const client = new pg.Client({ connectionString: databaseUrl });
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ what: string; n: string }>(`
        SELECT CASE WHEN "state" = 'active' THEN coalesce("wait_event_type" || ':' || "wait_event", 'on CPU') ELSE "state" END AS "what", count(*) AS "n"
          FROM pg_stat_activity
         WHERE "backend_type" = 'client backend' AND "pid" <> pg_backend_pid() AND "datname" = current_database()
         GROUP BY 1`);
      samples += 1;
      for (const r of rows) counts.set(r.what, (counts.get(r.what) ?? 0) + Number(r.n));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      const lines = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([what, n]) => `${what} ${(n / samples).toFixed(2)}`);
      return `database connections, average over ${samples} samples: ${lines.join(" · ")}`;
    },
  };
}
