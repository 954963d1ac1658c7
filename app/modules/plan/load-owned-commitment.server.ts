import type { Tx } from "~/utils/db.server.ts";
import { CommitmentNotFoundError } from "../pledges/pledge-errors.server.ts";
import { NotResourceOwnerError } from "./plan-errors.server.ts";
import { getPickedResource, isOwner } from "./plan-resource-owners.server.ts";
import { OWNER_SOURCES, type OwnerSource } from "./reserve-plan-resource.server.ts";

/**
 * A commitment on a resource the user owns (a member of the organisation behind it, or the person
 * offering it), read inside the answering transaction: unknown or not a resource commitment → 404
 * (CommitmentNotFoundError), someone else's resource → 403 (NotResourceOwnerError).
 */
export async function loadOwnedCommitment(tx: Tx, userId: string, commitmentId: string) {
  const row = await tx.commitment.findUnique({
    where: { id: commitmentId },
    select: {
      id: true,
      caseId: true,
      needId: true,
      source: true,
      status: true,
      version: true,
      amount: true,
      projectId: true,
      volunteerOfferId: true,
      supplyOfferId: true,
      organizationId: true,
      pledgerId: true,
      pledgerName: true,
      pledgedAt: true,
      confirmedAt: true,
      confirmedById: true,
      need: { select: { kind: true } },
    },
  });
  if (!row || !(OWNER_SOURCES as readonly string[]).includes(row.source)) throw new CommitmentNotFoundError(commitmentId);
  const source = row.source as OwnerSource;
  const resourceId = row.projectId ?? row.supplyOfferId ?? row.volunteerOfferId;
  const resource = resourceId ? await getPickedResource(tx, source, resourceId) : null;
  if (!resource || !isOwner(resource, userId)) throw new NotResourceOwnerError();
  return { row: { ...row, source }, resource };
}
