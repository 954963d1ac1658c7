import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { pageCount, type PageQuery } from "./page-query.server.ts";
import { PUBLIC_PROJECT_SELECT, PUBLIC_PROJECT_WHERE } from "./public-project-select.server.ts";
import { getRegionNames, regionRefs } from "./region-names.server.ts";

export const PROJECTS_PAGE_SIZE = 12;

/** Active projects of vetted organisations, newest first. */
export async function listActiveProjects(query: PageQuery) {
  const where: Prisma.ProjectWhereInput = { status: "ACTIVE", ...PUBLIC_PROJECT_WHERE };
  const [total, rows] = await Promise.all([
    prisma.project.count({ where }),
    prisma.project.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * PROJECTS_PAGE_SIZE,
      take: PROJECTS_PAGE_SIZE,
      select: PUBLIC_PROJECT_SELECT,
    }),
  ]);
  const names = await getRegionNames(rows.flatMap((p) => p.regionCodes));
  const projects = rows.map(({ regionCodes, ...p }) => ({ ...p, regions: regionRefs(regionCodes, names) }));
  return { total, pages: pageCount(total, PROJECTS_PAGE_SIZE), projects };
}

export type PublicProjectSummary = Awaited<ReturnType<typeof listActiveProjects>>["projects"][number];
