// Search benchmark (issue 4): builds the embedded index over 100,000 generated documents and
// measures 1,000 mixed queries. Target on the 2-core CI machine: p95 ≤ 10 ms.
// Run: npm run bench:search   (SEARCH_BENCH_DOCS=20000 for a quicker run)
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { EmbeddedSearchEngine } from "../../search/embedded-engine.ts";
import type { SearchDocument, SearchQuery } from "../../search/search-engine.ts";

const DOCS = Number(process.env.SEARCH_BENCH_DOCS ?? 100_000);
const QUERIES = 1_000;
const WARMUP_QUERIES = 100;
const BATCH = 1_000;

/** mulberry32: small, fast, seeded, so every run indexes the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20260101);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const REGIONS = [
  { codes: ["34", "3413", "341322", "341322100"], name: "安徽省宿州市萧县龙城镇", place: "萧县龙城镇" },
  { codes: ["34", "3413", "341322"], name: "安徽省宿州市萧县", place: "萧县" },
  { codes: ["34", "3413", "341302"], name: "安徽省宿州市埇桥区", place: "埇桥区" },
  { codes: ["13", "1307", "130702"], name: "河北省张家口市桥东区", place: "张家口" },
  { codes: ["13", "1307", "130722"], name: "河北省张家口市张北县", place: "张北县" },
  { codes: ["15", "1507", "150781"], name: "内蒙古自治区呼伦贝尔市满洲里市", place: "满洲里" },
  { codes: ["51", "5101", "510104"], name: "四川省成都市锦江区", place: "成都锦江" },
  { codes: ["41", "4101", "410102"], name: "河南省郑州市中原区", place: "郑州中原区" },
  { codes: ["44", "4403", "440304"], name: "广东省深圳市福田区", place: "深圳福田" },
  { codes: ["62", "6201", "620102"], name: "甘肃省兰州市城关区", place: "兰州城关" },
] as const;
const PEOPLE = ["患儿", "独居老人", "单亲母亲", "残疾青年", "留守儿童", "低保户", "退伍军人", "大学新生", "务工人员", "五保老人"];
const TROUBLES = [
  { words: ["白血病", "化疗"], category: "MEDICAL", en: ["leukemia", "chemotherapy"] },
  { words: ["脑出血", "康复"], category: "MEDICAL", en: ["stroke", "rehabilitation"] },
  { words: ["尿毒症", "透析"], category: "MEDICAL", en: ["dialysis", "kidney"] },
  { words: ["火灾", "重建"], category: "DISASTER", en: ["fire", "shelter"] },
  { words: ["洪水", "安置"], category: "DISASTER", en: ["flood", "shelter"] },
  { words: ["助学", "学费"], category: "EDUCATION", en: ["tuition", "scholarship"] },
  { words: ["棉被", "取暖"], category: "BASIC_LIVING", en: ["blanket", "heating"] },
  { words: ["心理疏导", "陪伴"], category: "MENTAL_HEALTH", en: ["counselling", "psychology"] },
  { words: ["轮椅", "护理"], category: "DISABILITY", en: ["wheelchair", "nursing"] },
  { words: ["车祸", "手术"], category: "ACCIDENT", en: ["accident", "surgery"] },
] as const;
const NEEDS = ["急需救助", "需要帮助", "求助", "盼望援手", "亟待支援"];
const SENTENCES = [
  "家庭收入微薄，难以承担{t}费用。",
  "村委会和民政所已经核实情况，{p}目前生活十分困难。",
  "{place}的邻居们自发捐款，但缺口仍然很大。",
  "医生建议尽快{t}，否则病情可能恶化。",
  "社工定期上门探访，提供心理疏导和生活照料。",
  "冬季寒冷，家里缺少棉被、大米和食用油。",
  "孩子成绩优秀，希望继续完成学业。",
  "志愿者将协助办理医保报销和临时救助手续。",
];
const STATUSES = ["PUBLISHED", "PUBLISHED", "PUBLISHED", "FUNDED", "CLOSED"];
const URGENCIES = ["CRITICAL", "HIGH", "NORMAL", "NORMAL"] as const;
const TYPES = ["need", "need", "need", "need", "project", "volunteerOffer", "organization"] as const;

function makeDocument(i: number): SearchDocument {
  const region = pick(REGIONS);
  const person = pick(PEOPLE);
  const trouble = pick(TROUBLES);
  const type = pick(TYPES);
  const sentences = Array.from({ length: 3 + Math.floor(random() * 3) }, () =>
    pick(SENTENCES).replace("{t}", pick(trouble.words)).replace("{p}", person).replace("{place}", region.place),
  );
  const isNeed = type === "need";
  return {
    id: `${type}:${i}`,
    type,
    title: `${region.place}${person}${trouble.words[0]}${pick(NEEDS)}`,
    body: `${region.place}${person}因${trouble.words[0]}陷入困境。${sentences.join("")}`,
    keywords: random() < 0.3 ? [...trouble.en, pick(["volunteer", "donation", "emergency", "community"])] : [trouble.words[1]],
    regionCodes: [...region.codes],
    regionName: region.name,
    category: trouble.category,
    urgency: isNeed ? pick(URGENCIES) : null,
    status: pick(STATUSES),
    needIndex: isNeed ? Math.floor(random() * 101) : null,
    publishedAt: Date.UTC(2025, 0, 1) + Math.floor(random() * 700 * 86_400_000),
    url: `/needs/${i}`,
  };
}

const TEXT_QUERIES = [
  // Chinese words and phrases
  "白血病", "脑出血", "火灾", "助学", "棉被", "心理疏导", "萧县", "龙城镇", "张家口", "满洲里", "萧县 白血病", "张家口 棉被", "独居老人", "化疗", "留守儿童 助学",
  // pinyin, full and initials
  "zhangjiakou", "manzhouli", "baixuebing", "naochuxue", "xiaoxian", "zhuxue", "zjk", "mzl", "bxb", "ncx", "mianbei",
  // English, some with typos
  "wheelchair", "wheelchiar", "blanket", "blankit", "tution", "scholarship", "counseling", "psycology", "dialysis", "dialisys", "shelter flood", "rehabilitaton",
];
const CATEGORIES = [...new Set(TROUBLES.map((t) => t.category))];

function makeQuery(): SearchQuery {
  const query: SearchQuery = {};
  if (random() < 0.85) query.q = pick(TEXT_QUERIES);
  if (random() < 0.5) {
    query.filters = {};
    if (random() < 0.5) query.filters.region = pick(REGIONS).codes[Math.floor(random() * 3)]!;
    if (random() < 0.4) query.filters.category = pick(CATEGORIES);
    if (random() < 0.3) query.filters.urgency = pick(URGENCIES);
    if (random() < 0.3) query.filters.type = "need";
    if (random() < 0.2) query.filters.status = "PUBLISHED";
  }
  if (random() < 0.5) query.facets = ["type", "category", "urgency", "status"];
  query.sort = pick(["relevance", "relevance", "needIndex", "urgency", "newest"] as const);
  query.page = random() < 0.8 ? 1 : 1 + Math.floor(random() * 5);
  return query;
}

function heapUsedMb(): string {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as (() => void) | undefined;
  if (typeof gc === "function") {
    gc();
    return `${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MB (after gc)`;
  }
  return `${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MB (no gc available, includes garbage)`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const heapBefore = heapUsedMb();
  const engine = new EmbeddedSearchEngine();
  const docs = Array.from({ length: DOCS }, (_, i) => makeDocument(i));
  const start = performance.now();
  for (let i = 0; i < docs.length; i += BATCH) await engine.upsert(docs.slice(i, i + BATCH));
  await engine.search({ q: "warm" });
  const buildMs = performance.now() - start;
  const heapAfter = heapUsedMb();

  const queries = Array.from({ length: WARMUP_QUERIES + QUERIES }, makeQuery);
  const times: number[] = [];
  let totalHits = 0;
  const slowest: Array<[number, SearchQuery]> = [];
  for (const [i, q] of queries.entries()) {
    const t = performance.now();
    const result = await engine.search(q);
    const elapsed = performance.now() - t;
    if (i >= WARMUP_QUERIES) {
      times.push(elapsed);
      slowest.push([elapsed, q]);
      totalHits += result.total;
    }
  }
  times.sort((a, b) => a - b);
  const sample = await engine.search({ q: "zjk 棉被", filters: { region: "13" }, facets: ["category"] });

  console.log(`embedded search bench: ${DOCS.toLocaleString("en")} documents, ${QUERIES} queries (+${WARMUP_QUERIES} warm-up), Node ${process.version}`);
  console.log(`index build:   ${(buildMs / 1000).toFixed(2)} s (${Math.round(DOCS / (buildMs / 1000)).toLocaleString("en")} docs/s)`);
  console.log(`heap used:     ${heapBefore} before, ${heapAfter} after build`);
  console.log(`latency:       p50 ${percentile(times, 50).toFixed(2)} ms · p95 ${percentile(times, 95).toFixed(2)} ms · p99 ${percentile(times, 99).toFixed(2)} ms · max ${times.at(-1)!.toFixed(2)} ms`);
  console.log(`matches:       ${Math.round(totalHits / QUERIES).toLocaleString("en")} per query on average`);
  console.log(`sample "zjk 棉被" in region 13: ${sample.total} matches, categories ${JSON.stringify(sample.facets.category)}`);
  if (process.env.SEARCH_BENCH_VERBOSE) {
    slowest.sort((a, b) => b[0] - a[0]);
    for (const [ms, q] of slowest.slice(0, 15)) console.log(`  ${ms.toFixed(2)} ms ${JSON.stringify(q)}`);
  }
  console.log(`target p95 ≤ 10 ms: ${percentile(times, 95) <= 10 ? "met" : "MISSED"}`);
}

await main();
