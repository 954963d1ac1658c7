import type { SameShape } from "./same-shape.ts";
import type { zhCN_casework } from "./zh-CN.casework.ts";

export const en_casework: SameShape<typeof zhCN_casework> = {};
