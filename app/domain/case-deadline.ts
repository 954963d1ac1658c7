// Which deadline a case is working against now, and whether it is missed (DESIGN.md §4).
// Dates are ISO "YYYY-MM-DD" in Asia/Shanghai; ISO dates compare correctly as strings.
import type { CaseStatusName } from "./case-status.ts";

export type DeadlineState = "overdue" | "dueToday" | "onTime";
export type Deadline = { kind: "response" | "verification"; dueOn: string; state: DeadlineState } | null;

export function caseDeadline(
  c: { status: CaseStatusName; responseDueOn: string; verificationDueOn: string | null },
  today: string,
): Deadline {
  const pick = (): { kind: "response" | "verification"; dueOn: string } | null => {
    if (c.status === "REPORTED") return { kind: "response", dueOn: c.responseDueOn };
    // After an advance (先行救助) the verification is due; until then an accepted case has none.
    if (c.status === "ACCEPTED" && c.verificationDueOn) return { kind: "verification", dueOn: c.verificationDueOn };
    return null;
  };
  const due = pick();
  if (!due) return null;
  const state: DeadlineState = due.dueOn < today ? "overdue" : due.dueOn === today ? "dueToday" : "onTime";
  return { ...due, state };
}
