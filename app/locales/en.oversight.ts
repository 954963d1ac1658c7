import type { SameShape } from "./same-shape.ts";
import type { zhCN_oversight } from "./zh-CN.oversight.ts";

export const en_oversight: SameShape<typeof zhCN_oversight> = {};
