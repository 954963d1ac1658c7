// Where a gift goes when its case no longer needs it (DESIGN §6): the ACTIVE relief fund of the
// case's region or of its nearest ancestor, oldest first among equals. One database function
// (nearest_relief_fund) answers for both card-payment paths (ADR 008).
import { expect, it } from "vitest";
import { findReliefFundForRegion } from "~/modules/donations/find-relief-fund-for-region.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createGivableCase } from "../factories/donations.ts";

const fundData = (name: string, regionCode: string) => ({
  name,
  regionCode,
  description: "测试基金",
  scopeCategories: [],
  perCaseCapFen: 2_000_000,
  reviewThresholdFen: 500_000,
  advanceCapFen: 300_000,
});

it("prefers the county's fund to the city's, takes the city's when the county has none active, and finds none above an empty tree", async () => {
  const { county, fund: countyFund } = await createGivableCase();
  const cityCode = county.code.slice(0, 4);
  // Other test files in this worker share the city: its fund is closed again at the end.
  const cityFund = await prisma.reliefFund.create({ data: fundData("测试市救急难公益基金", cityCode) });
  try {
    const townshipCode = `${county.code}001`;
    expect((await findReliefFundForRegion(prisma, county.code))?.id).toBe(countyFund!.id);
    expect((await findReliefFundForRegion(prisma, townshipCode))?.id).toBe(countyFund!.id);
    expect(await findReliefFundForRegion(prisma, county.code)).toMatchObject({ name: countyFund!.name, accountCode: `fund:${countyFund!.id}` });

    await prisma.reliefFund.update({ where: { id: countyFund!.id }, data: { status: "CLOSED" } });
    expect((await findReliefFundForRegion(prisma, townshipCode))?.id).toBe(cityFund.id);

    // A second active fund of the county: the older one is asked first.
    const newer = await prisma.reliefFund.create({ data: fundData("测试县第二基金", county.code) });
    await prisma.reliefFund.update({ where: { id: countyFund!.id }, data: { status: "ACTIVE" } });
    expect((await findReliefFundForRegion(prisma, county.code))?.id).toBe(countyFund!.id);
    await prisma.reliefFund.update({ where: { id: newer.id }, data: { status: "CLOSED" } });
  } finally {
    await prisma.reliefFund.update({ where: { id: cityFund.id }, data: { status: "CLOSED" } });
  }
  expect(await findReliefFundForRegion(prisma, "000000")).toBeNull();
});
