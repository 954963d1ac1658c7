import { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { enqueueIndexUpdate } from "./owned-resource-checks.server.ts";
import { ResourceFieldsRefusedError } from "./owner-resource-errors.server.ts";
import type { OrganizationSignupForm } from "./owner-resource-schemas.ts";

const CREDIT_CODE_TAKEN = { creditCode: ["orgSignup.errors.creditCodeTaken"] };

/**
 * A signed-in person applies for their organisation (DESIGN §3): the organisation is created
 * PENDING with them as its OWNER, they gain the ORG_MEMBER role, and the application is audited —
 * one transaction. Staff vet it at /staff/organizations. The credit code is unique: a code already
 * registered is refused with a field message (409), whether found first or lost in a race.
 */
export async function registerOrganization(input: OrganizationSignupForm & { userId: string }) {
  try {
    return await prisma.$transaction(async (tx) => {
      const region = await tx.region.findUnique({ where: { code: input.regionCode }, select: { level: true } });
      if (region?.level !== "COUNTY") throw new ResourceFieldsRefusedError({ regionCode: ["ownerResources.errors.regionUnknown"] }, 400);
      if (await tx.organization.findUnique({ where: { creditCode: input.creditCode }, select: { id: true } })) {
        throw new ResourceFieldsRefusedError(CREDIT_CODE_TAKEN, 409);
      }

      const organization = await tx.organization.create({
        data: {
          name: input.name,
          kind: input.kind,
          creditCode: input.creditCode,
          status: "PENDING",
          regionCode: input.regionCode,
          description: input.description,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          website: input.website ?? null,
          members: { create: { userId: input.userId, role: "OWNER" } },
        },
        select: { id: true },
      });
      // Atomic: a role already held is not added twice.
      await tx.user.updateMany({ where: { id: input.userId, NOT: { roles: { has: "ORG_MEMBER" } } }, data: { roles: { push: "ORG_MEMBER" } } });
      await recordAudit(tx, {
        actorId: input.userId,
        action: "organization.register",
        entityType: "Organization",
        entityId: organization.id,
        toState: "PENDING",
        detail: { kind: input.kind, regionCode: input.regionCode },
      });
      // Not public until vetted (the worker's loader returns null and removes nothing); written so
      // every change to an organisation reaches the index the same way.
      await enqueueIndexUpdate(tx, "organization", organization.id);
      return { organizationId: organization.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ResourceFieldsRefusedError(CREDIT_CODE_TAKEN, 409);
    throw error;
  }
}
