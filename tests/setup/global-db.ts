import fs from "node:fs";
import net from "node:net";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/lib/postgres.ts";
import { migrateDeploy } from "../../scripts/lib/prisma-cli.ts";

export const TEMPLATE_DB = "jjn_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/**
 * Once per `vitest run`: a real PostgreSQL (TEST_DATABASE_URL, or an embedded server of our own),
 * a template database migrated once, and no databases left from an earlier run. Each worker then
 * clones the template (tests/setup/worker-db.ts).
 */
export default async function setup(project: TestProject) {
  // Each run gets its own throw-away cluster on a free port, so two runs at once never meet.
  const port = Number(process.env.TEST_PG_PORT ?? (await freePort()));
  const dir = `data/test-postgres/${port}`;
  const server = process.env.TEST_DATABASE_URL
    ? { url: process.env.TEST_DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dir, port, durable: false });

  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const old = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'jjn_test_%'");
  for (const { datname } of old.rows) await admin.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  await admin.end();

  await migrateDeploy(withDatabase(server.url, TEMPLATE_DB));
  project.provide("adminDatabaseUrl", server.url);

  return async () => {
    await server.stop();
    if (!process.env.TEST_DATABASE_URL) fs.rmSync(dir, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
