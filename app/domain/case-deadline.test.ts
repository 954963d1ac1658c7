import { describe, expect, it } from "vitest";
import { caseDeadline } from "./case-deadline.ts";
import { CASE_STATUSES, type CaseStatusName } from "./case-status.ts";

const TODAY = "2026-11-23";

describe("caseDeadline over every status", () => {
  const expectedKind: Record<CaseStatusName, "response" | "verification" | null> = {
    REPORTED: "response",
    ACCEPTED: "verification", // only because this row has a verification due date (an advance was paid)
    VERIFIED: null,
    PUBLISHED: null,
    FULFILLED: null,
    CLOSED: null,
    REJECTED: null,
    WITHDRAWN: null,
  };
  it.each(CASE_STATUSES)("%s", (status) => {
    const deadline = caseDeadline({ status, responseDueOn: "2026-11-20", verificationDueOn: "2026-11-30" }, TODAY);
    expect(deadline?.kind ?? null).toBe(expectedKind[status]);
  });
});

describe("caseDeadline states", () => {
  it.each([
    ["2026-11-20", "overdue"],
    ["2026-11-23", "dueToday"],
    ["2026-11-24", "onTime"],
  ] as const)("response due %s is %s", (dueOn, state) => {
    expect(caseDeadline({ status: "REPORTED", responseDueOn: dueOn, verificationDueOn: null }, TODAY)).toEqual({ kind: "response", dueOn, state });
  });

  it("an accepted case without an advance has no deadline", () => {
    expect(caseDeadline({ status: "ACCEPTED", responseDueOn: "2026-11-01", verificationDueOn: null }, TODAY)).toBeNull();
  });
});
