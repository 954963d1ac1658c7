import { z } from "zod";
import { msg } from "~/utils/validation.ts";

export const OUTCOME_MAX = 1000;
export const CLOSE_REASON_MAX = 500;

/** The close tab's form. Whether a reason is required depends on the status: the state machine decides. */
export const CloseCaseSchema = z.object({
  intent: z.enum(["preview", "close"]),
  version: z.coerce.number().int().min(0),
  outcome: z.string().max(OUTCOME_MAX, msg("validation.tooLong", { max: OUTCOME_MAX })),
  reason: z.string().max(CLOSE_REASON_MAX, msg("validation.tooLong", { max: CLOSE_REASON_MAX })).optional(),
});

export type CloseCaseForm = z.infer<typeof CloseCaseSchema>;
