import { describe, expect, it } from "vitest";
import { getCalendarOverrides } from "~/modules/regions/get-calendar-overrides.server.ts";
import { getRegionChain } from "~/modules/regions/get-region-chain.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createCounty } from "../factories/index.ts";

async function createTownship(county: { code: string; name: string }, suffix: string) {
  const code = `${county.code}${suffix}`;
  await prisma.region.create({ data: { code, name: `测试镇${suffix}`, level: "TOWNSHIP", parentCode: county.code, fullName: `${county.name} 测试镇${suffix}` } });
  return code;
}

// Far-off dates: the province row is shared by every county a test worker creates, and must not
// move another test's deadlines.
const day = (regionCode: string, date: string, isWorkingDay: boolean) => ({ regionCode, date: new Date(`${date}T00:00:00Z`), isWorkingDay, name: "测试" });

describe("getCalendarOverrides", () => {
  it("merges the region's own days with its ancestors', the nearest region winning a date", async () => {
    const county = await createCounty();
    const province = county.code.slice(0, 2);
    const town = await createTownship(county, "100");
    const sibling = await createTownship(county, "101");
    await prisma.calendarDay.createMany({
      data: [
        day(province, "2039-06-01", false),
        day(county.code, "2039-06-13", true),
        day(town, "2039-06-13", false),
        day(county.code, "2039-06-20", true),
        day(sibling, "2039-06-22", false),
      ],
    });

    expect(await getCalendarOverrides(prisma, town)).toEqual({ holidays: ["2039-06-01", "2039-06-13"], workdays: ["2039-06-20"] });
    expect(await getCalendarOverrides(prisma, county.code)).toEqual({ holidays: ["2039-06-01"], workdays: ["2039-06-13", "2039-06-20"] });
    expect(await getCalendarOverrides(prisma, sibling)).toEqual({ holidays: ["2039-06-01", "2039-06-22"], workdays: ["2039-06-13", "2039-06-20"] });
  });

  it("reads only the dates inside the window, both ends included", async () => {
    const county = await createCounty();
    await prisma.calendarDay.createMany({ data: ["2039-06-01", "2039-06-02", "2039-06-03"].map((date) => day(county.code, date, false)) });

    expect(await getCalendarOverrides(prisma, county.code, { from: "2039-06-02" })).toEqual({ holidays: ["2039-06-02", "2039-06-03"], workdays: [] });
    expect(await getCalendarOverrides(prisma, county.code, { to: "2039-06-02" })).toEqual({ holidays: ["2039-06-01", "2039-06-02"], workdays: [] });
    expect(await getCalendarOverrides(prisma, county.code, { from: "2039-06-02", to: "2039-06-02" })).toEqual({ holidays: ["2039-06-02"], workdays: [] });
  });
});

describe("getRegionChain", () => {
  it("lists the stored region and its ancestors, nearest first", async () => {
    const county = await createCounty();
    const town = await createTownship(county, "100");
    const chain = await getRegionChain(prisma, town);
    expect(chain.map((r) => [r.code, r.level])).toEqual([
      [town, "TOWNSHIP"],
      [county.code, "COUNTY"],
      [county.code.slice(0, 4), "CITY"],
      [county.code.slice(0, 2), "PROVINCE"],
    ]);
    expect(chain[0]!.name).toBe("测试镇100");
  });
});
