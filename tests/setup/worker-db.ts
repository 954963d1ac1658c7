import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

// Runs before each server test file: point the app at this worker's own database, cloned from the
// migrated template the first time the worker needs it. Keys are fixed test keys, never real ones.
const TEMPLATE_DB = "jjn_test_template";
const adminUrl = inject("adminDatabaseUrl");
const name = `jjn_test_w${process.env.VITEST_POOL_ID ?? "0"}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
try {
  // PostgreSQL refuses to copy a template that another session is copying: one clone at a time.
  await admin.query("SELECT pg_advisory_lock(7341322)");
  const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  await admin.query("SELECT pg_advisory_unlock(7341322)");
} finally {
  await admin.end();
}

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "test-session-secret-not-for-production";
process.env.PII_ENCRYPTION_KEY ??= crypto.createHash("sha256").update("test-pii-encryption").digest("base64");
process.env.PII_HASH_KEY ??= crypto.createHash("sha256").update("test-pii-hash").digest("base64");
