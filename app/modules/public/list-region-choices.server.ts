import { prisma } from "~/utils/db.server.ts";

/** Levels offered in the public region filter: province, city, county (a deeper code still filters). */
const CHOICE_CODE_LENGTHS = new Set([2, 4, 6]);

export type RegionChoice = { code: string; name: string; depth: number; count: number };

/**
 * The region filter's choices: every province, city and county that has needs, in tree order,
 * each with its count, plus the chosen region when it is deeper (a township from a shared link).
 */
export async function listRegionChoices(counts: Record<string, number>, chosen: string | undefined): Promise<RegionChoice[]> {
  const codes = Object.keys(counts).filter((code) => CHOICE_CODE_LENGTHS.has(code.length) || code === chosen);
  if (chosen && !codes.includes(chosen)) codes.push(chosen);
  if (codes.length === 0) return [];
  const rows = await prisma.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } });
  return rows
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((row) => ({ code: row.code, name: row.name, depth: [2, 4, 6, 9, 12].indexOf(row.code.length), count: counts[row.code] ?? 0 }));
}
