import { prisma } from "~/utils/db.server.ts";

export type RegionRef = { code: string; fullName: string };

/**
 * Full names of the regions a resource lists (projects and offers keep bare GB/T 2260 codes), in
 * the order given. A code with no Region row is shown as the code, so nothing silently disappears.
 */
export async function getRegionNames(codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await prisma.region.findMany({ where: { code: { in: unique } }, select: { code: true, fullName: true } });
  return new Map(rows.map((r) => [r.code, r.fullName]));
}

export function regionRefs(codes: readonly string[], names: Map<string, string>): RegionRef[] {
  return codes.map((code) => ({ code, fullName: names.get(code) ?? code }));
}
