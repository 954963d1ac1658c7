// The embedded engine (DESIGN §7): the default when MEILI_URL is not set. A lean in-process
// inverted index, chosen by measurement (tests/bench/search-bench.ts): MiniSearch and Orama missed
// the 10 ms p95 target at 100k documents. Terms map to postings `ordinal << 3 | fieldMask` in
// growable Int32Arrays; a replaced or removed document is tombstoned and the index compacts when
// tombstones outnumber live documents. Filters, facets and sorts read per-ordinal typed arrays.
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from "./search-engine.ts";
import { analyzeForIndex, isHan, queryWords } from "./text/tokenize.ts";
import { TypoIndex } from "./text/typo.ts";

const PINYIN_PREFIX = "\u0001";
const FIELD_TITLE = 1;
const FIELD_KEYWORDS = 2;
const FIELD_BODY = 4;
/** Best field of a posting's mask: title above keywords/region above body. */
const FIELD_WEIGHT = [0, 4, 2, 4, 1, 4, 2, 4];
const WEIGHT_EXACT = 1;
const WEIGHT_PREFIX = 0.75;
const WEIGHT_PINYIN = 0.5;
const WEIGHT_PINYIN_PREFIX = 0.4;
const WEIGHT_TYPO = 0.25;
const MAX_PREFIX_TERMS = 100;
const MIN_LATIN_PREFIX = 2;
const MAX_QUERY_WORDS = 32;
const REGION_DEPTH = 6;
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
const COMPACT_MIN_DEAD = 1000;
const URGENCY_RANK = { CRITICAL: 3, HIGH: 2, NORMAL: 1 } as const;
/** publishedAt (ms) stays below this until the year 2286; needIndex 0–100 (+1 for null) times it stays exact. */
const TIME_SPAN = 1e13;
const URGENCY_SPAN = 102 * TIME_SPAN;
const FACET_FIELDS = ["type", "category", "urgency", "status"] as const;
type FacetField = (typeof FACET_FIELDS)[number];

/** Value ↔ small integer id for one filterable field (id 0 = null). */
class ValueDictionary {
  readonly values: Array<string | null> = [null];
  private readonly ids = new Map<string, number>();
  idOf(value: string | null): number {
    if (value === null) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

function grow<T extends Int32Array | Float64Array | Float32Array | Uint8Array>(array: T, capacity: number): T {
  if (array.length >= capacity) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(capacity, array.length * 2));
  next.set(array);
  return next;
}

type TermWeight = { term: number; weight: number };

export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = "embedded" as const;

  // Term dictionary and postings.
  private termIds = new Map<string, number>();
  private termList: string[] = [];
  private postings: Int32Array[] = [];
  private postingLen: number[] = [];
  private sortedTerms: string[] = [];
  private pendingTerms: string[] = [];
  private typo = new TypoIndex();

  // Per-ordinal document data.
  private docs: Array<SearchDocument | null> = [];
  private idToOrdinal = new Map<string, number>();
  private alive = new Uint8Array(1024);
  private fieldValues: Record<FacetField, Int32Array> = {
    type: new Int32Array(1024),
    category: new Int32Array(1024),
    urgency: new Int32Array(1024),
    status: new Int32Array(1024),
  };
  private dictionaries: Record<FacetField, ValueDictionary> = {
    type: new ValueDictionary(),
    category: new ValueDictionary(),
    urgency: new ValueDictionary(),
    status: new ValueDictionary(),
  };
  private regionIds = new Int32Array(1024 * REGION_DEPTH);
  private regions = new ValueDictionary();
  // Sort keys folded into one exact float each, so ranking compares one number per mode.
  private newestKey = new Float64Array(1024);
  private needKey = new Float64Array(1024);
  private urgencyKey = new Float64Array(1024);
  private live = 0;
  private dead = 0;

  // Query scratch space, reused between searches.
  private hits = new Uint8Array(1024);
  private score = new Float32Array(1024);
  private wordScore = new Float32Array(1024);
  /** Candidates from the text match, then (in place) the filtered matches. */
  private matched = new Int32Array(1024);

  async upsert(documents: SearchDocument[]): Promise<void> {
    for (const doc of documents) this.add(doc);
    this.maybeCompact();
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) this.kill(id);
    this.maybeCompact();
  }

  async clear(): Promise<void> {
    Object.assign(this, new EmbeddedSearchEngine());
  }

  async health(): Promise<{ ok: boolean; documents: number }> {
    return { ok: true, documents: this.live };
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    this.flushPendingTerms();
    this.ensureScratch();
    const words = queryWords(query.q ?? "").slice(0, MAX_QUERY_WORDS);
    const hasScores = words.length > 0;
    const matched = this.matched;
    let candidates = hasScores ? this.match(words) : -1;
    // Pinyin typed syllable by syllable ("zhang jia kou") is indexed joined: retry it joined.
    if (candidates === 0 && words.length > 1 && words.every((w) => /^[a-z]+$/.test(w))) candidates = this.match([words.join("")]);
    const count = this.applyFilters(candidates, query.filters ?? {});

    const facets: SearchResult["facets"] = {};
    for (const field of query.facets ?? []) facets[field] = field === "region" ? this.countRegions(matched, count) : this.countFacet(field, matched, count);

    const pageSize = Math.min(Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const better = this.comparator(query.sort ?? "relevance", hasScores);
    const top = topK(matched, count, page * pageSize, better);
    const hits = top.slice((page - 1) * pageSize).map((ord) => {
      const d = this.docs[ord]!;
      return { id: d.id, type: d.type, title: d.title, url: d.url, regionName: d.regionName, category: d.category, urgency: d.urgency, needIndex: d.needIndex };
    });
    return { total: count, hits, facets };
  }

  // ---- indexing ----

  private add(doc: SearchDocument): void {
    this.kill(doc.id);
    const ord = this.docs.length;
    this.ensureCapacity(ord + 1);
    this.docs.push(doc);
    this.idToOrdinal.set(doc.id, ord);
    this.alive[ord] = 1;
    this.live++;
    this.fieldValues.type[ord] = this.dictionaries.type.idOf(doc.type);
    this.fieldValues.category[ord] = this.dictionaries.category.idOf(doc.category);
    this.fieldValues.urgency[ord] = this.dictionaries.urgency.idOf(doc.urgency);
    this.fieldValues.status[ord] = this.dictionaries.status.idOf(doc.status);
    for (let i = 0; i < REGION_DEPTH; i++) {
      const code = doc.regionCodes[i];
      this.regionIds[ord * REGION_DEPTH + i] = code === undefined ? 0 : this.regions.idOf(code);
    }
    const published = Math.min(Math.max(0, Math.floor(doc.publishedAt)), TIME_SPAN - 1);
    this.newestKey[ord] = published;
    this.needKey[ord] = (Math.round(doc.needIndex ?? -1) + 1) * TIME_SPAN + published;
    this.urgencyKey[ord] = (doc.urgency ? URGENCY_RANK[doc.urgency] : 0) * URGENCY_SPAN + this.needKey[ord]!;

    const masks = new Map<string, number>();
    const addField = (texts: string[], mask: number) => {
      const exact = new Set<string>();
      const pinyin = new Set<string>();
      for (const text of texts) analyzeForIndex(text, exact, pinyin);
      for (const t of exact) masks.set(t, (masks.get(t) ?? 0) | mask);
      for (const t of pinyin) masks.set(PINYIN_PREFIX + t, (masks.get(PINYIN_PREFIX + t) ?? 0) | mask);
    };
    addField([doc.title], FIELD_TITLE);
    addField([...doc.keywords, doc.regionName], FIELD_KEYWORDS);
    addField([doc.body], FIELD_BODY);
    for (const [term, mask] of masks) this.addPosting(this.termId(term), (ord << 3) | mask);
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
      this.postings.push(new Int32Array(4));
      this.postingLen.push(0);
      this.pendingTerms.push(term);
      if (!term.startsWith(PINYIN_PREFIX) && !isHan(term) && /^[a-z]+$/.test(term)) this.typo.add(term);
    }
    return id;
  }

  private addPosting(term: number, value: number): void {
    const len = this.postingLen[term]!;
    let list = this.postings[term]!;
    if (len === list.length) {
      list = grow(list, len * 2);
      this.postings[term] = list;
    }
    list[len] = value;
    this.postingLen[term] = len + 1;
  }

  private kill(id: string): void {
    const ord = this.idToOrdinal.get(id);
    if (ord === undefined) return;
    this.idToOrdinal.delete(id);
    this.alive[ord] = 0;
    this.docs[ord] = null;
    this.live--;
    this.dead++;
  }

  private ensureCapacity(n: number): void {
    this.alive = grow(this.alive, n);
    this.newestKey = grow(this.newestKey, n);
    this.needKey = grow(this.needKey, n);
    this.urgencyKey = grow(this.urgencyKey, n);
    this.regionIds = grow(this.regionIds, n * REGION_DEPTH);
    for (const f of FACET_FIELDS) this.fieldValues[f] = grow(this.fieldValues[f], n);
  }

  /** Renumbers live documents and drops dead postings once tombstones outnumber live documents. */
  private maybeCompact(): void {
    if (this.dead < COMPACT_MIN_DEAD || this.dead <= this.live) return;
    const remap = new Int32Array(this.docs.length).fill(-1);
    const docs: SearchDocument[] = [];
    this.docs.forEach((d, ord) => {
      if (d) {
        remap[ord] = docs.length;
        docs.push(d);
      }
    });
    for (let t = 0; t < this.postings.length; t++) {
      const list = this.postings[t]!;
      let w = 0;
      for (let i = 0; i < this.postingLen[t]!; i++) {
        const to = remap[list[i]! >>> 3]!;
        if (to >= 0) list[w++] = (to << 3) | (list[i]! & 7);
      }
      this.postingLen[t] = w;
    }
    const move = <T extends Int32Array | Float64Array | Uint8Array>(a: T, stride = 1) => {
      remap.forEach((to, from) => {
        if (to >= 0) for (let s = 0; s < stride; s++) a[to * stride + s] = a[from * stride + s]!;
      });
    };
    move(this.alive);
    move(this.newestKey);
    move(this.needKey);
    move(this.urgencyKey);
    move(this.regionIds, REGION_DEPTH);
    for (const f of FACET_FIELDS) move(this.fieldValues[f]);
    this.docs = docs;
    this.idToOrdinal = new Map(docs.map((d, i) => [d.id, i]));
    this.dead = 0;
  }

  private flushPendingTerms(): void {
    if (this.pendingTerms.length === 0) return;
    if (this.pendingTerms.length > 64) {
      this.sortedTerms = this.sortedTerms.concat(this.pendingTerms).sort();
    } else {
      for (const t of this.pendingTerms) this.sortedTerms.splice(lowerBound(this.sortedTerms, t), 0, t);
    }
    this.pendingTerms = [];
  }

  // ---- querying ----

  private ensureScratch(): void {
    const n = this.docs.length;
    if (this.hits.length >= n) return;
    this.hits = new Uint8Array(n * 2);
    this.score = new Float32Array(n * 2);
    this.wordScore = new Float32Array(n * 2);
    this.matched = new Int32Array(n * 2);
  }

  /** Terms a query word matches, with the weight of that kind of match. */
  private termsFor(word: string, isLast: boolean): TermWeight[] {
    const weights = new Map<number, number>();
    const put = (term: string, weight: number) => {
      const id = this.termIds.get(term);
      if (id !== undefined && (weights.get(id) ?? 0) < weight) weights.set(id, weight);
    };
    const han = isHan(word);
    if (isLast && (han || word.length >= MIN_LATIN_PREFIX)) {
      for (const t of this.prefixTerms(word)) put(t, WEIGHT_PREFIX);
      if (!han) for (const t of this.prefixTerms(PINYIN_PREFIX + word)) put(t, WEIGHT_PINYIN_PREFIX);
    }
    if (!han) {
      for (const t of this.typo.lookup(word)) put(t, WEIGHT_TYPO);
      put(PINYIN_PREFIX + word, WEIGHT_PINYIN);
    }
    put(word, WEIGHT_EXACT);
    return [...weights].map(([term, weight]) => ({ term, weight }));
  }

  private prefixTerms(prefix: string): string[] {
    const out: string[] = [];
    for (let i = lowerBound(this.sortedTerms, prefix); i < this.sortedTerms.length && out.length < MAX_PREFIX_TERMS; i++) {
      const t = this.sortedTerms[i]!;
      if (!t.startsWith(prefix)) break;
      out.push(t);
    }
    return out;
  }

  /** Every query word must match (AND); a document's score sums each word's best match. */
  /** Writes the live ordinals matching every word into `this.matched`; returns how many. */
  private match(words: string[]): number {
    const perWord: TermWeight[][] = [];
    words.forEach((word, i) => {
      const isLast = i === words.length - 1;
      const terms = this.termsFor(word, isLast);
      // The segmenter may split the query differently from the document: fall back to characters.
      if (terms.length === 0 && isHan(word) && word.length > 1) {
        for (const ch of word) perWord.push(this.termsFor(ch, false));
      } else perWord.push(terms);
    });
    if (perWord.some((t) => t.length === 0)) return 0;
    const cost = (ts: TermWeight[]) => ts.reduce((s, t) => s + this.postingLen[t.term]!, 0);
    perWord.sort((a, b) => cost(a) - cost(b));

    const { hits, score, wordScore, matched: touched } = this;
    let touchedCount = 0;
    perWord.forEach((terms, k) => {
      for (const { term, weight } of terms) {
        const list = this.postings[term]!;
        const len = this.postingLen[term]!;
        for (let i = 0; i < len; i++) {
          const p = list[i]!;
          const ord = p >>> 3;
          const h = hits[ord]!;
          const w = weight * FIELD_WEIGHT[p & 7]!;
          if (h === k) {
            if (k === 0) {
              touched[touchedCount++] = ord;
              score[ord] = 0;
            }
            hits[ord] = k + 1;
            score[ord] = score[ord]! + w;
            wordScore[ord] = w;
          } else if (h === k + 1 && w > wordScore[ord]!) {
            score[ord] = score[ord]! + w - wordScore[ord]!;
            wordScore[ord] = w;
          }
        }
      }
    });
    const all = perWord.length;
    let count = 0;
    for (let i = 0; i < touchedCount; i++) {
      const ord = touched[i]!;
      if (hits[ord] === all && this.alive[ord]) touched[count++] = ord;
      hits[ord] = 0;
    }
    return count;
  }

  /**
   * Keeps the candidates that pass every filter, in place in `this.matched`. `candidates` is the
   * number of text matches there, or -1 for "every live document" (empty query).
   */
  private applyFilters(candidates: number, filters: NonNullable<SearchQuery["filters"]>): number {
    const wanted = FACET_FIELDS.map((field) => {
      const value = filters[field];
      return value === undefined ? -1 : (this.dictionaries[field].find(value) ?? -2);
    });
    const region = filters.region === undefined ? -1 : (this.regions.find(filters.region) ?? -2);
    if (region === -2 || wanted.includes(-2)) return 0;
    const [type, category, urgency, status] = wanted as [number, number, number, number];
    const { alive, regionIds, matched } = this;
    const types = this.fieldValues.type;
    const categories = this.fieldValues.category;
    const urgencies = this.fieldValues.urgency;
    const statuses = this.fieldValues.status;
    const all = candidates < 0;
    const end = all ? this.docs.length : candidates;
    let count = 0;
    for (let i = 0; i < end; i++) {
      const ord = all ? i : matched[i]!;
      if (all && !alive[ord]) continue;
      if (type >= 0 && types[ord] !== type) continue;
      if (category >= 0 && categories[ord] !== category) continue;
      if (urgency >= 0 && urgencies[ord] !== urgency) continue;
      if (status >= 0 && statuses[ord] !== status) continue;
      if (region >= 0) {
        let inRegion = false;
        for (let r = ord * REGION_DEPTH, stop = r + REGION_DEPTH; r < stop; r++) {
          if (regionIds[r] === region) {
            inRegion = true;
            break;
          }
        }
        if (!inRegion) continue;
      }
      matched[count++] = ord;
    }
    return count;
  }

  private countRegions(matched: Int32Array, count: number): Record<string, number> {
    const counts = new Uint32Array(this.regions.values.length);
    for (let i = 0; i < count; i++) {
      const base = matched[i]! * REGION_DEPTH;
      for (let level = 0; level < REGION_DEPTH; level++) counts[this.regionIds[base + level]!]!++;
    }
    const out: Record<string, number> = {};
    counts.forEach((n, id) => {
      if (id > 0 && n > 0) out[this.regions.values[id]!] = n;
    });
    return out;
  }

  private countFacet(field: FacetField, matched: Int32Array, count: number): Record<string, number> {
    const dict = this.dictionaries[field];
    const counts = new Uint32Array(dict.values.length);
    const values = this.fieldValues[field];
    for (let i = 0; i < count; i++) counts[values[matched[i]!]!]!++;
    const out: Record<string, number> = {};
    const order = [...counts.keys()].filter((id) => id > 0 && counts[id]! > 0);
    order.sort((a, b) => counts[b]! - counts[a]! || (dict.values[a]! < dict.values[b]! ? -1 : 1));
    for (const id of order) out[dict.values[id]!] = counts[id]!;
    return out;
  }

  /** `better(a, b)` is true when a ranks before b. Ties end on the id, so order is deterministic. */
  private comparator(sort: NonNullable<SearchQuery["sort"]>, hasScores: boolean): (a: number, b: number) => boolean {
    const { score, docs } = this;
    const key = sort === "newest" ? this.newestKey : sort === "urgency" ? this.urgencyKey : this.needKey;
    const byKey = (a: number, b: number) => (key[a] !== key[b] ? key[a]! > key[b]! : docs[a]!.id < docs[b]!.id);
    if (sort !== "relevance" || !hasScores) return byKey;
    return (a, b) => (score[a] !== score[b] ? score[a]! > score[b]! : byKey(a, b));
  }
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The best `k` of the first `count` items, best first, without sorting every match. */
function topK(items: Int32Array, count: number, k: number, better: (a: number, b: number) => boolean): number[] {
  if (k >= count / 4) return Array.from(items.subarray(0, count)).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, k);
  const top: number[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[i]!;
    if (top.length === k && !better(item, top[k - 1]!)) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (better(item, top[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

export function createEmbeddedSearchEngine(): SearchEngine {
  return new EmbeddedSearchEngine();
}
