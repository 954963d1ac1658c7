// The shared engine contract against a real Meilisearch server. It runs only when MEILI_URL is set
// (the server is not part of this repository); otherwise one skipped test says why.
import crypto from "node:crypto";
import { afterAll, describe, it } from "vitest";
import { MeilisearchEngine } from "../meilisearch-engine.ts";
import { describeSearchEngineContract } from "./search-engine-contract.ts";

// Tests read the environment directly: the app's env module would demand a database and secrets.
const MEILI_URL = process.env.MEILI_URL;
const MEILI_KEY = process.env.MEILI_KEY;

if (!MEILI_URL) console.info("Meilisearch contract tests skipped: MEILI_URL is not set (start a Meilisearch server and set MEILI_URL, and MEILI_KEY if it has a master key).");

describe.skipIf(!MEILI_URL)("Meilisearch engine contract", () => {
  if (!MEILI_URL) {
    it("runs the shared search engine contract against Meilisearch (needs MEILI_URL)", () => {});
    return;
  }
  // Each engine gets its own throw-away index, so tests never see each other's documents.
  const created: MeilisearchEngine[] = [];
  afterAll(async () => {
    await Promise.allSettled(created.map((engine) => engine.dropIndex()));
  });
  describeSearchEngineContract("meilisearch", async () => {
    const engine = new MeilisearchEngine({ url: MEILI_URL, apiKey: MEILI_KEY, indexUid: `contract_${crypto.randomBytes(6).toString("hex")}` });
    created.push(engine);
    await engine.clear();
    return engine;
  });
});
