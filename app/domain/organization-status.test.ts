import { describe, expect, it } from "vitest";
import {
  ORGANIZATION_INTENTS,
  ORGANIZATION_STATUSES,
  allowedOrganizationIntents,
  organizationTransition,
  type OrganizationIntent,
  type OrganizationStatusName,
} from "./organization-status.ts";

type Outcome = OrganizationStatusName | "notAllowedFromStatus" | "reasonRequired" | "creditCodeInvalid";
const N = "notAllowedFromStatus";
const R = "reasonRequired";
const C = "creditCodeInvalid";

/**
 * Written out by hand, every status × intent:
 * [valid code without a reason, valid code with a reason, bad code with a reason].
 */
const TABLE: Record<OrganizationStatusName, Record<OrganizationIntent, [Outcome, Outcome, Outcome]>> = {
  PENDING: { vet: ["VETTED", "VETTED", C], reject: [R, "REJECTED", "REJECTED"], suspend: [N, N, N], reinstate: [N, N, N] },
  VETTED: { vet: [N, N, N], reject: [N, N, N], suspend: [R, "SUSPENDED", "SUSPENDED"], reinstate: [N, N, N] },
  REJECTED: { vet: [N, N, N], reject: [N, N, N], suspend: [N, N, N], reinstate: [N, N, N] },
  SUSPENDED: { vet: [N, N, N], reject: [N, N, N], suspend: [N, N, N], reinstate: ["VETTED", "VETTED", C] },
};

const outcome = (result: ReturnType<typeof organizationTransition>): Outcome => (result.ok ? result.to : result.error);

describe("organisation status rules", () => {
  const cases = ORGANIZATION_STATUSES.flatMap((status) => ORGANIZATION_INTENTS.map((intent) => [status, intent] as const));

  it("covers every status and intent in the table", () => {
    expect(cases).toHaveLength(ORGANIZATION_STATUSES.length * ORGANIZATION_INTENTS.length);
  });

  it.each(cases)("%s × %s", (status, intent) => {
    const [noReason, withReason, badCode] = TABLE[status][intent];
    expect(outcome(organizationTransition(status, intent, { isCreditCodeValid: true }))).toBe(noReason);
    expect(outcome(organizationTransition(status, intent, { reason: " ", isCreditCodeValid: true }))).toBe(noReason);
    expect(outcome(organizationTransition(status, intent, { reason: "登记证书已核对", isCreditCodeValid: true }))).toBe(withReason);
    expect(outcome(organizationTransition(status, intent, { reason: "登记证书已核对", isCreditCodeValid: false }))).toBe(badCode);
  });

  it.each(ORGANIZATION_STATUSES)("offers exactly the intents the table allows from %s", (status) => {
    expect(allowedOrganizationIntents(status)).toEqual(ORGANIZATION_INTENTS.filter((intent) => TABLE[status][intent][1] !== N));
  });
});
