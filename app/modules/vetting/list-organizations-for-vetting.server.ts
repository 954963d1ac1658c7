import { prisma } from "~/utils/db.server.ts";
import { pageCount } from "../resources/page-query.server.ts";
import type { OrganizationQuery } from "./vetting-schemas.server.ts";

export const ORGANIZATIONS_PAGE_SIZE = 50;

/**
 * The vetting list: PENDING first (the enum's declaration order), then VETTED, REJECTED,
 * SUSPENDED; within a status, the longest-waiting first. Vetting is not region-bound.
 */
export async function listOrganizationsForVetting(query: OrganizationQuery) {
  const where = query.status ? { status: query.status } : {};
  const [total, rows, pending] = await Promise.all([
    prisma.organization.count({ where }),
    prisma.organization.findMany({
      where,
      orderBy: [{ status: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * ORGANIZATIONS_PAGE_SIZE,
      take: ORGANIZATIONS_PAGE_SIZE,
      select: { id: true, name: true, kind: true, creditCode: true, status: true, createdAt: true, region: { select: { fullName: true } } },
    }),
    prisma.organization.count({ where: { status: "PENDING" } }),
  ]);
  return { rows, total, pending, pages: pageCount(total, ORGANIZATIONS_PAGE_SIZE) };
}
