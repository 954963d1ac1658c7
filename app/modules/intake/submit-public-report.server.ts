import { reportUrgency } from "~/domain/intake/intake-rules.ts";
import type { FieldErrors } from "~/utils/validation.ts";
import { checkRateLimit } from "../rate-limit/check-rate-limit.server.ts";
import type { PublicReportForm } from "./intake-schemas.server.ts";
import { recordIntake } from "./record-intake.server.ts";

/** At most this many reports per client per hour (DESIGN §3: the public forms are rate-limited). */
export const REPORT_RATE_LIMIT = { limit: 5, windowSeconds: 60 * 60 } as const;

type Translate = (key: string, values?: Record<string, unknown>) => string;

export type PublicReportResult =
  | { ok: true; caseNo: string }
  | { ok: false; reason: "rateLimited" }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors };

/**
 * A report from /report becomes a REPORTED case from ONLINE_REPORT in the intake queue of the office
 * that covers its region. `rateLimitKey` identifies the client without its address; over the limit
 * nothing about the report is written. `officeT` writes the intake note's labels in the office's
 * working language, since staff read the note, not the reporter.
 */
export async function submitPublicReport(
  form: PublicReportForm,
  { rateLimitKey, officeT, now = new Date() }: { rateLimitKey: string; officeT: Translate; now?: Date },
): Promise<PublicReportResult> {
  if (!(await checkRateLimit(rateLimitKey, REPORT_RATE_LIMIT, now))) return { ok: false, reason: "rateLimited" };

  const isOnBehalf = form.reporterRole === "ON_BEHALF";
  const note = [
    officeT("report.note.channel", { role: officeT(`report.reporterRoles.${form.reporterRole}`) }),
    // Reporting for someone else, the phone is the reporter's: it goes in the note, not on the person.
    isOnBehalf && officeT("report.note.reporter", { name: form.reporterName ?? officeT("report.note.reporterUnnamed"), phone: form.phone }),
    form.urgent && officeT("report.note.danger"),
    "",
    form.description,
  ].filter((line): line is string => typeof line === "string");

  const result = await recordIntake({
    source: "ONLINE_REPORT",
    category: form.category,
    urgency: reportUrgency(form.urgent === "on"),
    regionCode: form.region,
    intakeNote: note.join("\n"),
    beneficiary: { name: form.name, phone: isOnBehalf ? undefined : form.phone },
    actorId: null,
    receivedAt: now,
  });
  if (!result.ok) return { ok: false, reason: "invalid", fieldErrors: result.fieldErrors };
  return { ok: true, caseNo: result.caseNo };
}
