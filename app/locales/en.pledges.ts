import type { SameShape } from "./same-shape.ts";
import type { zhCN_pledges } from "./zh-CN.pledges.ts";

export const en_pledges: SameShape<typeof zhCN_pledges> = {
  pledgesSection: { title: "" },
};
