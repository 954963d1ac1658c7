// The Meilisearch engine (DESIGN §7): used when MEILI_URL is set. One index for every public
// document type; its settings live in meilisearch-settings.ts and are applied on first use.
import { Meilisearch, type Index, type SearchParams } from "meilisearch";
import { pinyin } from "pinyin-pro";
import { MEILI_INDEX_UID, MEILI_PRIMARY_KEY, MEILI_SETTINGS } from "./meilisearch-settings.ts";
import type { DocumentType, FacetName, SearchDocument, SearchEngine, SearchQuery, SearchResult } from "./search-engine.ts";

export const MEILI_DEFAULT_PAGE_SIZE = 20;
export const MEILI_MAX_PAGE_SIZE = 100;
/** How long a write waits for Meilisearch to finish its task before it counts as failed. */
export const MEILI_TASK_TIMEOUT_MS = 30_000;

/** Sortable stand-in for urgency: Meilisearch sorts numbers, and CRITICAL must come first. */
const URGENCY_RANK = { CRITICAL: 3, HIGH: 2, NORMAL: 1 } as const;

type MeiliDocument = SearchDocument & { urgencyRank: number; pinyin: string[] };
type MeiliHit = Pick<SearchDocument, "id" | "type" | "title" | "url" | "regionName" | "category" | "urgency" | "needIndex">;

const HAN_RUN = /\p{Script=Han}+/gu;
/** Pinyin is indexed for runs of up to this many consecutive words: 满洲|里 → "manzhouli". */
const PINYIN_MAX_WORDS = 3;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * Full pinyin and initials of the Chinese words in the texts and of runs of consecutive words
 * (the segmenter splits place names such as 满洲里 into 满洲|里): 张家口 → "zhangjiakou", "zjk".
 * Meilisearch itself matches Chinese by characters only, so pinyin queries need these terms.
 */
export function phrasePinyinTerms(texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const run of texts.flatMap((t) => t.match(HAN_RUN) ?? [])) {
    const words = [...segmenter.segment(run)].filter((s) => s.isWordLike).map((s) => pinyin(s.segment, { toneType: "none", type: "array", v: true }));
    for (let start = 0; start < words.length; start += 1) {
      for (let end = start + 1; end <= Math.min(words.length, start + PINYIN_MAX_WORDS); end += 1) {
        const syllables = words.slice(start, end).flat().filter((s) => /^[a-z]+$/.test(s));
        if (syllables.length === 0) continue;
        terms.add(syllables.join(""));
        if (syllables.length > 1) terms.add(syllables.map((s) => s[0]).join(""));
      }
    }
  }
  return [...terms];
}

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  return {
    ...doc,
    urgencyRank: doc.urgency ? URGENCY_RANK[doc.urgency] : 0,
    pinyin: phrasePinyinTerms([doc.title, doc.regionName, ...doc.keywords]),
  };
}

/** A filter value in Meilisearch's filter syntax: a double-quoted string. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function meiliFilter(filters: SearchQuery["filters"] = {}): string[] {
  const clauses: string[] = [];
  if (filters.type) clauses.push(`type = ${quote(filters.type)}`);
  if (filters.category) clauses.push(`category = ${quote(filters.category)}`);
  // regionCodes holds every ancestor code of the document's regions, so a subtree is one equality.
  if (filters.region) clauses.push(`regionCodes = ${quote(filters.region)}`);
  if (filters.urgency) clauses.push(`urgency = ${quote(filters.urgency)}`);
  if (filters.status) clauses.push(`status = ${quote(filters.status)}`);
  return clauses;
}

export function meiliSort(query: SearchQuery): string[] | undefined {
  const sort = query.sort ?? (query.q?.trim() ? "relevance" : "newest");
  switch (sort) {
    case "needIndex":
      return ["needIndex:desc", "urgencyRank:desc", "publishedAt:desc"];
    case "urgency":
      return ["urgencyRank:desc", "needIndex:desc", "publishedAt:desc"];
    case "newest":
      return ["publishedAt:desc"];
    case "relevance":
      return undefined;
  }
}

export class MeilisearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  private readonly client: Meilisearch;
  private readonly index: Index<MeiliDocument>;
  private ready: Promise<void> | undefined;

  constructor(opts: { url: string; apiKey?: string; indexUid?: string }) {
    this.client = new Meilisearch({ host: opts.url, apiKey: opts.apiKey });
    this.index = this.client.index<MeiliDocument>(opts.indexUid ?? MEILI_INDEX_UID);
  }

  /** Creates the index if missing and applies the settings; retried on the next call if it fails. */
  private ensureReady(): Promise<void> {
    this.ready ??= (async () => {
      const created = await this.client.createIndex(this.index.uid, { primaryKey: MEILI_PRIMARY_KEY }).waitTask({ timeout: MEILI_TASK_TIMEOUT_MS });
      // "index_already_exists" is the expected failure after the first start.
      if (created.status === "failed" && created.error?.code !== "index_already_exists") throw new Error(`Meilisearch: ${created.error?.message}`);
      await this.wait(this.index.updateSettings(MEILI_SETTINGS));
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async wait(task: ReturnType<Index["updateSettings"]>): Promise<void> {
    const done = await task.waitTask({ timeout: MEILI_TASK_TIMEOUT_MS });
    if (done.status !== "succeeded") throw new Error(`Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? ""}`);
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.ensureReady();
    await this.wait(this.index.addDocuments(documents.map(toMeiliDocument), { primaryKey: MEILI_PRIMARY_KEY }));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.ensureReady();
    await this.wait(this.index.deleteDocuments(ids));
  }

  async clear(): Promise<void> {
    await this.ensureReady();
    await this.wait(this.index.deleteAllDocuments());
  }

  /** Deletes the whole index (test clean-up; a reindex uses clear()). */
  async dropIndex(): Promise<void> {
    await this.wait(this.index.delete());
    this.ready = undefined;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await this.ensureReady();
    const pageSize = Math.min(Math.max(1, query.pageSize ?? MEILI_DEFAULT_PAGE_SIZE), MEILI_MAX_PAGE_SIZE);
    const params = {
      filter: meiliFilter(query.filters),
      sort: meiliSort(query),
      facets: query.facets?.map(meiliFacetAttribute),
      page: Math.max(1, query.page ?? 1),
      hitsPerPage: pageSize,
      // Every word of the query must match (the embedded engine ANDs words too); Meilisearch's
      // default drops words until something matches, which turns "萧县 火灾" into "萧县".
      matchingStrategy: "all",
    } satisfies SearchParams;
    const response = await this.index.search<MeiliHit, typeof params>(query.q?.trim() ?? "", params);
    const facets: SearchResult["facets"] = {};
    for (const facet of query.facets ?? []) facets[facet] = response.facetDistribution?.[meiliFacetAttribute(facet)] ?? {};
    return {
      total: response.totalHits,
      hits: response.hits.map((h) => ({
        id: h.id,
        type: h.type as DocumentType,
        title: h.title,
        url: h.url,
        regionName: h.regionName,
        category: h.category ?? null,
        urgency: h.urgency ?? null,
        needIndex: h.needIndex ?? null,
      })),
      facets,
    };
  }

  async health(): Promise<{ ok: boolean; documents: number }> {
    try {
      await this.client.health();
      await this.ensureReady();
      const stats = await this.index.getStats();
      return { ok: true, documents: stats.numberOfDocuments };
    } catch {
      return { ok: false, documents: 0 };
    }
  }
}

/** The document attribute behind a facet name: the region facet counts the regionCodes path. */
function meiliFacetAttribute(facet: FacetName): string {
  return facet === "region" ? "regionCodes" : facet;
}
