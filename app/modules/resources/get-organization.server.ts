import { prisma } from "~/utils/db.server.ts";
import { PUBLIC_PROJECT_SELECT } from "./public-project-select.server.ts";
import { getRegionNames, regionRefs } from "./region-names.server.ts";

/** Statuses of a commitment that count as help given: confirmed by the office, or delivered. */
const GIVEN_STATUSES = ["CONFIRMED", "DELIVERED"] as const;
type GivenStatus = (typeof GIVEN_STATUSES)[number];

export type GivenLine = { kind: "CASH" | "ITEM" | "SERVICE"; unit: string | null; confirmed: number; delivered: number };

/**
 * A vetted organisation's public page: who it is, its projects and goods on offer, and what it has
 * given (confirmed and delivered commitments, by kind; cash in 分, goods per unit, service hours).
 * Null for an unknown, pending, rejected or suspended organisation. Contact people and phone numbers
 * are not read: the public page shows the organisation's name and website only.
 */
export async function getPublicOrganization(id: string) {
  const organization = await prisma.organization.findFirst({
    where: { id, status: "VETTED" },
    select: { id: true, name: true, kind: true, description: true, website: true, vettedAt: true, region: { select: { code: true, fullName: true } } },
  });
  if (!organization) return null;

  const [projectRows, supplyRows, commitments] = await Promise.all([
    prisma.project.findMany({
      where: { organizationId: id, status: { not: "DRAFT" } },
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      select: PUBLIC_PROJECT_SELECT,
    }),
    prisma.supplyOffer.findMany({
      where: { organizationId: id, status: "ACTIVE" },
      orderBy: [{ createdAt: "desc" }],
      select: { id: true, itemName: true, itemCategory: true, unit: true, quantity: true, quantityReserved: true, regionCodes: true, expiresOn: true, description: true },
    }),
    // A commitment belongs to the organisation directly or through its project or offers.
    prisma.commitment.findMany({
      where: {
        status: { in: [...GIVEN_STATUSES] },
        OR: [
          { organizationId: id },
          { project: { organizationId: id } },
          { supplyOffer: { organizationId: id } },
          { volunteerOffer: { organizationId: id } },
        ],
      },
      select: { caseId: true, amount: true, status: true, need: { select: { kind: true, unit: true } } },
    }),
  ]);

  const names = await getRegionNames([...projectRows, ...supplyRows].flatMap((r) => r.regionCodes));
  const projects = projectRows.map(({ regionCodes, ...p }) => ({ ...p, regions: regionRefs(regionCodes, names) }));
  const supplyOffers = supplyRows.map(({ regionCodes, ...s }) => ({
    ...s,
    available: Math.max(0, s.quantity - s.quantityReserved),
    regions: regionRefs(regionCodes, names),
  }));

  const given = new Map<string, GivenLine>();
  for (const c of commitments) {
    const unit = c.need.kind === "ITEM" ? c.need.unit : null;
    const key = `${c.need.kind}:${unit ?? ""}`;
    const line = given.get(key) ?? { kind: c.need.kind, unit, confirmed: 0, delivered: 0 };
    line[(c.status as GivenStatus) === "DELIVERED" ? "delivered" : "confirmed"] += c.amount;
    given.set(key, line);
  }
  const ORDER = { CASH: 0, ITEM: 1, SERVICE: 2 } as const;
  const givenLines = [...given.values()].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || (a.unit ?? "").localeCompare(b.unit ?? ""));

  return {
    ...organization,
    projects,
    supplyOffers,
    given: givenLines,
    casesHelped: new Set(commitments.map((c) => c.caseId)).size,
  };
}

export type PublicOrganization = NonNullable<Awaited<ReturnType<typeof getPublicOrganization>>>;
