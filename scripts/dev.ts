// `npm run dev`: the same database preparation as `npm start`, then `remix dev` rebuilding on change
// and restarting scripts/dev-server.ts with each new build.
import { spawn } from "node:child_process";
import { prepare } from "./lib/prepare.ts";

process.env.NODE_ENV = "development";
const db = await prepare({ seed: "ifEmpty" });
const child = spawn(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "dev", "-c", "npx tsx scripts/dev-server.ts"], {
  stdio: "inherit",
  env: process.env,
});
child.on("exit", (code) => db.stop().finally(() => process.exit(code ?? 0)));
