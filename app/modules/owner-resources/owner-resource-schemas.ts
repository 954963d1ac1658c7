// The forms owners keep their resources with: organisation sign-up, projects, supply offers and
// volunteer offers. Shared by the actions (validation) and the pages (field names, choices, limits),
// so no server code here. Messages are i18n keys.
import { z } from "zod";
import { CASE_CATEGORIES } from "~/domain/case-status.ts";
import { validateCreditCode } from "~/domain/credit-code.ts";
import { isMainlandPhone, normalizePhone } from "~/domain/intake/intake-rules.ts";
import { isIsoDate } from "~/domain/iso-date.ts";
import { yuanToFen, type Fen } from "~/domain/money.ts";
import { OWNER_RESOURCE_LIMITS as L, PROJECT_CONDITION_TAGS, isAgeRangeOrdered, isDateRangeOrdered } from "~/domain/resources/owner-resource-rules.ts";
import { RESOURCE_INTENTS } from "~/domain/resources/resource-status.ts";
import { ITEM_CATEGORIES, SERVICE_TYPES } from "~/modules/publication/publish-case-schema.ts";
import { msg, parseForm, type FieldErrors, type FormResult } from "~/utils/validation.ts";

export const ORGANIZATION_KINDS = ["CHARITY", "ENTERPRISE", "SOCIAL_WORK"] as const;
export { ITEM_CATEGORIES, SERVICE_TYPES, PROJECT_CONDITION_TAGS, L as OWNER_RESOURCE_LIMITS };

const text = (max: number) => z.string().max(max, msg("validation.tooLong", { max }));

/** Checkbox groups: nothing ticked is absent, one ticked is a string, several an array. */
const checkboxes = <T extends z.ZodTypeAny>(item: T, opts: { min: number; max: number }) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(item)
      .min(opts.min, msg("ownerResources.errors.chooseOne"))
      .max(opts.max, msg("ownerResources.errors.tooMany", { max: opts.max }))
      .transform((list) => [...new Set(list)] as z.infer<T>[]),
  );

/** GB/T 2260 codes of a province, city or county (a code covers its subtree); existence is checked on write. */
const regionCodes = checkboxes(z.string().regex(/^\d{2}(\d{2}){0,2}$/, msg("ownerResources.errors.regionUnknown")), { min: 1, max: L.regionsMax });

const wholeNumber = (min: number, max: number) => {
  const message = msg("ownerResources.errors.wholeNumber", { min, max });
  return z.string().regex(/^\d{1,9}$/, message).transform(Number).pipe(z.number().int().min(min, message).max(max, message));
};

const yuan = z.string().transform((value, ctx): Fen => {
  const parsed = yuanToFen(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: msg(parsed.reason === "negative" ? "validation.amountPositive" : "validation.amountFormat") });
    return z.NEVER;
  }
  if (parsed.value <= 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: msg("validation.amountPositive") });
    return z.NEVER;
  }
  if (parsed.value > L.budgetMaxFen) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: msg("ownerResources.errors.amountTooLarge") });
    return z.NEVER;
  }
  return parsed.value;
});

const isoDate = z.string().refine(isIsoDate, msg("ownerResources.errors.date"));

/** A 统一社会信用代码: a field message says whether the layout or the check character is wrong. */
const creditCode = z.string().transform((value, ctx) => {
  const result = validateCreditCode(value);
  if (result.ok) return result.value;
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: msg(`orgSignup.errors.creditCode.${result.reason}`) });
  return z.NEVER;
});

const website = text(L.websiteMax).refine((v) => {
  try {
    const url = new URL(v);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}, msg("orgSignup.errors.website"));

/** /org/register: an organisation applies; it stays PENDING until staff vet it. */
export const OrganizationSignupSchema = z.object({
  name: text(L.organizationNameMax),
  kind: z.enum(ORGANIZATION_KINDS),
  creditCode,
  regionCode: z.string().regex(/^\d{6}$/, msg("ownerResources.errors.regionUnknown")),
  description: text(L.descriptionMax),
  contactName: text(L.contactNameMax),
  contactPhone: z.string().refine(isMainlandPhone, msg("intake.errors.phone")).transform(normalizePhone),
  website: website.optional(),
});
export type OrganizationSignupForm = z.infer<typeof OrganizationSignupSchema>;

/** "Publish now" or "keep as a draft" on the create forms (the button pressed). */
const saveAs = z.enum(["ACTIVE", "DRAFT"]).default("ACTIVE");

export const ProjectSchema = z
  .object({
    saveAs,
    title: text(L.titleMax),
    summary: text(L.summaryMax),
    description: text(L.descriptionMax),
    categories: checkboxes(z.enum(CASE_CATEGORIES), { min: 1, max: CASE_CATEGORIES.length }),
    regionCodes,
    minAge: wholeNumber(0, L.ageMax).optional(),
    maxAge: wholeNumber(0, L.ageMax).optional(),
    conditionTags: checkboxes(z.enum(PROJECT_CONDITION_TAGS), { min: 0, max: PROJECT_CONDITION_TAGS.length }),
    perCaseCap: yuan,
    budget: yuan,
    startsOn: isoDate.optional(),
    endsOn: isoDate.optional(),
  })
  .superRefine((p, ctx) => {
    if (!isAgeRangeOrdered(p.minAge, p.maxAge)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["maxAge"], message: msg("ownerResources.errors.ageRange") });
    if (!isDateRangeOrdered(p.startsOn, p.endsOn)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endsOn"], message: msg("ownerResources.errors.dateRange") });
    if (p.perCaseCap > p.budget) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["perCaseCap"], message: msg("ownerResources.errors.capAboveBudget") });
  });
export type ProjectForm = z.infer<typeof ProjectSchema>;

export const SupplyOfferSchema = z.object({
  saveAs,
  itemName: text(L.itemNameMax),
  itemCategory: z.enum(ITEM_CATEGORIES),
  unit: text(L.unitMax),
  quantity: wholeNumber(1, L.quantityMax),
  regionCodes,
  description: text(L.descriptionMax),
  expiresOn: isoDate.optional(),
});
export type SupplyOfferForm = z.infer<typeof SupplyOfferSchema>;

export const VolunteerOfferSchema = z.object({
  saveAs,
  title: text(L.titleMax),
  description: text(L.descriptionMax),
  skills: checkboxes(z.enum(SERVICE_TYPES), { min: 1, max: SERVICE_TYPES.length }),
  regionCodes,
  availability: text(L.availabilityMax),
  hoursOffered: wholeNumber(1, L.hoursMax),
  availableUntil: isoDate.optional(),
});
export type VolunteerOfferForm = z.infer<typeof VolunteerOfferSchema>;

/** The buttons of a resource's page: save the details, or one status step. */
export const RESOURCE_PAGE_INTENTS = ["save", ...RESOURCE_INTENTS] as const;
export const ResourcePageIntentSchema = z.object({ intent: z.enum(RESOURCE_PAGE_INTENTS) });

/**
 * parseForm, with the messages of a checkbox group's items ("skills.2") put on the group, where
 * the page shows them.
 */
export function parseOwnerForm<S extends z.ZodTypeAny>(schema: S, formData: FormData): FormResult<z.infer<S>> {
  const result = parseForm(schema, formData);
  if (result.ok) return result;
  const fieldErrors: FieldErrors = {};
  for (const [field, messages] of Object.entries(result.fieldErrors)) {
    const key = field.replace(/\.\d+$/, "");
    fieldErrors[key] = [...new Set([...(fieldErrors[key] ?? []), ...messages])];
  }
  return { ...result, fieldErrors };
}

/** A form's submitted values, checkbox groups joined so the page can tick them again. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of new Set(formData.keys())) {
    values[key] = formData.getAll(key).filter((v): v is string => typeof v === "string").join(",");
  }
  return values;
}
