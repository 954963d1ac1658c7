// The behaviour every SearchEngine must share (DESIGN §7). Run by each engine's contract test:
// the embedded engine always, Meilisearch when MEILI_URL is set.
import { beforeEach, describe, expect, it } from "vitest";
import type { SearchDocument, SearchEngine } from "../search-engine.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

function doc(key: string, fields: Partial<SearchDocument>): SearchDocument {
  return {
    id: `need:${key}`,
    type: "need",
    title: "",
    body: "",
    keywords: [],
    regionCodes: ["34", "3413", "341322"],
    regionName: "安徽省宿州市萧县",
    category: "MEDICAL",
    urgency: "NORMAL",
    status: "PUBLISHED",
    needIndex: 50,
    publishedAt: T0,
    url: `/needs/${key}`,
    ...fields,
  };
}

/** A small fixed corpus covering every filter value and text case the tests rely on. */
export function contractDocuments(): SearchDocument[] {
  return [
    doc("A1", { title: "萧县龙城镇白血病患儿急需化疗费用", body: "孩子确诊白血病，家庭无力承担化疗费用。", urgency: "CRITICAL", needIndex: 92, publishedAt: T0 + 1 * DAY, regionCodes: ["34", "3413", "341322", "341322100"], regionName: "安徽省宿州市萧县龙城镇" }),
    doc("A2", { title: "张家口独居老人冬季需要棉被", body: "张家口山区寒冷，老人缺少棉被和取暖煤。", category: "BASIC_LIVING", urgency: "HIGH", needIndex: 71, publishedAt: T0 + 2 * DAY, regionCodes: ["13", "1307", "130702"], regionName: "河北省张家口市桥东区" }),
    doc("A3", { title: "满洲里火灾受灾家庭重建", body: "一场火灾烧毁了住房，需要临时安置和心理疏导。", category: "DISASTER", urgency: "CRITICAL", needIndex: 85, publishedAt: T0 + 3 * DAY, regionCodes: ["15", "1507", "150781"], regionName: "内蒙古自治区呼伦贝尔市满洲里市" }),
    doc("A4", { title: "脑出血术后康复", body: "父亲突发脑出血，术后需要康复治疗。萧县医院建议转院。", urgency: "HIGH", needIndex: 64, publishedAt: T0 + 4 * DAY }),
    doc("A5", { title: "大学新生助学", body: "考上大学却凑不齐学费，申请助学。", category: "EDUCATION", urgency: "NORMAL", needIndex: 40, publishedAt: T0 + 5 * DAY, status: "FUNDED", regionCodes: ["34", "3413", "341321"], regionName: "安徽省宿州市砀山县" }),
    {
      ...doc("P1", { title: "Winter blanket drive", body: "Volunteers deliver blankets and heaters to elderly people.", keywords: ["blanket", "logistics"], category: "BASIC_LIVING", urgency: null, needIndex: null, publishedAt: T0 + 6 * DAY, status: "ACTIVE" }),
      id: "project:P1",
      type: "project",
      url: "/projects/P1",
    },
    {
      ...doc("V1", { title: "心理咨询志愿服务", body: "Counselling for families after disasters.", keywords: ["psychology", "counselling"], category: null, urgency: null, needIndex: null, publishedAt: T0 + 7 * DAY, status: "ACTIVE", regionCodes: ["15", "1507"], regionName: "内蒙古自治区呼伦贝尔市" }),
      id: "volunteerOffer:V1",
      type: "volunteerOffer",
      url: "/volunteer/V1",
    },
  ];
}

export function describeSearchEngineContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
  describe(`SearchEngine contract: ${name}`, () => {
    let engine: SearchEngine;
    const ids = async (q: Parameters<SearchEngine["search"]>[0]) => (await engine.search(q)).hits.map((h) => h.id);

    beforeEach(async () => {
      engine = await makeEngine();
      await engine.clear();
      await engine.upsert(contractDocuments());
    });

    it("reports its documents in health", async () => {
      expect(await engine.health()).toEqual({ ok: true, documents: 7 });
    });

    it("returns every document for an empty query", async () => {
      const result = await engine.search({ pageSize: 100 });
      expect(result.total).toBe(7);
      expect(result.hits).toHaveLength(7);
    });

    it("returns the public hit fields", async () => {
      const [hit] = (await engine.search({ q: "满洲里" })).hits;
      expect(hit).toEqual({ id: "need:A3", type: "need", title: "满洲里火灾受灾家庭重建", url: "/needs/A3", regionName: "内蒙古自治区呼伦贝尔市满洲里市", category: "DISASTER", urgency: "CRITICAL", needIndex: 85 });
    });

    it.each([
      ["白血病", ["need:A1"]],
      ["脑出血", ["need:A4"]],
      ["火灾", ["need:A3"]],
      ["助学", ["need:A5"]],
      ["棉被", ["need:A2"]],
      ["心理疏导", ["need:A3"]],
      ["张家口", ["need:A2"]],
      ["龙城镇", ["need:A1"]],
    ])("finds a Chinese word: %s", async (q, expected) => {
      expect(await ids({ q })).toEqual(expected);
    });

    it("ANDs the words of a query", async () => {
      expect(await ids({ q: "萧县 脑出血" })).toEqual(["need:A4"]);
      expect(await ids({ q: "萧县 火灾" })).toEqual([]);
    });

    it.each([
      ["zhangjiakou", "need:A2"],
      ["zjk", "need:A2"],
      ["manzhouli", "need:A3"],
      ["mzl", "need:A3"],
      ["baixuebing", "need:A1"],
    ])("finds Chinese by pinyin or initials: %s", async (q, id) => {
      expect(await ids({ q })).toContain(id);
    });

    it("finds English words with a typo", async () => {
      expect(await ids({ q: "blanket" })).toEqual(["project:P1"]);
      expect(await ids({ q: "blnket" })).toEqual(["project:P1"]);
      expect(await ids({ q: "counseling" })).toEqual(["volunteerOffer:V1"]);
      expect(await ids({ q: "xyzzyq" })).toEqual([]);
    });

    it("ranks a title match above a keyword or body match", async () => {
      const hits = await ids({ q: "萧县", pageSize: 100 });
      expect(hits[0]).toBe("need:A1");
      expect([...hits].sort()).toEqual(["need:A1", "need:A4", "project:P1"]);
    });

    it("filters by type, category, urgency and status", async () => {
      expect(await ids({ filters: { type: "project" } })).toEqual(["project:P1"]);
      expect((await ids({ filters: { category: "MEDICAL" }, pageSize: 100 })).sort()).toEqual(["need:A1", "need:A4"]);
      expect((await ids({ filters: { urgency: "CRITICAL" } })).sort()).toEqual(["need:A1", "need:A3"]);
      expect(await ids({ filters: { status: "FUNDED" } })).toEqual(["need:A5"]);
      expect(await ids({ filters: { category: "NO_SUCH" } })).toEqual([]);
    });

    it("filters by a region subtree", async () => {
      expect((await ids({ filters: { region: "3413" }, pageSize: 100 })).sort()).toEqual(["need:A1", "need:A4", "need:A5", "project:P1"]);
      expect(await ids({ filters: { region: "341322100" } })).toEqual(["need:A1"]);
      expect((await ids({ filters: { region: "15" } })).sort()).toEqual(["need:A3", "volunteerOffer:V1"]);
      expect(await ids({ q: "白血病", filters: { region: "13" } })).toEqual([]);
    });

    it("counts facets over all matches, not just the page", async () => {
      const result = await engine.search({ filters: { region: "34" }, pageSize: 1, facets: ["type", "category", "urgency", "status"] });
      expect(result.total).toBe(4);
      expect(result.hits).toHaveLength(1);
      expect(result.facets.type).toEqual({ need: 3, project: 1 });
      expect(result.facets.category).toEqual({ MEDICAL: 2, EDUCATION: 1, BASIC_LIVING: 1 });
      expect(result.facets.urgency).toEqual({ CRITICAL: 1, HIGH: 1, NORMAL: 1 });
      expect(result.facets.status).toEqual({ PUBLISHED: 2, FUNDED: 1, ACTIVE: 1 });
    });

    it("counts the region facet at every level of each match's region path", async () => {
      const result = await engine.search({ filters: { region: "34" }, facets: ["region"] });
      expect(result.facets.region).toEqual({ "34": 4, "3413": 4, "341322": 3, "341322100": 1, "341321": 1 });
      const fire = await engine.search({ q: "火灾", facets: ["region"] });
      expect(fire.facets.region).toEqual({ "15": 1, "1507": 1, "150781": 1 });
    });

    it("sorts by need index, urgency and newest", async () => {
      const needs = { filters: { type: "need" as const } };
      expect(await ids({ ...needs, sort: "needIndex" })).toEqual(["need:A1", "need:A3", "need:A2", "need:A4", "need:A5"]);
      expect(await ids({ ...needs, sort: "urgency" })).toEqual(["need:A1", "need:A3", "need:A2", "need:A4", "need:A5"]);
      expect(await ids({ sort: "newest", pageSize: 3 })).toEqual(["volunteerOffer:V1", "project:P1", "need:A5"]);
      const urgent = await engine.search({ sort: "urgency", pageSize: 100 });
      expect(urgent.hits.slice(0, 2).every((h) => h.urgency === "CRITICAL")).toBe(true);
    });

    it("pages with a stable total", async () => {
      const page1 = await engine.search({ sort: "newest", page: 1, pageSize: 3 });
      const page3 = await engine.search({ sort: "newest", page: 3, pageSize: 3 });
      expect(page1.total).toBe(7);
      expect(page3.total).toBe(7);
      expect(page3.hits.map((h) => h.id)).toEqual(["need:A1"]);
      expect((await engine.search({ sort: "newest", page: 4, pageSize: 3 })).hits).toEqual([]);
    });

    it("replaces a document on upsert with the same id", async () => {
      await engine.upsert([doc("A3", { title: "满洲里洪水", body: "洪水冲毁道路。", category: "DISASTER" })]);
      expect(await ids({ q: "火灾" })).toEqual([]);
      expect(await ids({ q: "洪水" })).toEqual(["need:A3"]);
      expect((await engine.health()).documents).toBe(7);
    });

    it("removes documents and clears the index", async () => {
      await engine.remove(["need:A1", "need:missing"]);
      expect(await ids({ q: "白血病" })).toEqual([]);
      expect((await engine.search({})).total).toBe(6);
      await engine.clear();
      expect((await engine.search({})).total).toBe(0);
      expect((await engine.health()).documents).toBe(0);
    });
  });
}
