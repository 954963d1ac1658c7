// `npm run search:reindex`: rebuilds the search index from the database with a progress bar.
// The real target is Meilisearch (MEILI_URL set). The embedded engine lives in the web server's
// memory, so there is nothing to rebuild from here: the server builds it from the database at start.
import cliProgress from "cli-progress";
import { ensureDevSecrets } from "./lib/dev-secrets.ts";
import { ensureDatabase } from "./lib/postgres.ts";

ensureDevSecrets();
const db = await ensureDatabase();
console.log(db.embedded ? "Database: embedded PostgreSQL (data/postgres)" : "Database: DATABASE_URL");

// Imported only now: the app's env module reads DATABASE_URL and the secrets set above.
const { getEnv } = await import("../app/utils/env.server.ts");
const { prisma } = await import("../app/utils/db.server.ts");
const { publicDocumentSources } = await import("../search/public-documents.server.ts");

let exitCode = 0;
try {
  const env = getEnv();
  if (!env.MEILI_URL) {
    const counts = await Promise.all(publicDocumentSources().map(async (s) => [s.type, await s.count()] as const));
    const total = counts.reduce((sum, [, n]) => sum + n, 0);
    console.log(`Public documents in the database: ${total} (${counts.map(([t, n]) => `${t} ${n}`).join(", ")})`);
    console.log("Search engine: embedded (MEILI_URL is not set). Its index lives in the web server's memory and");
    console.log("is rebuilt from the database each time the server starts; restart the server to rebuild it.");
    console.log("Set MEILI_URL (and MEILI_KEY) to rebuild a Meilisearch index with this command.");
  } else {
    const { MeilisearchEngine } = await import("../search/meilisearch-engine.ts");
    const { reindexSearch } = await import("../search/reindex.server.ts");
    const engine = new MeilisearchEngine({ url: env.MEILI_URL, apiKey: env.MEILI_KEY });
    console.log(`Search engine: Meilisearch at ${env.MEILI_URL}`);
    const bar = new cliProgress.SingleBar(
      { format: "Reindex [{bar}] {percentage}% | {value}/{total} rows | {type}", hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    const startedAt = Date.now();
    const result = await reindexSearch(engine, {
      onProgress: (p) => {
        if (!started) {
          bar.start(p.total, p.done, { type: p.type });
          started = true;
        }
        bar.setTotal(p.total);
        bar.update(p.done, { type: p.type });
      },
    });
    bar.stop();
    const { written } = result;
    console.log(`Indexed ${result.total} documents in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ` +
      `need ${written.need}, project ${written.project}, volunteerOffer ${written.volunteerOffer}, organization ${written.organization}`);
  }
} catch (error) {
  console.error(`Reindex failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await prisma.$disconnect();
  await db.stop();
}
process.exit(exitCode);
