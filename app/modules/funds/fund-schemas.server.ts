import { z } from "zod";
import { CONTRIBUTION_SOURCES, PAYEE_KINDS } from "~/domain/ledger-postings.ts";
import { GRANT_REVIEW_INTENTS } from "~/domain/ledger-grants.ts";
import { yuanToFen } from "~/domain/money.ts";
import { msg } from "~/utils/validation.ts";

export const FUND_TEXT_LIMITS = { counterpartyMax: 100, memoMax: 200, purposeMax: 200, payeeMax: 100, noteMax: 200 } as const;

/** 元 as typed → a positive amount in 分. */
export const yuanAmountField = z.string().transform((value, ctx) => {
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
});

/** What money is for: required, as on a voucher (grants, advances, disbursements). */
export const purposeField = z.string().min(1).max(FUND_TEXT_LIMITS.purposeMax);

/**
 * A one-time key the page puts in a hidden field when it renders the form: the posting is keyed on
 * it, so a double click or a resubmitted page records the money once.
 */
const requestKey = z.string().uuid();

/** 资金注入: 公共财政, 福彩公益金, an enterprise's transfer … into a fund. */
export const ContributionSchema = z.object({
  requestKey,
  source: z.enum(CONTRIBUTION_SOURCES),
  counterparty: z.string().min(1).max(FUND_TEXT_LIMITS.counterpartyMax),
  amount: yuanAmountField,
  memo: z.string().max(FUND_TEXT_LIMITS.memoMax).optional(),
});
export type ContributionForm = z.infer<typeof ContributionSchema>;

/** A grant from a fund to a case (money tab), against one of its cash lines when it has any. */
export const GrantRequestSchema = z.object({
  requestKey,
  fundId: z.string().min(1).max(64),
  needId: z.string().max(64).optional(),
  amount: yuanAmountField,
  purpose: purposeField,
});
export type GrantRequestForm = z.infer<typeof GrantRequestSchema>;

/** 一事一议: approve or reject a grant waiting for review. */
export const GrantReviewSchema = z.object({
  grantId: z.string().min(1).max(64),
  intent: z.enum(GRANT_REVIEW_INTENTS),
  note: z.string().max(FUND_TEXT_LIMITS.noteMax).optional(),
});
export type GrantReviewForm = z.infer<typeof GrantReviewSchema>;

/** Money paid out of a case to a hospital, the beneficiary or a supplier. */
export const DisbursementSchema = z
  .object({
    requestKey,
    payeeKind: z.enum(PAYEE_KINDS),
    payeeName: z.string().max(FUND_TEXT_LIMITS.payeeMax).optional(),
    amount: yuanAmountField,
    purpose: purposeField,
  })
  .superRefine((form, ctx) => {
    // The beneficiary is named 受助人 on every public page; everyone else must be named.
    if (form.payeeKind !== "BENEFICIARY" && !form.payeeName) ctx.addIssue({ code: "custom", path: ["payeeName"], message: msg("validation.required") });
  });
export type DisbursementForm = z.infer<typeof DisbursementSchema>;

/** What is left in a case goes back to a relief fund (结余转出). */
export const SurplusTransferSchema = z.object({
  requestKey,
  fundId: z.string().min(1).max(64),
  amount: yuanAmountField,
});
export type SurplusTransferForm = z.infer<typeof SurplusTransferSchema>;

/** The money tab's forms, told apart by `intent`. */
export const MoneyIntentSchema = z.object({ intent: z.enum(["grant", "disburse", "surplus"]) });
