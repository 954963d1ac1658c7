import { z } from "zod";
import { MATCH_SOURCES, NEED_KINDS } from "~/domain/matching/match-types.ts";
import { yuanToFen } from "~/domain/money.ts";
import { PLEDGE_LIMITS } from "~/domain/pledges/pledge-rules.ts";
import { msg } from "~/utils/validation.ts";

const id = z.string().min(1).max(64);
const version = z.coerce.number().int().min(0);
const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

/** The largest goods or hours pick one form may ask for (a typo beyond this, not a plan). */
export const PLAN_MAX_UNITS = 100_000;

/**
 * A pick from the plan page: the line, the suggested resource and the amount in the line's unit —
 * 元 as typed for a cash line (stored in 分), whole pieces or hours otherwise. `kind` is the line's
 * kind as the page showed it; the use case checks it against the line.
 */
export const PickSchema = z
  .object({
    intent: z.literal("pick"),
    needId: id,
    source: z.enum(MATCH_SOURCES),
    resourceId: id,
    kind: z.enum(NEED_KINDS),
    amount: z.string().max(20),
    acknowledge: checkbox,
  })
  .transform((form, ctx) => {
    const amount = parseAmount(form.kind, form.amount);
    if (typeof amount === "string") {
      ctx.addIssue({ code: "custom", path: ["amount"], message: amount });
      return z.NEVER;
    }
    return { ...form, amount };
  });
export type PickForm = z.infer<typeof PickSchema>;

function parseAmount(kind: (typeof NEED_KINDS)[number], text: string): number | string {
  if (kind === "CASH") {
    const parsed = yuanToFen(text);
    if (!parsed.ok) return parsed.reason === "negative" ? msg("validation.amountPositive") : msg("validation.amountFormat");
    return parsed.value > 0 ? parsed.value : msg("validation.amountPositive");
  }
  if (!/^\d{1,9}$/.test(text)) return msg("planDesk.errors.quantity");
  const units = Number(text);
  return units >= 1 && units <= PLAN_MAX_UNITS ? units : msg("planDesk.errors.quantity");
}

/** Staff take a plan pick back (the commitment's version as the page showed it). */
export const UnpickSchema = z.object({ intent: z.literal("unpick"), commitmentId: id, version });
export type UnpickForm = z.infer<typeof UnpickSchema>;

/** "Why not this one?": a resource by kind and id against one line of the case. */
export const WhyNotSchema = z.object({ intent: z.literal("whyNot"), needId: id, source: z.enum(MATCH_SOURCES), resourceId: id });
export type WhyNotForm = z.infer<typeof WhyNotSchema>;

export const PLAN_INTENTS = ["pick", "unpick", "whyNot"] as const;

/** The owner's answers on /account/assignments. */
export const AcceptAssignmentSchema = z.object({ intent: z.literal("accept"), commitmentId: id, version });
export const DeclineAssignmentSchema = z.object({
  intent: z.literal("decline"),
  commitmentId: id,
  version,
  reason: z.string().min(1).max(PLEDGE_LIMITS.reasonMax),
});
export const LogHoursSchema = z.object({
  intent: z.literal("logHours"),
  commitmentId: id,
  version,
  hours: z.coerce
    .number({ invalid_type_error: msg("planAssignments.errors.hours") })
    .int(msg("planAssignments.errors.hours"))
    .min(1, msg("planAssignments.errors.hours"))
    .max(PLAN_MAX_UNITS, msg("planAssignments.errors.hours")),
});
export const ASSIGNMENT_INTENTS = ["accept", "decline", "logHours"] as const;
export type AcceptAssignmentForm = z.infer<typeof AcceptAssignmentSchema>;
export type DeclineAssignmentForm = z.infer<typeof DeclineAssignmentSchema>;
export type LogHoursForm = z.infer<typeof LogHoursSchema>;
