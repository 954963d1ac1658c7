import type { SameShape } from "./same-shape.ts";
import type { zhCN_publication } from "./zh-CN.publication.ts";

export const en_publication: SameShape<typeof zhCN_publication> = {};
