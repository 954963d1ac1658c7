import type { Tx } from "~/utils/db.server.ts";

/**
 * The next value of a named Counter row, 1 for a row not there yet: how case and complaint numbers
 * are drawn. The upsert is one INSERT … ON CONFLICT DO UPDATE, so concurrent transactions queue on
 * the row until each ends and never get the same value, and a rolled-back transaction gives its
 * value back. A MAX(…)+1 over the numbered table would hand two concurrent writers the same number.
 */
export async function nextCounterValue(tx: Tx, name: string): Promise<number> {
  const counter = await tx.counter.upsert({
    where: { name },
    create: { name, value: 1 },
    update: { value: { increment: 1 } },
    select: { value: true },
  });
  return counter.value;
}
