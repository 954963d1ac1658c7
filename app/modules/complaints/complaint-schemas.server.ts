import { z } from "zod";
import { COMPLAINT_INTENTS, COMPLAINT_STATUSES } from "~/domain/complaint-status.ts";
import { msg } from "~/utils/validation.ts";
import { PageQuerySchema } from "../resources/page-query.server.ts";

export const COMPLAINT_SUBJECT_MAX = 100;
export const COMPLAINT_CONTENT_MAX = 2000;
export const COMPLAINT_REPLY_MAX = 2000;

const tooLong = (max: number) => msg("validation.tooLong", { max });

/** The public 监督举报 form. The honeypot field `website` is checked before this schema runs. */
export const ComplaintSchema = z.object({
  subject: z.string().max(COMPLAINT_SUBJECT_MAX, tooLong(COMPLAINT_SUBJECT_MAX)),
  content: z.string().max(COMPLAINT_CONTENT_MAX, tooLong(COMPLAINT_CONTENT_MAX)),
  caseNo: z
    .string()
    .max(40, tooLong(40))
    .regex(/^[A-Za-z0-9-]+$/, msg("complaints.errors.caseNoFormat"))
    .optional(),
  organizationId: z.string().max(40).optional(),
  contactName: z.string().max(50, tooLong(50)).optional(),
  // Mobile or landline, with the separators people type.
  contactPhone: z.string().max(20, tooLong(20)).regex(/^\+?[0-9][0-9 ()-]{4,}$/, msg("complaints.errors.phone")).optional(),
});
export type ComplaintInput = z.infer<typeof ComplaintSchema>;

/** Staff handling of one complaint; `expectedStatus` is the status the page showed (compare-and-set). */
export const HandleComplaintSchema = z.object({
  intent: z.enum(COMPLAINT_INTENTS),
  expectedStatus: z.enum(COMPLAINT_STATUSES),
  reply: z.string().max(COMPLAINT_REPLY_MAX, tooLong(COMPLAINT_REPLY_MAX)).optional(),
});

export const ComplaintQuerySchema = PageQuerySchema.extend({
  status: z.enum(COMPLAINT_STATUSES).optional().catch(undefined),
});
export type ComplaintQuery = z.infer<typeof ComplaintQuerySchema>;
