import type { SameShape } from "./same-shape.ts";
import type { zhCN_money } from "./zh-CN.money.ts";

export const en_money: SameShape<typeof zhCN_money> = {
  moneySection: { title: "" },
};
