import { prisma } from "~/utils/db.server.ts";

/** A project as its organisation's members edit it; null when it is not this organisation's. */
export function getOwnedProject(organizationId: string, projectId: string) {
  return prisma.project.findFirst({
    where: { id: projectId, organizationId },
    select: {
      id: true,
      title: true,
      summary: true,
      description: true,
      categories: true,
      regionCodes: true,
      minAge: true,
      maxAge: true,
      conditionTags: true,
      perCaseCapFen: true,
      budgetFen: true,
      reservedFen: true,
      status: true,
      startsOn: true,
      endsOn: true,
      updatedAt: true,
    },
  });
}
