import { data } from "@remix-run/node";
import { forbidden, requireAction } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * Authorises /org/:orgId/…: the org.manage action (login redirect, then 403), an organisation that
 * exists (404) and a membership of it (403). Whether the organisation is vetted is the caller's
 * business: members of an unvetted one may look but not write.
 */
export async function requireOrganizationMember(request: Request, organizationId: string) {
  const user = await requireAction(request, "org.manage");
  const organization = await prisma.organization.findUnique({
    where: { id: organizationId },
    select: { id: true, name: true, kind: true, status: true, statusReason: true, members: { where: { userId: user.id }, select: { role: true } } },
  });
  if (!organization) throw data({ status: 404 }, { status: 404 });
  const [membership] = organization.members;
  if (!membership) forbidden();
  const { members: _members, ...rest } = organization;
  return { user, organization: { ...rest, isVetted: rest.status === "VETTED" }, memberRole: membership.role };
}

export type OrganizationMembership = Awaited<ReturnType<typeof requireOrganizationMember>>;

/** Pages that create or change something: a member of a vetted organisation only (403 otherwise). */
export async function requireVettedOrganizationMember(request: Request, organizationId: string) {
  const membership = await requireOrganizationMember(request, organizationId);
  if (!membership.organization.isVetted) forbidden();
  return membership;
}
