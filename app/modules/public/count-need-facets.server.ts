import type { Prisma } from "~/generated/prisma/client.ts";
import { ancestorRegionCodes } from "~/domain/region-codes.ts";
import { prisma } from "~/utils/db.server.ts";
import { getSearchEngine } from "~/utils/search.server.ts";
import type { NeedsQuery } from "./list-published-needs.server.ts";

/** Counts next to each filter choice: how many needs that choice would show. */
export type NeedFacets = {
  category: Record<string, number>;
  urgency: Record<string, number>;
  /** Keyed by region code at every level (province, city, county …). */
  region: Record<string, number>;
};

type FacetFilter = "category" | "urgency" | "region";

// Each facet is counted with every filter applied except its own, so choosing 重大疾病 still shows
// how many 意外伤害 needs there are to switch to (the usual "disjunctive" facets of a shop).
const withoutFilter = (query: NeedsQuery, filter: FacetFilter): NeedsQuery => ({ ...query, [filter]: undefined });

/** Facets from the database: the list without a search word comes from there too. */
export async function countNeedFacetsInDatabase(query: NeedsQuery): Promise<NeedFacets> {
  const where = (q: NeedsQuery): Prisma.CaseWhereInput => ({
    status: "PUBLISHED",
    ...(q.category && { category: q.category }),
    ...(q.urgency && { urgency: q.urgency }),
    ...(q.region && { regionCode: { startsWith: q.region } }),
  });
  const [categories, urgencies, regions] = await Promise.all([
    prisma.case.groupBy({ by: ["category"], where: where(withoutFilter(query, "category")), _count: { _all: true } }),
    prisma.case.groupBy({ by: ["urgency"], where: where(withoutFilter(query, "urgency")), _count: { _all: true } }),
    prisma.case.groupBy({ by: ["regionCode"], where: where(withoutFilter(query, "region")), _count: { _all: true } }),
  ]);
  const region: Record<string, number> = {};
  for (const row of regions) {
    for (const code of ancestorRegionCodes(row.regionCode)) region[code] = (region[code] ?? 0) + row._count._all;
  }
  return {
    category: Object.fromEntries(categories.map((r) => [r.category, r._count._all])),
    urgency: Object.fromEntries(urgencies.map((r) => [r.urgency, r._count._all])),
    region,
  };
}

/** Facets from the search engine, for a search word: counted over the same matches as the list. */
export async function countNeedFacetsInSearch(query: NeedsQuery & { q: string }): Promise<NeedFacets> {
  const engine = await getSearchEngine();
  const count = async (facet: FacetFilter) => {
    const q = withoutFilter(query, facet);
    const result = await engine.search({
      q: query.q,
      filters: { type: "need", status: "PUBLISHED", category: q.category, urgency: q.urgency, region: q.region },
      pageSize: 1,
      facets: [facet],
    });
    return result.facets[facet] ?? {};
  };
  const [category, urgency, region] = await Promise.all([count("category"), count("urgency"), count("region")]);
  return { category, urgency, region };
}
