// Dates are shown and compared in Asia/Shanghai (CONVENTIONS §15), whatever the server's zone.
const ISO_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** "YYYY-MM-DD" of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return ISO_DAY.format(instant);
}

/** A @db.Date column (midnight UTC) as "YYYY-MM-DD". */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatDateTime(instant: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(new Date(instant));
}

export function formatDate(instant: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium" }).format(new Date(instant));
}
