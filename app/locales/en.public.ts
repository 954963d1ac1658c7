import type { SameShape } from "./same-shape.ts";
import type { zhCNPublic } from "./zh-CN.public.ts";

export const enPublic: SameShape<typeof zhCNPublic> = {};
