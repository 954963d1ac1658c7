// Starts and looks after the background process (scripts/worker.ts, ADR 010). It runs under
// `nice`, so every thread of it yields the CPU to the web server's requests: mail can wait a few
// seconds, a donor's page cannot. If it dies it is started again after a growing pause; stop()
// asks it to finish its pass (SIGTERM) and kills it if it does not within a few seconds.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

const WORKER_SCRIPT = path.resolve(import.meta.dirname, "../worker.ts");
/** The background process's niceness (0 = the web server's, 19 = lowest). */
export const WORKER_NICENESS = 10;
/** Pauses before restarting a worker that died, by how many times in a row it has died. */
const RESTART_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** A worker that ran this long before dying starts the count of deaths in a row again. */
const HEALTHY_RUN_MS = 60_000;
const STOP_GRACE_MS = 5_000;

export type WorkerProcessOptions = {
  /** The worker's environment; defaults to this process's (DATABASE_URL, MAIL_DIR, SMTP_URL …). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where the worker's log goes: this process's stdout/stderr (default), or each stderr line to a callback (stdout dropped). */
  onErrorLine?: (line: string) => void;
};

export type WorkerProcess = {
  /** Resolves once the worker has started its jobs; rejects if its first start dies before that. */
  ready: Promise<void>;
  stop: () => Promise<void>;
  /** The running worker's process id (undefined between a death and its restart). */
  readonly pid: number | undefined;
};

const hasNice = process.platform !== "win32" && spawnSync("nice", ["true"]).status === 0;

export function startWorkerProcess(opts: WorkerProcessOptions = {}): WorkerProcess {
  let child: ChildProcess | null = null;
  let stopping = false;
  let deathsInARow = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let isReady = false;
  let settleReady: (error?: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => (settleReady = (error) => (error ? reject(error) : resolve())));
  ready.catch(() => {}); // a caller that does not wait for it must not see an unhandled rejection

  const launch = () => {
    const node = [process.execPath, "--import", "tsx", WORKER_SCRIPT];
    const [command, ...args] = hasNice ? ["nice", "-n", String(WORKER_NICENESS), ...node] : node;
    const startedAt = Date.now();
    const started = spawn(command!, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: opts.onErrorLine ? ["ignore", "ignore", "pipe", "ipc"] : ["ignore", "inherit", "inherit", "ipc"],
    });
    child = started;
    if (opts.onErrorLine && started.stderr) {
      started.stderr.setEncoding("utf8");
      started.stderr.on("data", (chunk: string) => {
        for (const line of chunk.split("\n")) if (line.trim()) opts.onErrorLine!(line);
      });
    }
    started.on("message", (message: { ready?: boolean }) => {
      if (!message.ready) return;
      isReady = true;
      settleReady();
    });
    started.on("exit", (code, signal) => {
      child = null;
      if (stopping) return;
      if (!isReady) settleReady(new Error(`the background process exited (${signal ?? code}) before it started its jobs`));
      deathsInARow = Date.now() - startedAt >= HEALTHY_RUN_MS ? 1 : deathsInARow + 1;
      const delay = RESTART_DELAYS_MS[Math.min(deathsInARow, RESTART_DELAYS_MS.length) - 1]!;
      console.error(`[worker] background process exited (${signal ?? code}); starting it again in ${delay / 1000} s`);
      restartTimer = setTimeout(launch, delay);
    });
  };
  launch();

  return {
    ready,
    get pid() {
      return child?.pid;
    },
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
      running.kill("SIGTERM");
      const killer = setTimeout(() => running.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(killer);
    },
  };
}
