import crypto from "node:crypto";
import fs from "node:fs";

const FILE = ".dev-secrets.json";
const NAMES = ["SESSION_SECRET", "PII_ENCRYPTION_KEY", "PII_HASH_KEY"] as const;

/**
 * Development keys: created once on first start, kept in a git-ignored file, and only used for
 * names the environment does not set. Production sets all three in its environment.
 */
export function ensureDevSecrets() {
  const missing = NAMES.filter((n) => !process.env[n]);
  if (missing.length === 0) return;
  const stored: Record<string, string> = fs.existsSync(FILE) ? JSON.parse(fs.readFileSync(FILE, "utf8")) : {};
  let changed = false;
  for (const name of missing) {
    if (!stored[name]) {
      stored[name] = crypto.randomBytes(32).toString("base64");
      changed = true;
    }
    process.env[name] = stored[name];
  }
  if (changed) fs.writeFileSync(FILE, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 });
}
