// Text analysis shared by indexing and querying: Chinese runs are segmented with the ICU word
// segmenter built into Node (no native dependency), Latin runs are lower-cased words.
import { pinyinTerms } from "./pinyin-terms.ts";

const HAN = /\p{Script=Han}/u;
const RUN = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

export function isHan(word: string): boolean {
  return HAN.test(word);
}

/** Splits normalised text into runs: each run is all-Han or all letters/digits. */
export function textRuns(text: string): string[] {
  return normalizeText(text).match(RUN) ?? [];
}

/** ICU word segmentation of one Han run. */
export function segmentHan(run: string): string[] {
  if (run.length === 1) return [run];
  const words: string[] = [];
  for (const s of segmenter.segment(run)) if (s.isWordLike) words.push(s.segment);
  return words;
}

/** Query words in order: Latin words and segmented Chinese words. */
export function queryWords(text: string): string[] {
  const words: string[] = [];
  for (const run of textRuns(text)) {
    if (isHan(run)) words.push(...segmentHan(run));
    else words.push(run);
  }
  return words;
}

/** Pinyin is indexed for windows of adjacent segments up to this many characters, so that
 *  "xiaoxian" finds 萧县 even though the segmenter splits it into 萧|县. */
const PINYIN_WINDOW_CHARS = 4;

/**
 * Index terms of one text: exact words (Latin words, Chinese segments and, for multi-character
 * segments, their single characters so a query segmented differently still matches) and pinyin
 * terms (full syllables and initials) for Chinese segments and short windows of them.
 */
export function analyzeForIndex(text: string, exact: Set<string>, pinyin: Set<string>): void {
  for (const run of textRuns(text)) {
    if (!isHan(run)) {
      exact.add(run);
      continue;
    }
    const words = segmentHan(run);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      exact.add(word);
      if (word.length > 1) for (const ch of word) exact.add(ch);
      let window = "";
      for (let j = i; j < words.length; j++) {
        window += words[j]!;
        if (window.length > PINYIN_WINDOW_CHARS) break;
        for (const term of pinyinTerms(window)) pinyin.add(term);
      }
    }
  }
}
