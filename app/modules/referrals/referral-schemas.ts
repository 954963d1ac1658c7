import { z } from "zod";
import { isIsoDate } from "~/domain/iso-date.ts";
import { DEPARTMENTS } from "~/domain/missed-aid/missed-aid-hints.ts";
import { REFERRAL_INTENTS } from "~/domain/referral-status.ts";
import { msg } from "~/utils/validation.ts";

export const REFERRAL_REQUEST_MAX = 500;
export const REFERRAL_RESULT_MAX = 1000;

/** The "new referral" form. That the due date is not in the past is checked by the module (it knows today). */
export const CreateReferralSchema = z.object({
  intent: z.literal("create"),
  department: z.enum(DEPARTMENTS),
  request: z.string().max(REFERRAL_REQUEST_MAX, msg("validation.tooLong", { max: REFERRAL_REQUEST_MAX })),
  dueOn: z.string().refine(isIsoDate, msg("validation.invalid")),
});

/** One referral's answer form: the intent is the button pressed; the status machine says whether a result is needed. */
export const AnswerReferralSchema = z.object({
  intent: z.enum(REFERRAL_INTENTS),
  referralId: z.string().min(1),
  version: z.coerce.number().int().min(0),
  result: z.string().max(REFERRAL_RESULT_MAX, msg("validation.tooLong", { max: REFERRAL_RESULT_MAX })).optional(),
});

export type CreateReferralForm = z.infer<typeof CreateReferralSchema>;
export type AnswerReferralForm = z.infer<typeof AnswerReferralSchema>;
