import { describe, expect, it } from "vitest";
import { vocabularyOf } from "./document-vocabulary.ts";

describe("vocabularyOf", () => {
  it("names codes in Chinese and English", () => {
    expect(vocabularyOf(["ACCIDENT"])).toEqual(["意外事故", "Accident"]);
    expect(vocabularyOf(["BEDDING", "COUNSELLING"])).toEqual(expect.arrayContaining(["被褥", "Bedding", "心理疏导", "Counselling"]));
  });

  it("skips unknown and empty codes and repeats nothing", () => {
    expect(vocabularyOf([null, undefined, "", "NO_SUCH_CODE"])).toEqual([]);
    const words = vocabularyOf(["CASH", "CASH"]);
    expect(words).toEqual([...new Set(words)]);
    expect(words).toHaveLength(2);
  });
});
