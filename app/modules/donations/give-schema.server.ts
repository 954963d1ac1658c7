import { z } from "zod";
import { msg, parseForm, type FormResult } from "~/utils/validation.ts";

export const GIFT_FORM_LIMITS = { donorNameMax: 40, emailMax: 254, amountMax: 20 } as const;

const NAME_OR_ANONYMOUS = msg("cardGift.errors.nameOrAnonymous");

/**
 * The card gift form of /needs/:caseNo/give. The amount is checked against the minimum and the
 * case's cap by the module (the cap lives in the database); here only its presence and length.
 * A name is asked unless the donor gives anonymously (shown publicly as 爱心人士).
 */
export const GiveByCardSchema = z
  .object({
    amount: z.string().max(GIFT_FORM_LIMITS.amountMax, msg("validation.amountFormat")),
    donorName: z.string().max(GIFT_FORM_LIMITS.donorNameMax).optional(),
    anonymous: z.literal("on", { errorMap: () => ({ message: msg("validation.invalid") }) }).optional(),
    email: z.string().max(GIFT_FORM_LIMITS.emailMax).email(),
  })
  .superRefine((form, ctx) => {
    if (!form.anonymous && !form.donorName) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["donorName"], message: NAME_OR_ANONYMOUS });
  });

export type GiveByCardForm = z.infer<typeof GiveByCardSchema>;

/**
 * parseForm with the schema, plus the name rule even when other fields failed: zod runs an object's
 * refinements only once its fields parse, and the donor should see every message at once.
 */
export function parseGiveByCardForm(formData: FormData): FormResult<GiveByCardForm> {
  const result = parseForm(GiveByCardSchema, formData);
  if (result.ok) return result;
  const isNameMissing = !String(formData.get("donorName") ?? "").trim() && formData.get("anonymous") !== "on";
  if (isNameMissing && !result.fieldErrors.donorName) result.fieldErrors.donorName = [NAME_OR_ANONYMOUS];
  return result;
}
