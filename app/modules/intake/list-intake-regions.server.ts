import { countyCodeOf } from "~/domain/region-codes.ts";
import { prisma } from "~/utils/db.server.ts";

export type IntakeRegionGroup = {
  county: { code: string; name: string; fullName: string };
  /** False when the county itself is outside the scope (a township-scoped user) or has no office above it. */
  countySelectable: boolean;
  townships: { code: string; name: string }[];
};

/**
 * Where a new case can be placed, grouped by county for a <select>: counties and townships that an
 * office covers (the office's own region or a descendant), inside `scopeRegionCode` when given
 * (null = anywhere, for the public form and nationwide staff).
 */
export async function listIntakeRegions(scopeRegionCode: string | null): Promise<IntakeRegionGroup[]> {
  const offices = await prisma.office.findMany({ distinct: ["regionCode"], select: { regionCode: true } });
  if (offices.length === 0) return [];
  const rows = await prisma.region.findMany({
    where: {
      level: { in: ["COUNTY", "TOWNSHIP"] },
      AND: [
        { OR: offices.map((o) => ({ code: { startsWith: o.regionCode } })) },
        ...(scopeRegionCode ? [{ code: { startsWith: scopeRegionCode } }] : []),
      ],
    },
    orderBy: { code: "asc" },
    select: { code: true, name: true, fullName: true, level: true },
  });

  const groups = new Map<string, IntakeRegionGroup>();
  const missingCounties = new Set<string>();
  for (const row of rows) {
    // Only COUNTY and TOWNSHIP rows are read, so every code has a county.
    const countyCode = countyCodeOf(row.code)!;
    let group = groups.get(countyCode);
    if (!group) {
      group = { county: { code: countyCode, name: countyCode, fullName: countyCode }, countySelectable: false, townships: [] };
      groups.set(countyCode, group);
      missingCounties.add(countyCode);
    }
    if (row.level === "COUNTY") {
      group.county = { code: row.code, name: row.name, fullName: row.fullName };
      group.countySelectable = true;
      missingCounties.delete(countyCode);
    } else {
      group.townships.push({ code: row.code, name: row.name });
    }
  }
  // Names for the group labels of counties that are not choices themselves.
  if (missingCounties.size > 0) {
    const counties = await prisma.region.findMany({ where: { code: { in: [...missingCounties] } }, select: { code: true, name: true, fullName: true } });
    for (const county of counties) groups.get(county.code)!.county = county;
  }
  return [...groups.values()];
}
