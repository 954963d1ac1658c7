import { ancestorRegionCodes } from "~/domain/region-codes.ts";
import type { Db, Tx } from "~/utils/db.server.ts";

/**
 * A region and its stored ancestors with their names and levels, nearest first. The codes come
 * from the code itself (ancestorRegionCodes), so this is one query instead of a walk up parentCode.
 */
export async function getRegionChain(db: Db | Tx, regionCode: string) {
  const rows = await db.region.findMany({ where: { code: { in: ancestorRegionCodes(regionCode) } }, select: { code: true, name: true, level: true } });
  return rows.sort((a, b) => b.code.length - a.code.length);
}

export type RegionChain = Awaited<ReturnType<typeof getRegionChain>>;
