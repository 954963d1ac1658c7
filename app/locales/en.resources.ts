import type { SameShape } from "./same-shape.ts";
import type { zhCN_resources } from "./zh-CN.resources.ts";

export const en_resources: SameShape<typeof zhCN_resources> = {
  resourcesSection: { title: "" },
};
