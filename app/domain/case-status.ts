export const CASE_STATUSES = ["REPORTED", "ACCEPTED", "VERIFIED", "PUBLISHED", "FULFILLED", "CLOSED", "REJECTED", "WITHDRAWN"] as const;
export type CaseStatusName = (typeof CASE_STATUSES)[number];

/** Statuses a case can no longer leave. */
export const FINAL_STATUSES: readonly CaseStatusName[] = ["CLOSED", "REJECTED", "WITHDRAWN"];

export const CASE_CATEGORIES = ["MAJOR_ILLNESS", "ACCIDENT", "DISASTER", "DEATH_OF_BREADWINNER", "EDUCATION", "OTHER"] as const;
export const URGENCIES = ["CRITICAL", "HIGH", "NORMAL"] as const;
