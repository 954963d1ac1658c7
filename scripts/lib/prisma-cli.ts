import { spawn } from "node:child_process";

/** Runs the Prisma CLI against a database (the CLI reads DATABASE_URL through prisma.config.ts). */
export function prismaCli(args: string[], databaseUrl: string, opts: { quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/prisma/build/index.js", ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => { out += d; if (!opts.quiet) process.stdout.write(d); });
    child.stderr.on("data", (d) => { err += d; });
    child.on("close", (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`prisma ${args.join(" ")} failed (${code}):\n${err}${out}`));
    });
  });
}

export const migrateDeploy = (databaseUrl: string) => prismaCli(["migrate", "deploy"], databaseUrl, { quiet: true });
