// Meilisearch index settings as code (DESIGN §7). The engine applies them when it first connects,
// so a fresh Meilisearch server, or one whose settings drifted, ends up configured the same way.
import type { Settings } from "meilisearch";

/** The one index holding every public document type; `type` tells them apart. */
export const MEILI_INDEX_UID = "public_documents";
export const MEILI_PRIMARY_KEY = "id";

/**
 * Meilisearch counts hits only up to pagination.maxTotalHits (1,000 by default); public listings
 * page through every published need, so the cap is raised well above the expected corpus.
 */
export const MEILI_MAX_TOTAL_HITS = 100_000;

/** Facet counts per attribute: categories, urgencies, statuses and types are all small enums. */
export const MEILI_MAX_VALUES_PER_FACET = 100;

export const MEILI_SETTINGS: Settings = {
  // Order matters: a match in the title outranks one in keywords, which outranks the story.
  // `pinyin` holds the full pinyin and initials of titles, keywords and region names (the engine
  // computes it), so "zhangjiakou" and "zjk" find 张家口.
  searchableAttributes: ["title", "keywords", "regionName", "pinyin", "body"],
  filterableAttributes: ["type", "category", "regionCodes", "urgency", "status"],
  sortableAttributes: ["needIndex", "urgencyRank", "publishedAt"],
  // The defaults, with `sort` before `exactness` so an explicit sort (need index, urgency, newest)
  // orders matching documents instead of only breaking ties.
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
  displayedAttributes: ["id", "type", "title", "url", "regionName", "category", "urgency", "needIndex"],
  // Giver vocabulary and civil-affairs vocabulary for the same thing; Chinese and English.
  synonyms: {
    大病: ["重大疾病", "重病"],
    重大疾病: ["大病", "重病"],
    重病: ["大病", "重大疾病"],
    火灾: ["失火", "着火"],
    失火: ["火灾"],
    水灾: ["洪灾", "洪水"],
    洪灾: ["水灾", "洪水"],
    洪水: ["洪灾", "水灾"],
    志愿者: ["义工", "志愿服务"],
    义工: ["志愿者"],
    救急难: ["急难救助", "临时救助"],
    急难救助: ["救急难"],
    助学: ["因学致困", "教育"],
    因学致困: ["助学"],
    illness: ["disease", "sickness", "medical"],
    disease: ["illness"],
    medical: ["illness"],
    fire: ["blaze"],
    flood: ["flooding"],
    volunteer: ["volunteering"],
    charity: ["nonprofit", "ngo"],
    ngo: ["charity"],
  },
  // Typos matter for Latin text (English words, pinyin); Chinese words are segmented, not spelt.
  // Case numbers and region codes must match exactly.
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    disableOnNumbers: true,
    disableOnAttributes: [],
  },
  faceting: { maxValuesPerFacet: MEILI_MAX_VALUES_PER_FACET },
  pagination: { maxTotalHits: MEILI_MAX_TOTAL_HITS },
};
