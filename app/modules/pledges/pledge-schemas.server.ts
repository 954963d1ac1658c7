import { z } from "zod";
import { COMMITMENT_INTENTS } from "~/domain/pledges/commitment-status.ts";
import { parseContact, PLEDGE_LIMITS } from "~/domain/pledges/pledge-rules.ts";
import { msg } from "~/utils/validation.ts";

const ID_MAX = 64;

/** An e-mail address or a phone number, normalised (domain/pledges/pledge-rules.ts parseContact). */
export const contactField = z
  .string()
  .max(PLEDGE_LIMITS.contactMax)
  .transform((value, ctx) => {
    const contact = parseContact(value);
    if (!contact) {
      ctx.addIssue({ code: "custom", message: msg("pledging.errors.contact") });
      return z.NEVER;
    }
    return contact;
  });

export const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

/** "Name, or tick anonymous": shared by the transfer, goods and hours forms. */
export function requireNameUnlessAnonymous(form: { name?: string; anonymous: boolean; organizationId?: string }, ctx: z.RefinementCtx) {
  if (!form.anonymous && !form.name && !form.organizationId) ctx.addIssue({ code: "custom", path: ["name"], message: msg("pledging.errors.nameOrAnonymous") });
}

/** 认领 goods (an ITEM line) or hours (a SERVICE line), whole or in part. */
export const DirectPledgeSchema = z
  .object({
    needId: z.string().min(1).max(ID_MAX),
    quantity: z.coerce
      .number({ invalid_type_error: msg("pledging.errors.quantity") })
      .int(msg("pledging.errors.quantity"))
      .min(1, msg("pledging.errors.quantity"))
      .max(PLEDGE_LIMITS.maxUnits, msg("pledging.errors.quantity")),
    name: z.string().max(PLEDGE_LIMITS.nameMax).optional(),
    anonymous: checkbox,
    contact: contactField,
    organizationId: z.string().max(ID_MAX).optional(),
    note: z.string().max(PLEDGE_LIMITS.noteMax).optional(),
  })
  .superRefine(requireNameUnlessAnonymous);
export type DirectPledgeForm = z.infer<typeof DirectPledgeSchema>;

/** The staff desk's buttons: one form per commitment, the step in `intent`, the version it saw. */
export const CommitmentStepSchema = z.object({
  commitmentId: z.string().min(1).max(ID_MAX),
  intent: z.enum(COMMITMENT_INTENTS),
  version: z.coerce.number().int().min(0),
  reason: z.string().max(PLEDGE_LIMITS.reasonMax).optional(),
});
export type CommitmentStepForm = z.infer<typeof CommitmentStepSchema>;
