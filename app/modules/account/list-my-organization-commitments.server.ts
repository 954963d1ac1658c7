import { prisma } from "~/utils/db.server.ts";
import { COMMITMENT_HISTORY_SELECT, toCommitmentHistoryRow } from "./commitment-history-row.server.ts";
import { MY_HISTORY_LIMIT } from "./list-my-donations.server.ts";

/** What the organisations a person belongs to have committed to cases (their projects, stock, pledges). */
export async function listMyOrganizationCommitments(userId: string) {
  const memberships = await prisma.organizationMember.findMany({
    where: { userId },
    orderBy: { organization: { name: "asc" } },
    select: { organization: { select: { id: true, name: true } } },
  });
  const organizations = memberships.map((m) => m.organization);
  if (organizations.length === 0) return { organizations, commitments: [] };
  const rows = await prisma.commitment.findMany({
    where: {
      OR: [
        { organizationId: { in: organizations.map((o) => o.id) } },
        { project: { organizationId: { in: organizations.map((o) => o.id) } } },
        { supplyOffer: { organizationId: { in: organizations.map((o) => o.id) } } },
      ],
    },
    orderBy: [{ pledgedAt: "desc" }, { id: "desc" }],
    take: MY_HISTORY_LIMIT,
    select: { ...COMMITMENT_HISTORY_SELECT, project: { select: { organization: { select: { id: true, name: true } } } }, supplyOffer: { select: { organization: { select: { id: true, name: true } } } } },
  });
  const commitments = rows.map(({ project, supplyOffer, ...row }) => ({
    ...toCommitmentHistoryRow(row),
    organization: row.organization ?? project?.organization ?? supplyOffer?.organization ?? null,
  }));
  return { organizations, commitments };
}
