import { z } from "zod";
import { HOUSING_CONDITIONS, VULNERABLE_TAGS } from "~/domain/indices/household-facts.ts";
import { validateIdNumber } from "~/domain/id-number.ts";
import { PROGRAMMES } from "~/domain/missed-aid/missed-aid-hints.ts";
import { isIsoDate } from "~/domain/iso-date.ts";
import { yuanToFen } from "~/domain/money.ts";
import { msg } from "~/utils/validation.ts";

/** A household larger than this is a typo (the largest 户 in the 低保 rolls are well under it). */
export const MAX_HOUSEHOLD_SIZE = 30;
const MAX_PURPOSE = 200;

/** 元 as typed → 分, or null when left blank (unknown); negative and malformed amounts are refused. */
const optionalYuan = z
  .string()
  .optional()
  .transform((value, ctx): number | null => {
    if (value === undefined) return null;
    const parsed = yuanToFen(value);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: parsed.reason === "negative" ? msg("casework.validation.notNegative") : msg("validation.amountFormat") });
    return z.NEVER;
  });

const householdSize = z
  .string()
  .regex(/^\d+$/, msg("casework.validation.householdSize", { max: MAX_HOUSEHOLD_SIZE }))
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, msg("casework.validation.householdSize", { max: MAX_HOUSEHOLD_SIZE }))
      .max(MAX_HOUSEHOLD_SIZE, msg("casework.validation.householdSize", { max: MAX_HOUSEHOLD_SIZE })),
  );

/** Checkboxes: absent → [], one ticked → "X", several → ["X", "Y"] (parseForm). */
const checkboxList = <T extends [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)));

const idNumber = z
  .string()
  .max(30, msg("validation.idNumber"))
  .transform((value, ctx) => {
    const result = validateIdNumber(value.replace(/\s+/g, ""));
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: msg("validation.idNumber") });
    return z.NEVER;
  });

/**
 * The verify tab's household form. intent=save keeps what is known so far (blanks = unknown);
 * intent=verify completes the verification, so income, essential spending and housing are required.
 */
export const VerifyCaseSchema = z
  .object({
    intent: z.enum(["save", "verify"]),
    version: z.coerce.number().int().min(0),
    householdSize,
    monthlyIncome: optionalYuan,
    monthlyEssential: optionalYuan,
    housing: z.enum(HOUSING_CONDITIONS).optional(),
    vulnerableMembers: checkboxList([...VULNERABLE_TAGS]),
    /** Only asked for when none is on file; never sent back to the browser. */
    idNumber: idNumber.optional(),
    acknowledgeDuplicates: z.string().optional().transform((v) => v !== undefined),
  })
  .superRefine((form, ctx) => {
    if (form.intent !== "verify") return;
    const required = msg("validation.required");
    if (form.monthlyIncome === null) ctx.addIssue({ code: "custom", path: ["monthlyIncome"], message: required });
    if (form.monthlyEssential === null) ctx.addIssue({ code: "custom", path: ["monthlyEssential"], message: required });
    if (form.housing === undefined) ctx.addIssue({ code: "custom", path: ["housing"], message: required });
  });
export type VerifyCaseForm = z.infer<typeof VerifyCaseSchema>;

const isoDate = z.string().refine(isIsoDate, msg("casework.validation.date"));

/** The small "add assistance record" form of the verify tab. */
export const AddAssistanceRecordSchema = z
  .object({
    intent: z.literal("addRecord"),
    programme: z.enum(PROGRAMMES),
    startedOn: isoDate,
    endedOn: isoDate.optional(),
    amount: optionalYuan.refine((v) => v === null || v > 0, msg("validation.amountPositive")),
    purpose: z.string().max(MAX_PURPOSE).optional(),
  })
  .superRefine((form, ctx) => {
    // ISO dates compare correctly as strings.
    if (form.endedOn && form.endedOn < form.startedOn) ctx.addIssue({ code: "custom", path: ["endedOn"], message: msg("casework.validation.endBeforeStart") });
  });
export type AddAssistanceRecordForm = z.infer<typeof AddAssistanceRecordSchema>;
