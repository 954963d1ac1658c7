import { fen, formatFen } from "~/domain/money.ts";
import { isResourceEditable } from "~/domain/resources/resource-status.ts";
import { prisma } from "~/utils/db.server.ts";
import { msg } from "~/utils/validation.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { projectColumns } from "./create-owned-project.server.ts";
import { assertOrganizationVetted, assertRegionCodesKnown, enqueueIndexUpdate } from "./owned-resource-checks.server.ts";
import { OwnedResourceNotFoundError, ResourceChangedError, ResourceFieldsRefusedError, ResourceStepRefusedError } from "./owner-resource-errors.server.ts";
import type { ProjectForm } from "./owner-resource-schemas.ts";

/**
 * Saves a project's details. The budget may be lowered, but not below what commitments have
 * already reserved: the compare-and-set `reservedFen <= new budget` in the update's WHERE makes
 * that hold even against a reservation committing at the same moment.
 */
export function updateOwnedProject(input: { organizationId: string; projectId: string; actorId: string; form: ProjectForm }) {
  return prisma.$transaction(async (tx) => {
    await assertOrganizationVetted(tx, input.organizationId);
    const project = await tx.project.findFirst({ where: { id: input.projectId, organizationId: input.organizationId }, select: { id: true, status: true, reservedFen: true } });
    if (!project) throw new OwnedResourceNotFoundError();
    if (!isResourceEditable(project.status)) throw new ResourceStepRefusedError("closed");
    await assertRegionCodesKnown(tx, input.form.regionCodes);

    const updated = await tx.project.updateMany({
      where: { id: project.id, status: project.status, reservedFen: { lte: input.form.budget } },
      data: projectColumns(input.form),
    });
    if (updated.count !== 1) {
      const now = await tx.project.findUniqueOrThrow({ where: { id: project.id }, select: { status: true, reservedFen: true } });
      if (now.reservedFen > input.form.budget) throw new ResourceFieldsRefusedError({ budget: [belowReserved(now.reservedFen)] });
      throw new ResourceChangedError();
    }
    await recordAudit(tx, { actorId: input.actorId, action: "project.update", entityType: "Project", entityId: project.id });
    await enqueueIndexUpdate(tx, "project", project.id);
    return { id: project.id };
  });
}

function belowReserved(reservedFen: number) {
  return msg("ownerResources.errors.budgetBelowReserved", { reserved: formatFen(fen(reservedFen)) });
}
