import { createEmbeddedSearchEngine } from "../../search/embedded-engine.ts";
import { MeilisearchEngine } from "../../search/meilisearch-engine.ts";
import { startSearchOutboxWorker } from "../../search/outbox-worker.server.ts";
import { reindexSearch } from "../../search/reindex.server.ts";
import type { SearchEngine } from "../../search/search-engine.ts";
import { getEnv } from "./env.server.ts";

type SearchState = { engine: Promise<SearchEngine> };

// One engine per process, kept on globalThis so `remix dev` rebuilds do not start a second worker.
const globalForSearch = globalThis as unknown as { __search?: SearchState };

/**
 * Meilisearch when MEILI_URL is set, else the embedded engine, built from the database on first use
 * (it lives in this process's memory). Either way the outbox worker keeps it up to date; tests
 * build their own engines and never start the worker.
 */
export function getSearchEngine(): Promise<SearchEngine> {
  globalForSearch.__search ??= { engine: startEngine() };
  return globalForSearch.__search.engine;
}

async function startEngine(): Promise<SearchEngine> {
  const env = getEnv();
  const engine: SearchEngine = env.MEILI_URL
    ? new MeilisearchEngine({ url: env.MEILI_URL, apiKey: env.MEILI_KEY })
    : createEmbeddedSearchEngine();
  if (engine.name === "embedded") await reindexSearch(engine);
  if (env.NODE_ENV !== "test") {
    startSearchOutboxWorker(engine, { onError: (error) => console.error("[search outbox]", error instanceof Error ? error.message : error) });
  }
  return engine;
}
