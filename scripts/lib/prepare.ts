import { ensureDevSecrets } from "./dev-secrets.ts";
import { ensureDatabase, type RunningDatabase } from "./postgres.ts";
import { migrateDeploy } from "./prisma-cli.ts";

/**
 * What `npm start`, `npm run dev` and `npm run db:seed` share: secrets, a database (embedded when
 * DATABASE_URL is unset), migrations, and seed data when the database is empty (or always, if asked).
 */
export async function prepare(opts: { seed: "ifEmpty" | "always" }): Promise<RunningDatabase> {
  ensureDevSecrets();
  const db = await ensureDatabase();
  if (db.embedded) stopOnSignal(db);
  console.log(db.embedded ? `Database: embedded PostgreSQL (data/postgres)` : "Database: DATABASE_URL");
  await migrateDeploy(db.url);
  console.log("Migrations: applied");

  // Imported only now: the app's env module reads DATABASE_URL and the secrets set above.
  const { prisma } = await import("../../app/utils/db.server.ts");
  const { seed, isDatabaseEmpty } = await import("../../prisma/seed/index.ts");
  if (opts.seed === "always" || (await isDatabaseEmpty(prisma))) {
    const started = Date.now();
    await seed(prisma, (m: string) => console.log(`  seed: ${m}`));
    console.log(`Seed data: written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return db;
}

function stopOnSignal(db: RunningDatabase) {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping the embedded PostgreSQL …`);
      db.stop().finally(() => process.exit(0));
    });
  }
}
