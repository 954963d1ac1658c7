import { describe, expect, it } from "vitest";
import { pinyinTerms } from "./pinyin-terms.ts";
import { analyzeForIndex, queryWords } from "./tokenize.ts";
import { TypoIndex, editDistance, maxTypos } from "./typo.ts";

describe("text analysis", () => {
  it("lower-cases Latin words and segments Chinese", () => {
    expect(queryWords("Wheelchair，张家口 ＡＢＣ")).toEqual(["wheelchair", "张家口", "abc"]);
  });

  it("indexes pinyin, initials and the characters of Chinese words", () => {
    const exact = new Set<string>();
    const pinyin = new Set<string>();
    analyzeForIndex("家住萧县龙城镇", exact, pinyin);
    expect(exact).toContain("城");
    expect(pinyin).toContain("xiaoxian");
    expect(pinyin).toContain("longchengzhen");
    expect(pinyin).toContain("lcz");
    expect(pinyinTerms("张家口")).toEqual(["zhangjiakou", "zjk"]);
  });

  it.each([
    [3, 0],
    [4, 1],
    [7, 1],
    [8, 2],
  ])("allows typos by length: %i letters → %i", (length, typos) => {
    expect(maxTypos(length)).toBe(typos);
  });

  it("measures edit distance with transpositions", () => {
    expect(editDistance("wheelchiar", "wheelchair", 2)).toBe(1);
    expect(editDistance("blanket", "blnket", 2)).toBe(1);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });

  it("finds known words within the allowed distance", () => {
    const index = new TypoIndex();
    for (const w of ["blanket", "blankets", "wheelchair", "food"]) index.add(w);
    expect(index.lookup("blankit")).toEqual(["blanket"]);
    expect(index.lookup("wheelcahir")).toEqual(["wheelchair"]);
    expect(index.lookup("fod")).toEqual([]);
  });
});
