// `npm start`: database → migrations → seed if empty → build → serve on PORT (default 3000), with
// the background process (mail outbox, housekeeping: ADR 010) beside the web server.
import { spawnSync } from "node:child_process";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../prisma/seed/demo-logins.ts";
import { startAppServer } from "./lib/app-server.ts";
import { prepare } from "./lib/prepare.ts";
import { startWorkerProcess } from "./lib/worker-process.ts";

process.env.NODE_ENV ??= "production";
await prepare({ seed: "ifEmpty" });

if (!process.env.SKIP_BUILD) {
  console.log("Build: remix build …");
  const built = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (built.status !== 0) {
    console.error("remix build failed");
    process.exit(1);
  }
}

const port = Number(process.env.PORT ?? 3000);
await startAppServer({ port });
startWorkerProcess();
const url = `http://localhost:${port}`;
console.log(`\n救急难互助平台 is running at ${url}\n`);
console.log(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(16)} ${login.email.padEnd(34)} ${login.label}`);
console.log("\nPress Ctrl-C to stop.");
