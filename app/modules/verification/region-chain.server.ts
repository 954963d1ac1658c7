import type { Db, Tx } from "~/utils/db.server.ts";

/**
 * A region and its ancestors, deepest first. GB/T 2260 codes are prefixes of their descendants'
 * codes, so the chain is every stored region whose code starts the case's code: one query instead
 * of walking parentCode level by level.
 */
export async function getRegionChain(db: Db | Tx, regionCode: string) {
  const prefixes = Array.from({ length: regionCode.length - 1 }, (_, i) => regionCode.slice(0, i + 2));
  const rows = await db.region.findMany({ where: { code: { in: prefixes } }, select: { code: true, name: true, level: true } });
  return rows.sort((a, b) => b.code.length - a.code.length);
}

export type RegionChain = Awaited<ReturnType<typeof getRegionChain>>;
