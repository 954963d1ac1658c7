import type { Tx } from "~/utils/db.server.ts";
import { shanghaiDate } from "~/utils/dates.ts";

/**
 * "JB-2026-0001" (监督举报), from the Counter row "complaint:<year>" (the seed sets the same
 * counter). The upsert is one atomic INSERT … ON CONFLICT DO UPDATE, so concurrent complaints
 * never share a number; a rolled-back transaction gives its number back.
 */
export async function nextComplaintNo(tx: Tx, now: Date): Promise<string> {
  const year = shanghaiDate(now).slice(0, 4);
  const counter = await tx.counter.upsert({
    where: { name: `complaint:${year}` },
    create: { name: `complaint:${year}`, value: 1 },
    update: { value: { increment: 1 } },
    select: { value: true },
  });
  return `JB-${year}-${String(counter.value).padStart(4, "0")}`;
}
