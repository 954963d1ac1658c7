import { publicGiverName } from "~/domain/donations/public-giver.ts";
import { grantIdOfCommitment } from "~/domain/pledges/pledge-rules.ts";
import { prisma } from "~/utils/db.server.ts";

const ACTIVE = ["PLEDGED", "CONFIRMED", "DELIVERED"] as const;

/**
 * The printable 一案一策 sheet for the case file: the case's public facts (number, category,
 * urgency, region, alias), each need line with the resources committed to it (name, amount,
 * status) and who put each into the plan and when — the staff member who picked it (audit
 * `plan.pick`), who requested a fund grant, or who confirmed a pledge. Givers appear by their
 * public names (anonymous ones as 爱心人士): no personal data beyond the case file's tabs.
 */
export async function getPlanSheet(caseId: string) {
  const kase = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      caseNo: true,
      status: true,
      category: true,
      urgency: true,
      alias: true,
      publishedAt: true,
      region: { select: { fullName: true } },
      ownerOffice: { select: { name: true } },
      needs: {
        orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          title: true,
          unit: true,
          target: true,
          committed: true,
          delivered: true,
          status: true,
          commitments: {
            where: { status: { in: [...ACTIVE] } },
            orderBy: [{ pledgedAt: "asc" }, { id: "asc" }],
            select: {
              id: true,
              source: true,
              status: true,
              amount: true,
              pledgedAt: true,
              confirmedAt: true,
              confirmedById: true,
              isAnonymous: true,
              pledgerName: true,
              fund: { select: { name: true } },
              project: { select: { title: true } },
              supplyOffer: { select: { itemName: true } },
              volunteerOffer: { select: { title: true } },
              organization: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  const commitments = kase.needs.flatMap((n) => n.commitments);
  const grantIds = commitments.map((c) => grantIdOfCommitment(c.id)).filter((id): id is string => id !== null);
  const [picks, grants] = await Promise.all([
    prisma.auditEvent.findMany({ where: { caseId, action: "plan.pick", entityId: { in: commitments.map((c) => c.id) } }, select: { entityId: true, actorId: true, at: true } }),
    prisma.fundGrant.findMany({ where: { id: { in: grantIds } }, select: { id: true, requestedById: true, requestedAt: true } }),
  ]);
  const pickBy = new Map(picks.map((p) => [p.entityId, { userId: p.actorId, at: p.at }]));
  const grantBy = new Map(grants.map((g) => [g.id, { userId: g.requestedById, at: g.requestedAt }]));
  const plannerOf = (c: (typeof commitments)[number]) => {
    const grantId = grantIdOfCommitment(c.id);
    return pickBy.get(c.id) ?? (grantId ? grantBy.get(grantId) : undefined) ?? (c.confirmedById ? { userId: c.confirmedById, at: c.confirmedAt ?? c.pledgedAt } : { userId: null, at: c.pledgedAt });
  };
  const userIds = [...new Set(commitments.map((c) => plannerOf(c).userId).filter((id): id is string => id !== null))];
  const names = new Map((await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));

  const { needs, ...header } = kase;
  return {
    ...header,
    lines: needs.map(({ commitments: rows, ...line }) => ({
      ...line,
      commitments: rows.map((c) => {
        const planner = plannerOf(c);
        return {
          id: c.id,
          source: c.source,
          status: c.status,
          amount: c.amount,
          resourceName: c.project?.title ?? c.supplyOffer?.itemName ?? c.volunteerOffer?.title ?? null,
          giverName: publicGiverName({ isAnonymous: c.isAnonymous, pledgerName: c.pledgerName, fundName: c.fund?.name, organizationName: c.organization?.name }),
          plannedBy: planner.userId ? (names.get(planner.userId) ?? null) : null,
          plannedAt: planner.at,
        };
      }),
    })),
  };
}

export type PlanSheet = Awaited<ReturnType<typeof getPlanSheet>>;
