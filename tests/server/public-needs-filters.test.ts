import { describe, expect, it } from "vitest";
import { loader as needsLoader } from "~/routes/_public+/needs._index.tsx";
import { createCase, createCounty } from "../factories/index.ts";

const load = async (query: string) => needsLoader({ request: new Request(`http://localhost/needs?${query}`), params: {}, context: {} });

describe("/needs filters and facet counts", () => {
  async function countyWithNeeds() {
    const county = await createCounty();
    await createCase(county, { status: "PUBLISHED", category: "MAJOR_ILLNESS", urgency: "CRITICAL", publishedAt: new Date() });
    await createCase(county, { status: "PUBLISHED", category: "MAJOR_ILLNESS", urgency: "HIGH", publishedAt: new Date() });
    await createCase(county, { status: "PUBLISHED", category: "ACCIDENT", urgency: "NORMAL", publishedAt: new Date() });
    // Not public: never listed, never counted.
    await createCase(county, { status: "VERIFIED", category: "ACCIDENT", urgency: "CRITICAL" });
    return county;
  }

  it("lists a region subtree, counting each facet with the other filters applied", async () => {
    const county = await countyWithNeeds();
    const page = await load(`region=${county.code}&category=MAJOR_ILLNESS`);
    expect(page.total).toBe(2);
    expect(page.cases.every((c) => c.category === "MAJOR_ILLNESS" && c.region.code === county.code)).toBe(true);
    // Category counts ignore the category filter, so the other choice still shows its count.
    expect(page.facets.category).toEqual({ MAJOR_ILLNESS: 2, ACCIDENT: 1 });
    expect(page.facets.urgency).toEqual({ CRITICAL: 1, HIGH: 1 });
    expect(page.facets.region[county.code]).toBe(2);
  });

  it("offers the region tree (province, city, county) with counts, in code order", async () => {
    const county = await countyWithNeeds();
    const page = await load(`region=${county.code.slice(0, 4)}`);
    expect(page.total).toBeGreaterThanOrEqual(3);
    const choice = page.regions.find((r) => r.code === county.code);
    expect(choice).toMatchObject({ name: county.name, depth: 2, count: 3 });
    const codes = page.regions.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toContain(county.code.slice(0, 2));
  });

  it("filters a whole province by its prefix and sorts by urgency", async () => {
    const county = await countyWithNeeds();
    const page = await load(`region=${county.code}&sort=urgency`);
    expect(page.cases.map((c) => c.urgency)).toEqual(["CRITICAL", "HIGH", "NORMAL"]);
  });

  it("drops unknown filter values instead of failing: shared links keep working", async () => {
    const page = await load("category=NOPE&urgency=x&region=abc&sort=zzz&page=-3");
    expect(page.query).toMatchObject({ category: undefined, urgency: undefined, region: undefined, sort: "needIndex", page: 1 });
  });
});
