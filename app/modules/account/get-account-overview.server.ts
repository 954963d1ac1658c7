import { prisma } from "~/utils/db.server.ts";
import { listMyDonations } from "./list-my-donations.server.ts";
import { listMyOrganizationCommitments } from "./list-my-organization-commitments.server.ts";
import { listMyPledges } from "./list-my-pledges.server.ts";
import { listMyVolunteerHours } from "./list-my-volunteer-hours.server.ts";

/** A signed-in person's history: gifts with their receipts, pledges, their organisations' commitments, hours. */
export async function getAccountOverview(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, displayName: true, email: true, roles: true } });
  const [donations, pledges, organizationHistory, volunteer] = await Promise.all([
    listMyDonations(user),
    listMyPledges(user.id),
    listMyOrganizationCommitments(user.id),
    listMyVolunteerHours(user.id),
  ]);
  return { user: { displayName: user.displayName, email: user.email, roles: user.roles }, donations, pledges, organizationHistory, volunteer };
}
