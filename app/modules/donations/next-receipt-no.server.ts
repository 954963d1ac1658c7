import { formatReceiptNo, receiptCounterName } from "~/domain/pledges/pledge-rules.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import type { Tx } from "~/utils/db.server.ts";
import { nextCounterValue } from "../counters/next-counter-value.server.ts";

/**
 * "RC-2026-000013": the next receipt number of the year (Asia/Shanghai), drawn in the caller's
 * transaction from the same counter as transfer pledges and the seed ("receipt:<year>").
 */
export async function nextReceiptNo(tx: Tx, now: Date): Promise<string> {
  const year = shanghaiDate(now).slice(0, 4);
  return formatReceiptNo(year, await nextCounterValue(tx, receiptCounterName(year)));
}
