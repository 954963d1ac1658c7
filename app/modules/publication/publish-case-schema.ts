// The publish tab's form: the public face, the need lines and the consent (授权公开). Shared by the
// action (validation) and the page (field names, choices, limits); no server code here.
import { z } from "zod";
import { isIsoDate } from "~/domain/iso-date.ts";
import { yuanToFen } from "~/domain/money.ts";
import { msg, parseForm, type FieldErrors } from "~/utils/validation.ts";

export const AGE_BANDS = ["CHILD", "YOUNG_ADULT", "ADULT", "SENIOR"] as const;
export type AgeBandName = (typeof AGE_BANDS)[number];
export const CONSENT_METHODS = ["SIGNED_FORM", "RECORDED_CALL"] as const;
export const NEED_KINDS = ["CASH", "ITEM", "SERVICE"] as const;
export type NeedKindName = (typeof NEED_KINDS)[number];
/** Need.category of ITEM lines (labels: resourceTypes.item.*). */
export const ITEM_CATEGORIES = ["BEDDING", "FOOD", "CLOTHING", "MEDICAL_SUPPLIES", "SCHOOL_SUPPLIES", "HOUSEHOLD"] as const;
/** Need.category of SERVICE lines (labels: resourceTypes.service.*). */
export const SERVICE_TYPES = ["COUNSELLING", "CARE", "TRANSPORT", "TUTORING", "LEGAL_AID", "REPAIR", "COMPANIONSHIP", "MEDICAL_ESCORT"] as const;
/** The unit SERVICE lines are counted in, as stored (the public pages say need.unitHours). */
export const SERVICE_UNIT = "小时";

export const ALIAS_MAX = 20;
export const PUBLIC_TITLE_MAX = 60;
export const PUBLIC_STORY_MAX = 2000;
export const LINE_TITLE_MAX = 60;
export const UNIT_MAX = 10;
export const CONSENT_BY_MAX = 60;
/** A quantity or a number of hours; more than this is a typing error, not a need. */
export const MAX_LINE_QUANTITY = 100_000;
/** Rows the form accepts (indices 0…99); enough for any case, small enough to stop junk input. */
export const MAX_LINE_ROWS = 100;
/** Empty rows offered below the filled ones, so lines can be added without JavaScript. */
export const BLANK_LINE_ROWS = 5;
export const LINE_FIELDS = ["kind", "title", "amount", "category", "unit"] as const;
export type LineField = (typeof LINE_FIELDS)[number];

/** The form field of one cell of the need-line table: "lines.3.title". */
export const lineFieldName = (index: number, field: LineField) => `lines.${index}.${field}`;
const LINE_KEY = /^lines\.(\d{1,2})\.(kind|title|amount|category|unit)$/;

/** `row` is the line's row in the submitted table, so a message lands on the cell it is about. */
export type NeedLineInput = { row: number; kind: NeedKindName; title: string; category: string | null; unit: string | null; target: number };

/** One table row: blank rows (no title, amount or unit) become null and are ignored. */
const LineRowSchema = z
  .object({
    kind: z.enum(NEED_KINDS).optional(),
    title: z.string().max(LINE_TITLE_MAX, msg("validation.tooLong", { max: LINE_TITLE_MAX })).optional(),
    amount: z.string().optional(),
    category: z.string().optional(),
    unit: z.string().max(UNIT_MAX, msg("validation.tooLong", { max: UNIT_MAX })).optional(),
  })
  .transform((row, ctx): NeedLineInput | null => {
    if (row.title === undefined && row.amount === undefined && row.unit === undefined) return null;
    const index = Number(ctx.path[ctx.path.length - 1]);
    const fail = (field: LineField, message: string) => {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
      return z.NEVER;
    };
    if (!row.kind) return fail("kind", msg("validation.required"));
    if (!row.title) return fail("title", msg("validation.required"));
    if (!row.amount) return fail("amount", msg("validation.required"));
    if (row.kind === "CASH") {
      const parsed = yuanToFen(row.amount);
      if (!parsed.ok) return fail("amount", msg(parsed.reason === "negative" ? "validation.amountPositive" : "validation.amountFormat"));
      if (parsed.value <= 0) return fail("amount", msg("validation.amountPositive"));
      return { row: index, kind: "CASH", title: row.title, category: null, unit: null, target: parsed.value };
    }
    const quantity = /^\d{1,9}$/.test(row.amount) ? Number(row.amount) : NaN;
    if (!(quantity > 0 && quantity <= MAX_LINE_QUANTITY)) return fail("amount", msg("publication.errors.wholeNumber", { max: MAX_LINE_QUANTITY }));
    if (row.kind === "ITEM") {
      if (!(ITEM_CATEGORIES as readonly string[]).includes(row.category ?? "")) return fail("category", msg("validation.required"));
      if (!row.unit) return fail("unit", msg("validation.required"));
      return { row: index, kind: "ITEM", title: row.title, category: row.category!, unit: row.unit, target: quantity };
    }
    if (!(SERVICE_TYPES as readonly string[]).includes(row.category ?? "")) return fail("category", msg("validation.required"));
    return { row: index, kind: "SERVICE", title: row.title, category: row.category!, unit: SERVICE_UNIT, target: quantity };
  });

/** parseForm sees flat keys; the table's cells become rows, keeping each row's index for its messages. */
function nestLines(input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const out: Record<string, unknown> = {};
  const rows: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(input)) {
    const match = LINE_KEY.exec(key);
    if (!match) out[key] = value;
    else (rows[Number(match[1])] ??= {})[match[2]!] = value;
  }
  out.lines = Array.from(rows, (row) => row ?? {});
  return out;
}

const optionalDate = z.string().refine(isIsoDate, msg("validation.invalid")).optional();

export const PublishCaseSchema = z.preprocess(
  nestLines,
  z.object({
    intent: z.enum(["preview", "publish"]),
    version: z.coerce.number().int().min(0),
    alias: z.string().max(ALIAS_MAX, msg("validation.tooLong", { max: ALIAS_MAX })),
    ageBand: z.enum(AGE_BANDS),
    publicTitle: z.string().max(PUBLIC_TITLE_MAX, msg("validation.tooLong", { max: PUBLIC_TITLE_MAX })),
    publicStory: z.string().max(PUBLIC_STORY_MAX, msg("validation.tooLong", { max: PUBLIC_STORY_MAX })),
    lines: z.array(LineRowSchema).max(MAX_LINE_ROWS).transform((rows) => rows.filter((row): row is NeedLineInput => row !== null)),
    consentBy: z.string().max(CONSENT_BY_MAX, msg("validation.tooLong", { max: CONSENT_BY_MAX })).optional(),
    consentAt: optionalDate,
    consentMethod: z.enum(CONSENT_METHODS).optional(),
  }),
);

export type PublishCaseForm = z.output<typeof PublishCaseSchema>;
export type ConsentInput = { by: string; at: string; method: (typeof CONSENT_METHODS)[number] };

/** The raw submitted strings, to give the form back as it was typed. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") values[key] = value;
  return values;
}

/**
 * Parses the form and adds the rules that need the whole form or today's date: at least one need
 * line, and — to publish, not to preview — a complete consent no later than today. All messages
 * come back at once, whichever check found them.
 */
export function parsePublishForm(formData: FormData, today: string):
  | { ok: true; data: PublishCaseForm; consent: ConsentInput | null }
  | { ok: false; fieldErrors: FieldErrors } {
  const parsed = parseForm(PublishCaseSchema, formData);
  const fieldErrors: FieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
  const add = (field: string, message: string) => {
    if (!fieldErrors[field]?.length) fieldErrors[field] = [message];
  };
  const raw = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.trim() : "";
  };

  const hasLine = [...formData.keys()].some((key) => /^lines\.\d+\.(title|amount|unit)$/.test(key) && raw(key) !== "");
  if (!hasLine) add("lines", msg("publication.errors.atLeastOneLine"));

  const consentAt = raw("consentAt");
  if (consentAt && isIsoDate(consentAt) && consentAt > today) add("consentAt", msg("publication.errors.consentInFuture"));
  if (raw("intent") === "publish") {
    for (const field of ["consentBy", "consentAt", "consentMethod"]) if (!raw(field)) add(field, msg("publication.errors.consentRequired"));
  }

  if (!parsed.ok || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const { consentBy, consentAt: at, consentMethod } = parsed.data;
  const consent = consentBy && at && consentMethod ? { by: consentBy, at, method: consentMethod } : null;
  return { ok: true, data: parsed.data, consent };
}

/** The form's public texts for the PII guard, each with the form field its message belongs to. */
export function publicTextsOf(form: Pick<PublishCaseForm, "alias" | "publicTitle" | "publicStory" | "lines">) {
  return [
    { formField: "alias", field: "alias" as const, text: form.alias },
    { formField: "publicTitle", field: "publicTitle" as const, text: form.publicTitle },
    { formField: "publicStory", field: "publicStory" as const, text: form.publicStory },
    ...form.lines.map((line) => ({ formField: lineFieldName(line.row, "title"), field: "lineTitle" as const, text: line.title })),
  ];
}
