// Who stands behind a picked resource: the organisation running a project, a team offer or an
// organisation's goods, or the person offering their own time or goods. They are the ones told of
// a pick (mail) and the only ones who may accept or decline it on /account/assignments.
import type { Tx } from "~/utils/db.server.ts";
import { enqueueMail } from "../mail/enqueue-mail.server.ts";
import type { OwnerSource } from "./reserve-plan-resource.server.ts";

type Person = { id: string; email: string; displayName: string; locale: string | null; isActive: boolean };
const PERSON = { id: true, email: true, displayName: true, locale: true, isActive: true } as const;
const ORGANIZATION = { id: true, name: true, members: { select: { user: { select: PERSON } } } } as const;

export type PickedResource = {
  source: OwnerSource;
  id: string;
  organization: { id: string; name: string; members: Person[] } | null;
  person: Person | null;
};

/** The resource's owner (organisation and its members, or the person), or null when it does not exist. */
export async function getPickedResource(tx: Tx, source: OwnerSource, id: string): Promise<PickedResource | null> {
  const flatten = (org: { id: string; name: string; members: { user: Person }[] } | null) =>
    org && { id: org.id, name: org.name, members: org.members.map((m) => m.user) };
  if (source === "PROJECT") {
    const row = await tx.project.findUnique({ where: { id }, select: { organization: { select: ORGANIZATION } } });
    return row && { source, id, organization: flatten(row.organization), person: null };
  }
  if (source === "SUPPLY_OFFER") {
    const row = await tx.supplyOffer.findUnique({ where: { id }, select: { organization: { select: ORGANIZATION }, user: { select: PERSON } } });
    return row && { source, id, organization: flatten(row.organization), person: row.user };
  }
  const row = await tx.volunteerOffer.findUnique({ where: { id }, select: { organization: { select: ORGANIZATION }, user: { select: PERSON } } });
  return row && { source, id, organization: flatten(row.organization), person: row.user };
}

/** The organisation's members (or the person) who should hear of the pick: active accounts only. */
export function ownersToTell(resource: PickedResource): Person[] {
  const people = resource.organization ? resource.organization.members : resource.person ? [resource.person] : [];
  return people.filter((p) => p.isActive);
}

export function isOwner(resource: PickedResource, userId: string): boolean {
  return resource.person?.id === userId || (resource.organization?.members.some((m) => m.id === userId) ?? false);
}

/** "commitment-picked" to every owner, in their own language, through the mail outbox (same transaction). */
export async function tellOwnersOfPick(tx: Tx, resource: PickedResource, commitmentId: string) {
  for (const person of ownersToTell(resource)) {
    await enqueueMail(tx, { template: "commitment-picked", to: person.email, locale: person.locale === "en" ? "en" : "zh-CN", refs: { commitmentId } });
  }
}

/**
 * The SEARCH outbox row for a resource whose remaining capacity changed: project and volunteer
 * offer documents show what is left; an organisation's goods show on its own document. A person's
 * goods have no document.
 */
export async function enqueueResourceIndexUpdate(tx: Tx, ref: { projectId: string | null; volunteerOfferId: string | null; supplyOfferId: string | null }) {
  const write = (kind: string, id: string) => tx.outboxEvent.create({ data: { topic: "SEARCH", kind: `${kind}.upsert`, payload: { id } } });
  if (ref.projectId) await write("project", ref.projectId);
  if (ref.volunteerOfferId) await write("volunteerOffer", ref.volunteerOfferId);
  if (ref.supplyOfferId) {
    const offer = await tx.supplyOffer.findUnique({ where: { id: ref.supplyOfferId }, select: { organizationId: true } });
    if (offer?.organizationId) await write("organization", offer.organizationId);
  }
}
