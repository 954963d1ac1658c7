import { z } from "zod";
import { msg } from "~/utils/validation.ts";

export const TRANSFER_REASON_MAX = 500;

export const TransferCaseSchema = z.object({
  toOfficeId: z.string().max(40),
  reason: z.string().max(TRANSFER_REASON_MAX, msg("validation.tooLong", { max: TRANSFER_REASON_MAX })),
  version: z.coerce.number().int().min(0),
});
