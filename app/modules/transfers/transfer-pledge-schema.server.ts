import { z } from "zod";
import { PLEDGE_LIMITS } from "~/domain/pledges/pledge-rules.ts";
import { formatFen, fen, yuanToFen } from "~/domain/money.ts";
import { msg } from "~/utils/validation.ts";
import { checkbox, contactField, requireNameUnlessAnonymous } from "../pledges/pledge-schemas.server.ts";

/** 元 as typed → 分, at least ¥1 (the cap at what the line still needs is checked against the database). */
const amountField = z.string().transform((value, ctx) => {
  const parsed = yuanToFen(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.reason === "negative" ? msg("validation.amountPositive") : msg("validation.amountFormat") });
    return z.NEVER;
  }
  if (parsed.value < PLEDGE_LIMITS.minTransferFen) {
    ctx.addIssue({ code: "custom", message: msg("pledging.errors.minTransfer", { min: formatFen(fen(PLEDGE_LIMITS.minTransferFen)) }) });
    return z.NEVER;
  }
  return parsed.value as number;
});

/** An offline transfer pledge: how much, to which cash line (the first open one when not chosen), who, and a contact. */
export const TransferPledgeSchema = z
  .object({
    needId: z.string().max(64).optional(),
    amount: amountField,
    name: z.string().max(PLEDGE_LIMITS.nameMax).optional(),
    anonymous: checkbox,
    contact: contactField,
  })
  .superRefine(requireNameUnlessAnonymous);
export type TransferPledgeForm = z.infer<typeof TransferPledgeSchema>;
