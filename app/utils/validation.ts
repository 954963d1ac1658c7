import type { z } from "zod";

// Validation messages are i18n keys (with optional values), so the server answers in the user's
// language: schemas say `msg("validation.tooLong", { max: 50 })`, pages show `tError(t, message)`.
export function msg(key: string, values?: Record<string, string | number>): string {
  return values ? `${key}|${JSON.stringify(values)}` : key;
}

export function tError(t: (key: string, values?: Record<string, unknown>) => string, message: string): string {
  const bar = message.indexOf("|");
  if (bar < 0) return t(message);
  return t(message.slice(0, bar), JSON.parse(message.slice(bar + 1)) as Record<string, unknown>);
}

/** zod's own messages (type errors, enums …) mapped to keys, for issues a schema does not name. */
const errorMap: z.ZodErrorMap = (issue, ctx) => {
  if (issue.code === "invalid_type" && (issue.received === "undefined" || issue.received === "null")) {
    return { message: msg("validation.required") };
  }
  if (issue.code === "too_small" && issue.type === "string" && issue.minimum === 1) return { message: msg("validation.required") };
  if (issue.code === "too_big" && issue.type === "string") return { message: msg("validation.tooLong", { max: Number(issue.maximum) }) };
  if (issue.code === "invalid_string" && issue.validation === "email") return { message: msg("validation.email") };
  return { message: ctx.defaultError.startsWith("validation.") ? ctx.defaultError : msg("validation.invalid") };
};

export type FieldErrors = Record<string, string[]>;
export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** Parses a submitted form: blank strings count as missing, so `required` reads the same everywhere. */
export function parseForm<S extends z.ZodTypeAny>(schema: S, formData: FormData): FormResult<z.infer<S>> {
  const values: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    values[key] = value;
    const trimmed = value.trim();
    if (trimmed === "") continue;
    const existing = input[key];
    input[key] = existing === undefined ? trimmed : ([] as unknown[]).concat(existing, trimmed);
  }
  const parsed = schema.safeParse(input, { errorMap });
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  // Secrets are never echoed back into the form.
  delete values.password;
  return { ok: false, fieldErrors, values };
}
