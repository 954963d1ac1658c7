// Words a document is findable by beyond its own text: the Chinese and English names of its codes
// (case category, item and service types). A need is written in Chinese, but an English-speaking
// giver types "accident" or "bedding" — and with typo tolerance, "acident" or "beding".
import { en } from "~/locales/en.ts";
import { zhCN } from "~/locales/zh-CN.ts";

type Labels = Record<string, string>;

const LABELS: Array<{ zh: Labels; en: Labels }> = [
  { zh: zhCN.case.category, en: en.case.category },
  { zh: zhCN.resourceTypes.service, en: en.resourceTypes.service },
  { zh: zhCN.resourceTypes.item, en: en.resourceTypes.item },
  { zh: zhCN.need.kind, en: en.need.kind },
];

/** Both languages' names of the given codes (unknown codes are skipped), each once. */
export function vocabularyOf(codes: ReadonlyArray<string | null | undefined>): string[] {
  const words = new Set<string>();
  for (const code of codes) {
    if (!code) continue;
    for (const { zh, en: english } of LABELS) {
      if (zh[code]) words.add(zh[code]);
      if (english[code]) words.add(english[code]);
    }
  }
  return [...words];
}
