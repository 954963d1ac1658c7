// Pinyin terms for a Chinese word: full syllables joined ("zhangjiakou") and, for words of two or
// more characters, initials ("zjk"). Cached: the vocabulary is far smaller than the text.
import { pinyin } from "pinyin-pro";

const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 200_000;

export function pinyinTerms(word: string): readonly string[] {
  const cached = cache.get(word);
  if (cached) return cached;
  const syllables = pinyin(word, { toneType: "none", type: "array", v: true }).filter((s) => /^[a-z]+$/.test(s));
  const terms: string[] = [];
  if (syllables.length > 0) {
    terms.push(syllables.join(""));
    if (syllables.length > 1) terms.push(syllables.map((s) => s[0]).join(""));
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, terms);
  return terms;
}
