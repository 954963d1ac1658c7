import { z } from "zod";
import { purposeField, yuanAmountField } from "../funds/fund-schemas.server.ts";

/** 先行救助 form: an amount in 元 (→ 分) and what it is for; the fund is the case region's own. */
export const GrantAdvanceSchema = z.object({
  version: z.coerce.number().int().min(0),
  amount: yuanAmountField,
  purpose: purposeField,
});
export type GrantAdvanceForm = z.infer<typeof GrantAdvanceSchema>;
