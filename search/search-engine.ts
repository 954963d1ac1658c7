// The one contract every search engine implements (DESIGN §7): the embedded engine (default) and
// Meilisearch (when MEILI_URL is set). Documents hold PUBLIC fields only — see public-documents.

export const DOCUMENT_TYPES = ["need", "project", "volunteerOffer", "organization"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** A searchable public document. `id` is `${type}:${key}` (e.g. "need:JJN-341322-2026-0009"). */
export type SearchDocument = {
  id: string;
  type: DocumentType;
  /** Title shown in results (Chinese or English as entered). */
  title: string;
  /** Longer public text: the anonymised story, a project's summary … */
  body: string;
  /** Extra words to match (skills, item names, organisation name, region names). */
  keywords: string[];
  /** GB/T 2260 codes from the province down to the document's own region, e.g. ["34","3413","341322","341322100"]. */
  regionCodes: string[];
  regionName: string;
  category: string | null;
  urgency: "CRITICAL" | "HIGH" | "NORMAL" | null;
  status: string;
  /** 0–100; null when not a need. */
  needIndex: number | null;
  /** Epoch milliseconds of publication (sort: newest). */
  publishedAt: number;
  /** Where the result links to, e.g. "/needs/JJN-341322-2026-0009". */
  url: string;
};

export type SearchQuery = {
  q?: string;
  filters?: {
    type?: DocumentType;
    category?: string;
    /** A region code: matches documents in its subtree. */
    region?: string;
    urgency?: "CRITICAL" | "HIGH" | "NORMAL";
    status?: string;
  };
  /** relevance (default when q is given), needIndex, urgency, newest. */
  sort?: "relevance" | "needIndex" | "urgency" | "newest";
  page?: number;
  pageSize?: number;
  /**
   * Facet counts to return, computed over all matches (before paging). `region` counts every level
   * of each match's region path (province, city, county …), keyed by code, for a region-tree filter.
   */
  facets?: FacetName[];
};

export type FacetName = "type" | "category" | "urgency" | "status" | "region";

export type SearchResult = {
  total: number;
  hits: Array<{ id: string; type: DocumentType; title: string; url: string; regionName: string; category: string | null; urgency: SearchDocument["urgency"]; needIndex: number | null }>;
  facets: Partial<Record<FacetName, Record<string, number>>>;
};

export interface SearchEngine {
  readonly name: "embedded" | "meilisearch";
  /** Adds or replaces documents by id. */
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Removes everything (reindex). */
  clear(): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Ready to answer (Meilisearch reachable, index settings applied). */
  health(): Promise<{ ok: boolean; documents: number }>;
}
