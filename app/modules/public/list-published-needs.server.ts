import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { getSearchEngine } from "~/utils/search.server.ts";
import { pageCount, PageQuerySchema } from "../resources/page-query.server.ts";
import { countNeedFacetsInDatabase, countNeedFacetsInSearch } from "./count-need-facets.server.ts";
import { PUBLIC_CASE_SELECT } from "./public-case-select.server.ts";

export const PAGE_SIZE = 12;

const CATEGORIES = ["MAJOR_ILLNESS", "ACCIDENT", "DISASTER", "DEATH_OF_BREADWINNER", "EDUCATION", "OTHER"] as const;
const URGENCIES = ["CRITICAL", "HIGH", "NORMAL"] as const;

// Unknown filter values are dropped rather than answered with an error: people share these URLs.
export const NeedsQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional().catch(undefined),
  category: z.enum(CATEGORIES).optional().catch(undefined),
  urgency: z.enum(URGENCIES).optional().catch(undefined),
  region: z.string().regex(/^\d{2,12}$/).optional().catch(undefined),
  sort: z.enum(["needIndex", "urgency", "newest"]).default("needIndex").catch("needIndex"),
});
export type NeedsQuery = z.infer<typeof NeedsQuerySchema>;

const ORDER: Record<NeedsQuery["sort"], Prisma.CaseOrderByWithRelationInput[]> = {
  needIndex: [{ needIndex: { sort: "desc", nulls: "last" } }, { publishedAt: "desc" }],
  // The enum is declared CRITICAL, HIGH, NORMAL, so ascending puts the most urgent first.
  urgency: [{ urgency: "asc" }, { needIndex: { sort: "desc", nulls: "last" } }],
  newest: [{ publishedAt: "desc" }],
};

export async function listPublishedNeeds(query: NeedsQuery) {
  if (query.q) return searchPublishedNeeds({ ...query, q: query.q });
  const where: Prisma.CaseWhereInput = {
    status: "PUBLISHED",
    ...(query.category && { category: query.category }),
    ...(query.urgency && { urgency: query.urgency }),
    ...(query.region && { regionCode: { startsWith: query.region } }),
  };
  const [total, cases, facets] = await Promise.all([
    prisma.case.count({ where }),
    prisma.case.findMany({
      where,
      orderBy: ORDER[query.sort],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: PUBLIC_CASE_SELECT,
    }),
    countNeedFacetsInDatabase(query),
  ]);
  return { total, pages: pageCount(total, PAGE_SIZE), cases, facets };
}

/** Text search goes through the search engine (Chinese words, pinyin, typos); rows come from the database. */
async function searchPublishedNeeds(query: NeedsQuery & { q: string }) {
  const engine = await getSearchEngine();
  const facets = countNeedFacetsInSearch(query);
  const result = await engine.search({
    q: query.q,
    filters: { type: "need", status: "PUBLISHED", category: query.category, urgency: query.urgency, region: query.region },
    sort: query.sort === "needIndex" ? "relevance" : query.sort,
    page: query.page,
    pageSize: PAGE_SIZE,
  });
  const caseNos = result.hits.map((hit) => hit.url.split("/").pop() ?? "");
  const rows = await prisma.case.findMany({ where: { caseNo: { in: caseNos }, status: "PUBLISHED" }, select: PUBLIC_CASE_SELECT });
  const byCaseNo = new Map(rows.map((row) => [row.caseNo, row]));
  const cases = caseNos.flatMap((caseNo) => byCaseNo.get(caseNo) ?? []);
  return { total: result.total, pages: pageCount(result.total, PAGE_SIZE), cases, facets: await facets };
}
