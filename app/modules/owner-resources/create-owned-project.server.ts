import { initialResourceStatus } from "~/domain/resources/resource-status.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { ensureAccount, projectAccount } from "../ledger/post-ledger-transaction.server.ts";
import { assertNotBeforeToday, assertOrganizationVetted, assertRegionCodesKnown, dateColumn, enqueueIndexUpdate } from "./owned-resource-checks.server.ts";
import type { ProjectForm } from "./owner-resource-schemas.ts";

/** The stored columns of a project form (amounts already in 分). */
export function projectColumns(form: ProjectForm) {
  return {
    title: form.title,
    summary: form.summary,
    description: form.description,
    categories: form.categories,
    regionCodes: form.regionCodes,
    minAge: form.minAge ?? null,
    maxAge: form.maxAge ?? null,
    conditionTags: form.conditionTags,
    perCaseCapFen: form.perCaseCap,
    budgetFen: form.budget,
    startsOn: dateColumn(form.startsOn),
    endsOn: dateColumn(form.endsOn),
  };
}

/**
 * A vetted organisation's member starts a relief project (published or as a draft), with its
 * ledger account, an audit event and its search outbox row, in one transaction.
 */
export function createOwnedProject(input: { organizationId: string; actorId: string; form: ProjectForm }, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    await assertOrganizationVetted(tx, input.organizationId);
    await assertRegionCodesKnown(tx, input.form.regionCodes);
    assertNotBeforeToday({ endsOn: input.form.endsOn }, shanghaiDate(now));

    const status = initialResourceStatus(input.form.saveAs === "ACTIVE");
    const project = await tx.project.create({
      data: { organizationId: input.organizationId, status, ...projectColumns(input.form) },
      select: { id: true, title: true, organization: { select: { name: true } } },
    });
    // Grants from the project are posted from this account (DESIGN §6); money reaches it by a fund contribution.
    await ensureAccount(tx, { code: projectAccount(project.id), kind: "PROJECT", name: `${project.organization.name}·${project.title}`, projectId: project.id });
    await recordAudit(tx, { actorId: input.actorId, action: "project.create", entityType: "Project", entityId: project.id, toState: status });
    await enqueueIndexUpdate(tx, "project", project.id);
    return { id: project.id, status };
  });
}
