// `npm run db:migrate` applies migrations; `npm run db:migrate -- --create NAME` writes a new
// migration from the difference between the migrations folder and schema.prisma.
import fs from "node:fs";
import { ensureDatabase } from "./lib/postgres.ts";
import { migrateDeploy, prismaCli } from "./lib/prisma-cli.ts";

const db = await ensureDatabase();
try {
  await migrateDeploy(db.url);
  const createAt = process.argv.indexOf("--create");
  if (createAt >= 0) {
    const name = process.argv[createAt + 1] ?? "change";
    const sql = await prismaCli(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      db.url,
      { quiet: true },
    );
    if (sql.includes("This is an empty migration")) console.log("schema and migrations agree: nothing to create");
    else {
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = `prisma/migrations/${stamp}_${name}`;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(`${dir}/migration.sql`, sql);
      console.log(`wrote ${dir}/migration.sql`);
      await migrateDeploy(db.url);
    }
  }
  console.log("migrations applied");
} finally {
  await db.stop();
}
