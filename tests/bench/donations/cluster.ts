// What the donations benchmark runs against: its own embedded PostgreSQL (own data directory and
// port), the production build, and the app server as a child process that can be killed with
// SIGKILL and started again. Everything it starts is stopped and its directory removed by cleanup().
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { startEmbeddedPostgres, type RunningDatabase } from "../../../scripts/lib/postgres.ts";
import { migrateDeploy } from "../../../scripts/lib/prisma-cli.ts";
import { startWorkerProcess, type WorkerProcess } from "../../../scripts/lib/worker-process.ts";

/** Ports other engineers' runs use (e2e PostgreSQL and e2e site): never take them. */
const RESERVED_PORTS = new Set([54349, 3100, 3000, 54329]);

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
      probe.on("error", reject);
    });
    if (!RESERVED_PORTS.has(port)) return port;
  }
}

// ───────────────────────────── cleanup ─────────────────────────────

const cleanups: Array<() => Promise<void> | void> = [];
let cleaningUp: Promise<void> | undefined;

/** Registers a step of cleanup(); they run last-registered first. */
export function onCleanup(step: () => Promise<void> | void) {
  cleanups.unshift(step);
}

/** Stops the server and the database and removes the data directory (once, whatever called it). */
export function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const step of cleanups) {
      try {
        await step();
      } catch (error) {
        console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaningUp;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the benchmark's server and database …`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ───────────────────────────── database ─────────────────────────────

export type BenchDatabase = { url: string; adminUrl: string; dir: string; port: number; fsync: boolean };

/**
 * A fresh embedded PostgreSQL 17 cluster in `data/bench-donations-<port>/`, one database `jjn_bench`
 * with the migrations applied. `fsync` on by default: a recorded gift is acknowledged to Stripe only
 * once it is durable, so the benchmark pays what production pays.
 */
export async function startDatabase(opts: { fsync: boolean }): Promise<BenchDatabase> {
  const port = await freePort();
  const dir = path.resolve(`data/bench-donations-${port}`);
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  const server: RunningDatabase = await startEmbeddedPostgres({ dir: path.join(dir, "postgres"), port, durable: opts.fsync });
  onCleanup(() => server.stop());
  const pg = (await import("pg")).default;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query("CREATE DATABASE jjn_bench");
  await admin.end();
  const url = server.url.replace(/\/postgres$/, "/jjn_bench");
  await migrateDeploy(url);
  return { url, adminUrl: server.url, dir, port, fsync: opts.fsync };
}

// ───────────────────────────── build ─────────────────────────────

const BUILD_FILE = path.resolve("build/index.js");
const BUILD_INPUTS = ["app", "remix.config.js", "tailwind.config.ts", "tailwind.config.js", "postcss.config.js", "package-lock.json"];
/** The route the benchmark needs in the build (a build from before it existed is stale). */
const REQUIRED_ROUTE = "routes/_api+/ping";

function newestInput(): { file: string; mtimeMs: number } {
  let newest = { file: "", mtimeMs: 0 };
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else if (stat.mtimeMs > newest.mtimeMs) {
      newest = { file: p, mtimeMs: stat.mtimeMs };
    }
  };
  for (const input of BUILD_INPUTS) visit(input);
  return newest;
}

/**
 * Uses build/ when it is newer than every source file and has the ping route; otherwise runs
 * `remix build` (into the shared build/, as `npm start` and the e2e server do). Then copies the
 * server bundle into the benchmark's own directory, so another engineer's build in the meantime
 * cannot swap the code under a restart. Returns a line saying which.
 */
export function prepareBuild(benchDir: string): string {
  const newest = newestInput();
  const stat = fs.existsSync(BUILD_FILE) ? fs.statSync(BUILD_FILE) : null;
  let reason: string | null = null;
  if (!stat) reason = "build/ is missing";
  else if (stat.mtimeMs < newest.mtimeMs) reason = `stale: ${newest.file} is newer than build/index.js`;
  else if (!fs.readFileSync(BUILD_FILE, "utf8").includes(REQUIRED_ROUTE)) reason = `stale: no ${REQUIRED_ROUTE} route in it`;

  let line: string;
  if (reason) {
    const started = Date.now();
    const built = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], { stdio: ["ignore", "ignore", "inherit"] });
    if (built.status !== 0) throw new Error("remix build failed");
    line = `build:    ${reason} → remix build (${((Date.now() - started) / 1000).toFixed(1)} s)`;
  } else {
    line = `build:    fresh (build/index.js newer than every file under app/), reused`;
  }
  fs.cpSync(path.resolve("build"), path.join(benchDir, "build"), { recursive: true });
  return line;
}

// ───────────────────────────── the app process ─────────────────────────────

export type EventLoopReading = { active: number; idle: number };

/** "server event loop busy 88 % (idle 12 %)" between two readings. */
export function eventLoopLine(before: EventLoopReading | null, after: EventLoopReading | null): string {
  if (!before || !after) return "server event loop: not measured";
  const active = after.active - before.active;
  const idle = after.idle - before.idle;
  const busy = active + idle > 0 ? (100 * active) / (active + idle) : 0;
  return `server event loop busy ${busy.toFixed(0)} % (idle ${(100 - busy).toFixed(0)} %: waiting for the database or for requests)`;
}

export type AppEnv = { databaseUrl: string; stripeApiUrl: string; stripeSecretKey: string; stripeWebhookSecret: string; benchDir: string };

/**
 * The real server (`scripts/lib/app-server.ts` over the production build) in a child process with
 * NODE_ENV=production and the Stripe keys set. Only the variables it needs are passed: nothing from
 * the caller's environment (a MEILI_URL or SMTP_URL) leaks into the measurement.
 */
export class AppProcess {
  readonly port: number;
  readonly url: string;
  private child: ChildProcess | null = null;
  private readonly secrets = {
    SESSION_SECRET: crypto.randomBytes(32).toString("base64"),
    PII_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    PII_HASH_KEY: crypto.randomBytes(32).toString("base64"),
  };
  /** What the server wrote to stderr (its error log), kept for the report. */
  readonly errorLog: string[] = [];

  /** The background process (receipt mails): started with the server the first time, left running when the server is killed. */
  private worker: WorkerProcess | null = null;

  constructor(private readonly env: AppEnv, port: number) {
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    onCleanup(() => this.kill("SIGKILL"));
    onCleanup(() => this.worker?.stop());
  }

  /** Starts the server and resolves once it listens; returns how long that took (ms). */
  async start(): Promise<number> {
    const started = performance.now();
    const script = path.resolve("tests/bench/donations/serve-app.ts");
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TSX_TSCONFIG_PATH: path.resolve("tsconfig.json"),
      NODE_ENV: "production" as const,
      PORT: String(this.port),
      DATABASE_URL: this.env.databaseUrl,
      PUBLIC_URL: this.url,
      STRIPE_SECRET_KEY: this.env.stripeSecretKey,
      STRIPE_WEBHOOK_SECRET: this.env.stripeWebhookSecret,
      STRIPE_API_URL: this.env.stripeApiUrl,
      MAIL_DIR: path.join(this.env.benchDir, "mail"),
      QUIET_HTTP_LOG: "1",
      ...this.secrets,
    };
    const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: this.env.benchDir, env, stdio: ["ignore", "ignore", "pipe", "ipc"] });
    this.child = child;
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) if (line.trim()) this.errorLog.push(line);
    });
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number | null, signal: string | null) => reject(new Error(`app server exited before it was ready (${signal ?? code}): ${this.errorLog.slice(-5).join(" | ")}`));
      child.once("exit", onExit);
      child.once("message", () => {
        child.off("exit", onExit);
        resolve();
      });
    });
    const readyMs = performance.now() - started;
    if (!this.worker) {
      this.worker = startWorkerProcess({ env, cwd: this.env.benchDir, onErrorLine: (line) => this.errorLog.push(`[worker] ${line}`) });
      await this.worker.ready;
    }
    return readyMs;
  }

  get workerPid(): number | undefined {
    return this.worker?.pid;
  }

  /** Starts the server's CPU profiler (serve-app.ts). */
  startProfile(): void {
    this.child?.send({ profile: "start" });
  }

  /** Stops it and waits until the profile is written to `file`. */
  async stopProfile(file: string): Promise<void> {
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      const onMessage = (message: { profiled?: string }) => {
        if (message.profiled !== file) return;
        child.off("message", onMessage);
        resolve();
      };
      child.on("message", onMessage);
      child.send({ profile: "stop", file });
    });
  }

  /** The server's event loop so far: milliseconds busy and idle since it started. */
  async eventLoop(): Promise<EventLoopReading | null> {
    const child = this.child;
    if (!child) return null;
    return new Promise((resolve) => {
      const onMessage = (message: { eventLoop?: EventLoopReading }) => {
        if (!message.eventLoop) return;
        child.off("message", onMessage);
        resolve(message.eventLoop);
      };
      child.on("message", onMessage);
      child.send({ eventLoop: true });
    });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** SIGKILL (or another signal) to the server process, and waits until it is gone. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await exited;
  }
}
