import { z } from "zod";
import { yuanToFen } from "~/domain/money.ts";
import { msg } from "~/utils/validation.ts";

const MAX_PURPOSE = 200;

/** 先行救助 form: an amount in 元 (→ 分) and what it is for; the fund is the case region's own. */
export const GrantAdvanceSchema = z.object({
  version: z.coerce.number().int().min(0),
  amount: z.string().transform((value, ctx) => {
    const parsed = yuanToFen(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.reason === "negative" ? msg("validation.amountPositive") : msg("validation.amountFormat") });
      return z.NEVER;
    }
    if (parsed.value <= 0) {
      ctx.addIssue({ code: "custom", message: msg("validation.amountPositive") });
      return z.NEVER;
    }
    return parsed.value as number;
  }),
  purpose: z.string().min(1).max(MAX_PURPOSE),
});
export type GrantAdvanceForm = z.infer<typeof GrantAdvanceSchema>;
