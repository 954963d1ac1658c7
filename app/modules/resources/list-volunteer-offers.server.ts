import type { Prisma } from "~/generated/prisma/client.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { pageCount, type PageQuery } from "./page-query.server.ts";
import { getRegionNames, regionRefs } from "./region-names.server.ts";

export const OFFERS_PAGE_SIZE = 12;

/**
 * Active volunteer offers that have not run out, with the volunteer's display name only (never
 * their email or phone), or the team's organisation when a vetted organisation offers it.
 */
export async function listVolunteerOffers(query: PageQuery, now = new Date()) {
  // availableUntil is a calendar date (midnight UTC of the day); "today" is Shanghai's day.
  const today = new Date(`${shanghaiDate(now)}T00:00:00.000Z`);
  const where: Prisma.VolunteerOfferWhereInput = {
    status: "ACTIVE",
    OR: [{ availableUntil: null }, { availableUntil: { gte: today } }],
  };
  const [total, rows] = await Promise.all([
    prisma.volunteerOffer.count({ where }),
    prisma.volunteerOffer.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * OFFERS_PAGE_SIZE,
      take: OFFERS_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        description: true,
        skills: true,
        regionCodes: true,
        availability: true,
        hoursOffered: true,
        hoursReserved: true,
        availableUntil: true,
        user: { select: { displayName: true } },
        organization: { select: { id: true, name: true, status: true } },
      },
    }),
  ]);
  const names = await getRegionNames(rows.flatMap((o) => o.regionCodes));
  const offers = rows.map(({ user, organization, regionCodes, ...offer }) => ({
    ...offer,
    regions: regionRefs(regionCodes, names),
    hoursRemaining: Math.max(0, offer.hoursOffered - offer.hoursReserved),
    offeredBy: organization?.status === "VETTED"
      ? { name: organization.name, organizationId: organization.id }
      : { name: user?.displayName ?? null, organizationId: null },
  }));
  return { total, pages: pageCount(total, OFFERS_PAGE_SIZE), offers };
}

export type PublicVolunteerOffer = Awaited<ReturnType<typeof listVolunteerOffers>>["offers"][number];
