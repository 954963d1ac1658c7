import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";

describe("the test database", () => {
  it("is a migrated PostgreSQL of its own that stores and reads rows", async () => {
    const [row] = await prisma.$queryRaw<{ version: string }[]>`SELECT version()`;
    const version = row?.version;
    expect(version).toMatch(/PostgreSQL (1[5-9])/);
    await prisma.region.upsert({
      where: { code: "99" },
      update: {},
      create: { code: "99", name: "测试省", level: "PROVINCE", fullName: "测试省" },
    });
    const region = await prisma.region.findUniqueOrThrow({ where: { code: "99" } });
    expect(region.name).toBe("测试省");
  });
});
