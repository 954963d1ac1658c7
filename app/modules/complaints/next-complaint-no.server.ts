import { complaintCounterName, formatComplaintNo } from "~/domain/complaint-number.ts";
import type { Tx } from "~/utils/db.server.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { nextCounterValue } from "../counters/next-counter-value.server.ts";

/** "JB-2026-0001" (监督举报): the next number of the year the complaint is filed in (Asia/Shanghai). */
export async function nextComplaintNo(tx: Tx, now: Date): Promise<string> {
  const year = shanghaiDate(now).slice(0, 4);
  return formatComplaintNo(year, await nextCounterValue(tx, complaintCounterName(year)));
}
