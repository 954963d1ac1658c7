import type { SameShape } from "./same-shape.ts";
import type { zhCN_matching } from "./zh-CN.matching.ts";

export const en_matching: SameShape<typeof zhCN_matching> = {
  matchingSection: { title: "" },
};
