import { isValidCreditCode } from "~/domain/credit-code.ts";
import { organizationTransition, type OrganizationIntent, type OrganizationStatusName } from "~/domain/organization-status.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { OrganizationChangedError, OrganizationNotFoundError, VettingRefusedError } from "./vetting-errors.server.ts";

export type ChangeOrganizationStatusInput = {
  organizationId: string;
  intent: OrganizationIntent;
  /** The status the page showed: a decision taken by someone else since then gives 409. */
  expectedStatus: OrganizationStatusName;
  reason?: string;
  actorId: string;
};

/**
 * Vets, rejects, suspends or reinstates an organisation: the rule from app/domain (a valid credit
 * code before it becomes VETTED, a reason to reject or suspend), a compare-and-set on the status,
 * and the audit event `organization.<intent>` in one transaction.
 */
export function changeOrganizationStatus(input: ChangeOrganizationStatusInput, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, status: true, creditCode: true } });
    if (!organization) throw new OrganizationNotFoundError();
    if (organization.status !== input.expectedStatus) throw new OrganizationChangedError();

    const from = organization.status;
    const result = organizationTransition(from, input.intent, { reason: input.reason, isCreditCodeValid: isValidCreditCode(organization.creditCode) });
    if (!result.ok) throw new VettingRefusedError(result.error);

    const updated = await tx.organization.updateMany({
      where: { id: organization.id, status: from },
      data: {
        status: result.to,
        statusReason: input.reason ?? null,
        ...(input.intent === "vet" && { vettedAt: now, vettedById: input.actorId }),
      },
    });
    if (updated.count !== 1) throw new OrganizationChangedError();

    await recordAudit(tx, {
      actorId: input.actorId,
      action: `organization.${input.intent}`,
      entityType: "Organization",
      entityId: organization.id,
      fromState: from,
      toState: result.to,
      // The reason is about the organisation, not a person; it is what the trail is for.
      ...(input.reason && { detail: { reason: input.reason } }),
    });
    // Vetting or suspending changes what is public (the organisation and its projects): the search
    // index follows through the outbox, written with the change.
    await tx.outboxEvent.create({ data: { topic: "SEARCH", kind: "organization.upsert", payload: { id: organization.id } } });
    return { from, to: result.to };
  });
}
