// The site for the browser tests: its own embedded PostgreSQL (or TEST_DATABASE_URL), a fresh
// database seeded with the demo data, a production build, and the same Express server and background
// process as `npm start`.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { startAppServer } from "../../scripts/lib/app-server.ts";
import { startEmbeddedPostgres } from "../../scripts/lib/postgres.ts";
import { prepare } from "../../scripts/lib/prepare.ts";
import { startWorkerProcess } from "../../scripts/lib/worker-process.ts";
import { STAND_IN_SECRET_KEY, STAND_IN_WEBHOOK_SECRET, startStripeStandIn } from "../support/stripe-stand-in.ts";

const port = Number(process.env.E2E_PORT ?? 3100);
const server = process.env.TEST_DATABASE_URL
  ? { url: process.env.TEST_DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({ dir: "data/e2e-postgres", port: Number(process.env.E2E_PG_PORT ?? 54349), durable: false });

const admin = new pg.Client({ connectionString: server.url });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS jjn_e2e WITH (FORCE)`);
await admin.query(`CREATE DATABASE jjn_e2e`);
await admin.end();
const url = new URL(server.url);
url.pathname = "/jjn_e2e";
process.env.DATABASE_URL = url.toString();
process.env.NODE_ENV = "production";
process.env.PUBLIC_URL = `http://127.0.0.1:${port}`;
process.env.QUIET_HTTP_LOG = "1";
// Card giving against the Stripe test stand-in (api.stripe.com is unreachable here): the app creates
// its Checkout Sessions there, and the journeys sign webhook events with the stand-in's secret.
const stripeStandIn = await startStripeStandIn({ port: Number(process.env.E2E_STRIPE_PORT ?? 0) });
process.env.STRIPE_SECRET_KEY = STAND_IN_SECRET_KEY;
process.env.STRIPE_WEBHOOK_SECRET = STAND_IN_WEBHOOK_SECRET;
process.env.STRIPE_API_URL = stripeStandIn.url;

await prepare({ seed: "always" });
const built = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], { stdio: ["ignore", "ignore", "inherit"] });
if (built.status !== 0) throw new Error("remix build failed");
await startAppServer({ port, host: "127.0.0.1" });
const worker = startWorkerProcess();
console.log(`e2e site on http://127.0.0.1:${port}`);
process.on("SIGTERM", () => void Promise.allSettled([worker.stop(), stripeStandIn.stop(), server.stop()]).finally(() => process.exit(0)));
