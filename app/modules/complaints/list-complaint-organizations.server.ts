import { prisma } from "~/utils/db.server.ts";

/** The public form's organisation choice: vetted organisations only, by name. */
export function listComplaintOrganizations() {
  return prisma.organization.findMany({
    where: { status: "VETTED" },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
