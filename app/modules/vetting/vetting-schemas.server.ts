import { z } from "zod";
import { ORGANIZATION_INTENTS, ORGANIZATION_STATUSES } from "~/domain/organization-status.ts";
import { msg } from "~/utils/validation.ts";
import { PageQuerySchema } from "../resources/page-query.server.ts";

export const VETTING_REASON_MAX = 500;

export const OrganizationQuerySchema = PageQuerySchema.extend({
  status: z.enum(ORGANIZATION_STATUSES).optional().catch(undefined),
});
export type OrganizationQuery = z.infer<typeof OrganizationQuerySchema>;

/** One vetting decision; `expectedStatus` is the status the page showed (compare-and-set). */
export const VetOrganizationSchema = z.object({
  intent: z.enum(ORGANIZATION_INTENTS),
  expectedStatus: z.enum(ORGANIZATION_STATUSES),
  reason: z.string().max(VETTING_REASON_MAX, msg("validation.tooLong", { max: VETTING_REASON_MAX })).optional(),
});
