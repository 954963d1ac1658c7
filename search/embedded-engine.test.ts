import { describe, expect, it } from "vitest";
import { EmbeddedSearchEngine } from "./embedded-engine.ts";
import type { SearchDocument } from "./search-engine.ts";

function doc(key: string, title: string, body = "", extra: Partial<SearchDocument> = {}): SearchDocument {
  return { id: `need:${key}`, type: "need", title, body, keywords: [], regionCodes: ["34"], regionName: "安徽省", category: null, urgency: null, status: "PUBLISHED", needIndex: 50, publishedAt: 0, url: `/needs/${key}`, ...extra };
}

async function engineWith(docs: SearchDocument[]) {
  const engine = new EmbeddedSearchEngine();
  await engine.upsert(docs);
  return engine;
}

const ids = async (engine: EmbeddedSearchEngine, q: string) => (await engine.search({ q, pageSize: 100 })).hits.map((h) => h.id);

describe("embedded engine ranking", () => {
  it("ranks exact above pinyin above typo matches", async () => {
    const engine = await engineWith([doc("typo", "kitchen help"), doc("pinyin", "厨房"), doc("exact", "chufang")]);
    // "chufang" is exact for one, the pinyin of 厨房 for another; "kitchem" is a typo of kitchen.
    expect(await ids(engine, "chufang")).toEqual(["need:exact", "need:pinyin"]);
    expect(await ids(engine, "kitchem")).toEqual(["need:typo"]);
  });

  it("joins pinyin typed syllable by syllable", async () => {
    const engine = await engineWith([doc("z", "张家口老人需要棉被"), doc("m", "满洲里火灾")]);
    expect(await ids(engine, "zhang jia kou")).toEqual(["need:z"]);
    expect(await ids(engine, "Man Zhou Li")).toEqual(["need:m"]);
  });

  it("breaks ties by need index, then newest, then id", async () => {
    const engine = await engineWith([
      doc("b", "棉被", "", { needIndex: 50, publishedAt: 2 }),
      doc("a", "棉被", "", { needIndex: 50, publishedAt: 2 }),
      doc("c", "棉被", "", { needIndex: 50, publishedAt: 3 }),
      doc("d", "棉被", "", { needIndex: 90, publishedAt: 1 }),
    ]);
    expect(await ids(engine, "棉被")).toEqual(["need:d", "need:c", "need:a", "need:b"]);
  });

  it("matches the last query word as a prefix", async () => {
    const engine = await engineWith([doc("x", "白血病患儿"), doc("y", "Wheelchair needed")]);
    expect(await ids(engine, "白血")).toEqual(["need:x"]);
    expect(await ids(engine, "wheel")).toEqual(["need:y"]);
    expect(await ids(engine, "zhangj")).toEqual([]);
  });

  it("allows one typo from 4 letters and two from 8, none below 4", async () => {
    const engine = await engineWith([doc("a", "medicine for the elderly"), doc("b", "food")]);
    expect(await ids(engine, "medecine elderly")).toEqual(["need:a"]);
    expect(await ids(engine, "medcinee elderly")).toEqual(["need:a"]);
    expect(await ids(engine, "mdecin elderly")).toEqual([]);
    expect(await ids(engine, "fod food")).toEqual([]);
    expect(await ids(engine, "fooj")).toEqual(["need:b"]);
  });

  it("still finds a document after many replacements compact the index", async () => {
    const engine = new EmbeddedSearchEngine();
    for (let round = 0; round < 3; round++) {
      await engine.upsert(Array.from({ length: 1500 }, (_, i) => doc(String(i), i % 2 ? "火灾" : "助学", "", { needIndex: i % 100 })));
    }
    const result = await engine.search({ q: "火灾", pageSize: 5 });
    expect(result.total).toBe(750);
    expect(result.hits[0]!.needIndex).toBe(99);
    expect((await engine.health()).documents).toBe(1500);
  });
});
