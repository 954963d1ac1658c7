// `npm run dev`: the same database preparation as `npm start`, then `remix dev` rebuilding on change
// and restarting scripts/dev-server.ts with each new build.
import { spawn } from "node:child_process";
import { prepare } from "./lib/prepare.ts";
import { startWorkerProcess } from "./lib/worker-process.ts";

process.env.NODE_ENV = "development";
const db = await prepare({ seed: "ifEmpty" });
// The background process runs the source as it is; restart `npm run dev` after changing its jobs.
const worker = startWorkerProcess();
const child = spawn(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "dev", "-c", "npx tsx scripts/dev-server.ts"], {
  stdio: "inherit",
  env: process.env,
});
child.on("exit", (code) => Promise.allSettled([worker.stop(), db.stop()]).finally(() => process.exit(code ?? 0)));
