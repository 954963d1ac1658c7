import type { StandardKind } from "~/generated/prisma/client.ts";
import type { Tx, Db } from "~/utils/db.server.ts";
import type { RegionChain } from "../regions/get-region-chain.server.ts";

export type LocalDibaoStandard = { kind: StandardKind; monthlyFen: number; regionCode: string; effectiveFrom: Date };

/**
 * Urban or rural 低保 standard for a case's region — a simple, documented rule, since the case
 * records no 户籍 type:
 * - a case in a 村 (village level), or in a township whose name ends in 镇 or 乡, uses DIBAO_RURAL;
 * - anything else (街道, 社区, or a case known only down to the county) uses DIBAO_URBAN.
 */
export function dibaoKindFor(chain: RegionChain): StandardKind {
  const village = chain.find((r) => r.level === "VILLAGE");
  if (village) return village.name.endsWith("村") ? "DIBAO_RURAL" : "DIBAO_URBAN";
  const township = chain.find((r) => r.level === "TOWNSHIP");
  if (township && (township.name.endsWith("镇") || township.name.endsWith("乡"))) return "DIBAO_RURAL";
  return "DIBAO_URBAN";
}

/**
 * The standard in force on `today` (latest effectiveFrom ≤ today) of the nearest region in the
 * chain that has one: standards are usually set per county, and a township inherits its county's.
 * If no region of the chain has the preferred kind, the other 低保 kind is used (several cities
 * set one standard for both), and null is returned when there is none at all: the index parts that
 * need it then score 0 with the reason shown.
 */
export async function getLocalDibaoStandard(db: Db | Tx, chain: RegionChain, today: string): Promise<LocalDibaoStandard | null> {
  const preferred = dibaoKindFor(chain);
  const rows = await db.localStandard.findMany({
    where: { regionCode: { in: chain.map((r) => r.code) }, kind: { in: ["DIBAO_URBAN", "DIBAO_RURAL"] }, effectiveFrom: { lte: new Date(`${today}T00:00:00.000Z`) } },
    orderBy: { effectiveFrom: "desc" },
    select: { kind: true, monthlyFen: true, regionCode: true, effectiveFrom: true },
  });
  for (const kind of [preferred, preferred === "DIBAO_RURAL" ? "DIBAO_URBAN" : "DIBAO_RURAL"] as const) {
    for (const region of chain) {
      const found = rows.find((row) => row.regionCode === region.code && row.kind === kind);
      if (found) return found;
    }
  }
  return null;
}
