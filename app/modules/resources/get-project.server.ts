import { prisma } from "~/utils/db.server.ts";
import { PUBLIC_PROJECT_SELECT, PUBLIC_PROJECT_WHERE } from "./public-project-select.server.ts";
import { getRegionNames, regionRefs } from "./region-names.server.ts";

/** Commitments that count as help actually given (pledges not yet confirmed do not). */
const GIVEN = ["CONFIRMED", "DELIVERED"] as const;

/** One project's public page; null when unknown, still a draft, or its organisation is not vetted. */
export async function getPublicProject(id: string) {
  const project = await prisma.project.findFirst({
    where: { id, status: { not: "DRAFT" }, ...PUBLIC_PROJECT_WHERE },
    select: {
      ...PUBLIC_PROJECT_SELECT,
      description: true,
      minAge: true,
      maxAge: true,
      conditionTags: true,
      startsOn: true,
      endsOn: true,
    },
  });
  if (!project) return null;
  const [names, casesHelped, delivered] = await Promise.all([
    getRegionNames(project.regionCodes),
    prisma.commitment.groupBy({ by: ["caseId"], where: { projectId: id, status: { in: [...GIVEN] } } }),
    prisma.commitment.aggregate({ where: { projectId: id, status: "DELIVERED" }, _sum: { amount: true } }),
  ]);
  const { regionCodes, ...rest } = project;
  return {
    ...rest,
    regions: regionRefs(regionCodes, names),
    casesHelped: casesHelped.length,
    deliveredFen: delivered._sum.amount ?? 0,
  };
}

export type PublicProject = NonNullable<Awaited<ReturnType<typeof getPublicProject>>>;
