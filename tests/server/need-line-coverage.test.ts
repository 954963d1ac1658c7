import { describe, expect, it } from "vitest";
import { NeedLineFullError, releaseNeedLine, reserveNeedLine } from "~/modules/needs/need-line-coverage.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createCase, createCounty } from "../factories/index.ts";

async function needWithTarget(target: number) {
  const county = await createCounty();
  const row = await createCase(county, { status: "PUBLISHED" });
  return prisma.need.create({ data: { caseId: row.id, kind: "ITEM", title: "棉被", unit: "床", target } });
}

describe("need line coverage", () => {
  it("reserves up to the target, turns COVERED at it, and refuses more without changing anything", async () => {
    const need = await needWithTarget(10);
    await prisma.$transaction((tx) => reserveNeedLine(tx, need.id, 6));
    const last = await prisma.$transaction((tx) => reserveNeedLine(tx, need.id, 4));
    expect(last).toEqual({ committed: 10, target: 10, isCovered: true });
    await expect(prisma.$transaction((tx) => reserveNeedLine(tx, need.id, 1))).rejects.toBeInstanceOf(NeedLineFullError);
    expect(await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ committed: 10, status: "COVERED" });
  });

  it("lets exactly the available units through when many reserve at once", async () => {
    const need = await needWithTarget(10);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => prisma.$transaction((tx) => reserveNeedLine(tx, need.id, 3))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof NeedLineFullError)).toBe(true);
    expect(await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ committed: 9, status: "OPEN" });
  });

  it("reopens a covered line when a reservation is released", async () => {
    const need = await needWithTarget(5);
    await prisma.$transaction((tx) => reserveNeedLine(tx, need.id, 5));
    await prisma.$transaction((tx) => releaseNeedLine(tx, need.id, 2));
    expect(await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ committed: 3, status: "OPEN" });
    await expect(prisma.$transaction((tx) => releaseNeedLine(tx, need.id, 4))).rejects.toThrow();
  });

  it("rejects amounts that are not positive whole units", async () => {
    const need = await needWithTarget(5);
    for (const bad of [0, -1, 1.5]) await expect(prisma.$transaction((tx) => reserveNeedLine(tx, need.id, bad))).rejects.toBeInstanceOf(RangeError);
  });
});
