import { countyCodeOf } from "~/domain/region-codes.ts";
import { prisma } from "~/utils/db.server.ts";

export type RegionChoiceGroup = {
  city: { code: string; name: string; fullName: string };
  counties: { code: string; name: string; fullName: string }[];
};

/**
 * Where the platform works, as <select>/checkbox groups by city: the counties that have a
 * civil-affairs office (at county level, above it or below it). `alsoInclude` keeps codes a
 * resource already lists (a whole city, a county elsewhere) among the choices, so editing never
 * silently drops one.
 */
export async function listCountyChoices(alsoInclude: readonly string[] = []): Promise<RegionChoiceGroup[]> {
  const offices = await prisma.office.findMany({ distinct: ["regionCode"], select: { regionCode: true } });
  const countyCodes = new Set<string>();
  const prefixes = new Set<string>();
  for (const { regionCode } of offices) {
    const county = countyCodeOf(regionCode);
    if (county) countyCodes.add(county);
    else prefixes.add(regionCode);
  }
  for (const code of alsoInclude) {
    const county = countyCodeOf(code);
    if (county) countyCodes.add(county);
  }
  if (countyCodes.size === 0 && prefixes.size === 0) return [];

  const counties = await prisma.region.findMany({
    where: { level: "COUNTY", OR: [{ code: { in: [...countyCodes] } }, ...[...prefixes].map((p) => ({ code: { startsWith: p } }))] },
    orderBy: { code: "asc" },
    select: { code: true, name: true, fullName: true, parentCode: true },
  });
  const cityCodes = new Set([...counties.map((c) => c.parentCode ?? c.code.slice(0, 4)), ...alsoInclude.filter((c) => c.length === 4)]);
  const cities = await prisma.region.findMany({ where: { code: { in: [...cityCodes] } }, orderBy: { code: "asc" }, select: { code: true, name: true, fullName: true } });

  const groups = new Map<string, RegionChoiceGroup>(cities.map((city) => [city.code, { city, counties: [] }]));
  for (const { parentCode, ...county } of counties) groups.get(parentCode ?? county.code.slice(0, 4))?.counties.push(county);
  return [...groups.values()];
}
