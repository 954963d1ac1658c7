import { prisma } from "~/utils/db.server.ts";

/** The organisations a member belongs to, with how much each runs. */
export function listMyOrganizations(userId: string) {
  return prisma.organizationMember.findMany({
    where: { userId },
    select: {
      role: true,
      organization: {
        select: {
          id: true,
          name: true,
          kind: true,
          status: true,
          _count: { select: { projects: true, supplyOffers: true } },
        },
      },
    },
  });
}
