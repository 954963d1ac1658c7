import { prisma } from "~/utils/db.server.ts";

export async function getRegionName(code: string): Promise<string | null> {
  const region = await prisma.region.findUnique({ where: { code }, select: { fullName: true } });
  return region?.fullName ?? null;
}
