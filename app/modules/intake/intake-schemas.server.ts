import { z } from "zod";
import { CASE_CATEGORIES, URGENCIES } from "~/domain/case-status.ts";
import { validateIdNumber } from "~/domain/id-number.ts";
import { INTAKE_LIMITS, REPORTER_ROLES, STAFF_INTAKE_SOURCES, isMainlandPhone, normalizePhone } from "~/domain/intake/intake-rules.ts";
import { msg } from "~/utils/validation.ts";

const text = (max: number) => z.string().max(max, msg("validation.tooLong", { max }));

const householdSizeMessage = msg("intake.errors.householdSize", { min: INTAKE_LIMITS.householdSizeMin, max: INTAKE_LIMITS.householdSizeMax });

const fields = {
  name: text(INTAKE_LIMITS.nameMax),
  phone: z.string().refine(isMainlandPhone, msg("intake.errors.phone")).transform(normalizePhone),
  /** A county (6 digits) or a township (9 digits); whether it exists and has an office is checked on write. */
  region: z.string().regex(/^\d{6}(\d{3})?$/, msg("intake.errors.regionUnknown")),
  category: z.enum(CASE_CATEGORIES),
};

/** /staff/cases/new: a case taken by the hotline, the service window, proactive discovery or a referral. */
export const StaffIntakeSchema = z.object({
  source: z.enum(STAFF_INTAKE_SOURCES),
  category: fields.category,
  urgency: z.enum(URGENCIES),
  region: fields.region,
  name: fields.name,
  // Checked by its GB 11643 check digit; stored encrypted with a keyed hash for the duplicate check.
  idNumber: z
    .string()
    .refine((v) => validateIdNumber(v).ok, msg("validation.idNumber"))
    .transform((v) => (validateIdNumber(v) as { value: string }).value)
    .optional(),
  phone: fields.phone.optional(),
  address: text(INTAKE_LIMITS.addressMax).optional(),
  householdSize: z
    .string()
    .regex(/^\d+$/, householdSizeMessage)
    .transform(Number)
    .pipe(z.number().int().min(INTAKE_LIMITS.householdSizeMin, householdSizeMessage).max(INTAKE_LIMITS.householdSizeMax, householdSizeMessage))
    .optional(),
  intakeNote: text(INTAKE_LIMITS.noteMax),
});
export type StaffIntakeForm = z.infer<typeof StaffIntakeSchema>;

/** /report: someone asks for help, or reports a person in need (主动发现), without an account. */
export const PublicReportSchema = z.object({
  reporterRole: z.enum(REPORTER_ROLES),
  name: fields.name,
  reporterName: text(INTAKE_LIMITS.nameMax).optional(),
  phone: fields.phone,
  region: fields.region,
  category: fields.category,
  description: text(INTAKE_LIMITS.reportDescriptionMax),
  urgent: z.literal("on").optional(),
  // An unticked checkbox is simply absent, so "missing" must say "tick it", not "required".
  consent: z
    .string()
    .optional()
    .refine((v) => v === "on", msg("report.errors.consentRequired")),
});
export type PublicReportForm = z.infer<typeof PublicReportSchema>;
