import { data, redirect } from "@remix-run/node";
import { can, isStaff, type Action, type Actor, type RoleName } from "~/domain/permissions.ts";
import { prisma } from "./db.server.ts";
import { getSessionUserId } from "./session.server.ts";

export type CurrentUser = Actor & { id: string; email: string; displayName: string; officeId: string | null };

export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const userId = await getSessionUserId(request);
  if (!userId) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, displayName: true, roles: true, scopeRegionCode: true, officeId: true },
  });
  return user ? { ...user, roles: user.roles as RoleName[] } : null;
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

/** Anonymous users are sent to log in and come back afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

export function forbidden(): never {
  throw data({ status: 403 }, { status: 403 });
}

/** Authorise one action (optionally on a region-bound target): login redirect, then 403. */
export async function requireAction(request: Request, action: Action, target?: { regionCode: string }) {
  const user = await requireUser(request);
  if (!can(user, action, target)) forbidden();
  return user;
}

/** Staff pages: anyone who may read cases somewhere. */
export async function requireStaff(request: Request) {
  const user = await requireUser(request);
  if (!isStaff(user)) forbidden();
  return user;
}

/** Staff whose scope covers the region (a case's private record, its work). */
export function requireStaffFor(request: Request, regionCode: string) {
  return requireAction(request, "case.read", { regionCode });
}
