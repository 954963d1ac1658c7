import { z } from "zod";
import { msg } from "~/utils/validation.ts";

/** Events fired from the overview tab; the others have their own forms (verify, publish, close …). */
export const OVERVIEW_EVENTS = ["accept", "reject", "withdraw", "markFulfilled", "reopen"] as const;

export const CaseEventSchema = z.object({
  intent: z.enum(OVERVIEW_EVENTS),
  version: z.coerce.number().int().min(0),
  reason: z.string().max(500, msg("validation.tooLong", { max: 500 })).optional(),
});
