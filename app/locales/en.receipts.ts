import type { SameShape } from "./same-shape.ts";
import type { zhCN_receipts } from "./zh-CN.receipts.ts";

export const en_receipts: SameShape<typeof zhCN_receipts> = {
  receiptsSection: { title: "" },
};
