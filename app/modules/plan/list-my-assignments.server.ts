import { PUBLIC_STATUSES } from "~/modules/public/public-case-select.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { OWNER_SOURCES } from "./reserve-plan-resource.server.ts";

/** Open assignments are all listed; finished ones, the latest this many. */
export const ASSIGNMENT_HISTORY_LIMIT = 50;

const PIECE = /^(.+)-h\d+$/;

/**
 * /account/assignments: commitments the plan put on resources the user answers for — their own
 * volunteer offers and goods, and their organisations' projects, team offers and goods — with the
 * buttons each may take: accept (PLEDGED), decline (PLEDGED or CONFIRMED), log hours (an accepted
 * volunteer assignment). Hours logged before the last ones (delivered pieces `<id>-h<n>`, see
 * log-assignment-hours) are added up under their assignment instead of listed on their own.
 * Only public facts of the case: its number, region and line; a link when the need is public.
 */
export async function listMyAssignments(userId: string) {
  const member = { members: { some: { userId } } };
  const rows = await prisma.commitment.findMany({
    where: {
      source: { in: [...OWNER_SOURCES] },
      OR: [
        { volunteerOffer: { is: { OR: [{ userId }, { organization: { is: member } }] } } },
        { supplyOffer: { is: { OR: [{ userId }, { organization: { is: member } }] } } },
        { project: { is: { organization: member } } },
      ],
    },
    orderBy: [{ pledgedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      source: true,
      status: true,
      version: true,
      amount: true,
      pledgedAt: true,
      confirmedAt: true,
      deliveredAt: true,
      cancelledAt: true,
      cancelReason: true,
      need: { select: { title: true, kind: true, unit: true } },
      case: { select: { caseNo: true, status: true, region: { select: { fullName: true } } } },
      project: { select: { title: true } },
      supplyOffer: { select: { itemName: true } },
      volunteerOffer: { select: { title: true } },
      organization: { select: { name: true } },
    },
  });

  const ids = new Set(rows.map((r) => r.id));
  const logged = new Map<string, number>();
  const pieces = new Set<string>();
  for (const row of rows) {
    const parent = PIECE.exec(row.id)?.[1];
    if (parent && ids.has(parent) && row.status === "DELIVERED") {
      logged.set(parent, (logged.get(parent) ?? 0) + row.amount);
      pieces.add(row.id);
    }
  }

  const items = rows
    .filter((row) => !pieces.has(row.id))
    .map((row) => {
      const loggedHours = logged.get(row.id) ?? 0;
      const isOpen = row.status === "PLEDGED" || row.status === "CONFIRMED";
      const intents = [
        ...(row.status === "PLEDGED" ? (["accept"] as const) : []),
        ...(isOpen ? (["decline"] as const) : []),
        ...(row.status === "CONFIRMED" && row.source === "VOLUNTEER_OFFER" ? (["logHours"] as const) : []),
      ];
      return {
        id: row.id,
        source: row.source,
        status: row.status,
        version: row.version,
        amount: row.amount,
        loggedHours,
        pledgedAt: row.pledgedAt,
        confirmedAt: row.confirmedAt,
        deliveredAt: row.deliveredAt,
        cancelledAt: row.cancelledAt,
        cancelReason: row.cancelReason,
        need: row.need,
        caseNo: row.case.caseNo,
        regionName: row.case.region.fullName,
        isCasePublic: (PUBLIC_STATUSES as readonly string[]).includes(row.case.status),
        resourceTitle: row.project?.title ?? row.supplyOffer?.itemName ?? row.volunteerOffer?.title ?? "",
        organizationName: row.organization?.name ?? null,
        isOpen,
        intents,
      };
    });
  return { open: items.filter((i) => i.isOpen), done: items.filter((i) => !i.isOpen).slice(0, ASSIGNMENT_HISTORY_LIMIT) };
}

export type MyAssignment = Awaited<ReturnType<typeof listMyAssignments>>["open"][number];
