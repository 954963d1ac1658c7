import type { SameShape } from "./same-shape.ts";
import type { zhCN_intake } from "./zh-CN.intake.ts";

export const en_intake: SameShape<typeof zhCN_intake> = {};
