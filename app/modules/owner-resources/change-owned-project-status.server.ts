import { resourceTransition, type ResourceIntent } from "~/domain/resources/resource-status.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { assertOrganizationVetted, enqueueIndexUpdate } from "./owned-resource-checks.server.ts";
import { OwnedResourceNotFoundError, ResourceChangedError, ResourceStepRefusedError } from "./owner-resource-errors.server.ts";

/**
 * Publishes, pauses, resumes or closes a project (rules: app/domain/resources/resource-status.ts),
 * by compare-and-set on the status read, with its audit event and search outbox row. Commitments
 * already made against the project keep their reservation.
 */
export function changeOwnedProjectStatus(input: { organizationId: string; projectId: string; actorId: string; intent: ResourceIntent }) {
  return prisma.$transaction(async (tx) => {
    await assertOrganizationVetted(tx, input.organizationId);
    const project = await tx.project.findFirst({ where: { id: input.projectId, organizationId: input.organizationId }, select: { id: true, status: true } });
    if (!project) throw new OwnedResourceNotFoundError();
    const step = resourceTransition(project.status, input.intent);
    if (!step.ok) throw new ResourceStepRefusedError(step.error);

    const updated = await tx.project.updateMany({ where: { id: project.id, status: project.status }, data: { status: step.to } });
    if (updated.count !== 1) throw new ResourceChangedError();
    await recordAudit(tx, { actorId: input.actorId, action: `project.${input.intent}`, entityType: "Project", entityId: project.id, fromState: project.status, toState: step.to });
    await enqueueIndexUpdate(tx, "project", project.id);
    return { from: project.status, to: step.to };
  });
}
