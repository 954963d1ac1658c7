import { isStaff, type RoleName } from "~/domain/permissions.ts";

export type NavItem = { to: string; label: string };

const PUBLIC: NavItem[] = [
  { to: "/", label: "nav.home" },
  { to: "/needs", label: "nav.needs" },
  { to: "/fund", label: "nav.fund" },
  { to: "/projects", label: "nav.projects" },
  { to: "/volunteer", label: "nav.volunteer" },
  { to: "/disclosures", label: "nav.disclosures" },
  { to: "/report", label: "nav.report" },
];

/** Navigation per role: the public pages for everyone, then each role's own desk. */
export function navItemsFor(roles: readonly RoleName[]): NavItem[] {
  const items = [...PUBLIC];
  if (isStaff({ roles, scopeRegionCode: null })) items.push({ to: "/staff", label: "nav.staff" });
  if (roles.includes("ORG_MEMBER")) items.push({ to: "/org", label: "nav.org" });
  if (roles.includes("VOLUNTEER")) items.push({ to: "/account/offers", label: "myVolunteerOffers.nav" });
  if (roles.includes("ADMIN")) items.push({ to: "/admin", label: "nav.admin" });
  if (roles.length > 0) items.push({ to: "/account", label: "nav.account" });
  return items;
}
