import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  RESOURCE_INTENTS,
  RESOURCE_STATUSES,
  allowedResourceIntents,
  initialResourceStatus,
  isCapacityAllowed,
  isResourceEditable,
  resourceTransition,
  type ResourceIntent,
  type ResourceStatusName,
} from "./resource-status.ts";

const N = "notAllowedFromStatus";
type Outcome = ResourceStatusName | typeof N;

/** Written out by hand, every status × intent. */
const TABLE: Record<ResourceStatusName, Record<ResourceIntent, Outcome>> = {
  DRAFT: { publish: "ACTIVE", pause: N, resume: N, close: "CLOSED" },
  ACTIVE: { publish: N, pause: "PAUSED", resume: N, close: "CLOSED" },
  PAUSED: { publish: N, pause: N, resume: "ACTIVE", close: "CLOSED" },
  CLOSED: { publish: N, pause: N, resume: N, close: N },
};

const EDITABLE: Record<ResourceStatusName, boolean> = { DRAFT: true, ACTIVE: true, PAUSED: true, CLOSED: false };

describe("resource status rules", () => {
  const cases = RESOURCE_STATUSES.flatMap((status) => RESOURCE_INTENTS.map((intent) => [status, intent] as const));

  it("covers every status and intent in the table", () => {
    expect(cases).toHaveLength(RESOURCE_STATUSES.length * RESOURCE_INTENTS.length);
    expect(Object.keys(TABLE).sort()).toEqual([...RESOURCE_STATUSES].sort());
  });

  it.each(cases)("%s × %s", (status, intent) => {
    const result = resourceTransition(status, intent);
    expect(result.ok ? result.to : result.error).toBe(TABLE[status][intent]);
  });

  it.each(RESOURCE_STATUSES)("offers exactly the intents the table allows from %s", (status) => {
    expect(allowedResourceIntents(status)).toEqual(RESOURCE_INTENTS.filter((intent) => TABLE[status][intent] !== N));
  });

  it.each(RESOURCE_STATUSES)("%s is editable only while not closed", (status) => {
    expect(isResourceEditable(status)).toBe(EDITABLE[status]);
  });

  it("CLOSED is final and every other status can be closed", () => {
    expect(allowedResourceIntents("CLOSED")).toEqual([]);
    for (const status of RESOURCE_STATUSES.filter((s) => s !== "CLOSED")) expect(allowedResourceIntents(status)).toContain("close");
  });

  it("starts new resources as ACTIVE or DRAFT", () => {
    expect(initialResourceStatus(true)).toBe("ACTIVE");
    expect(initialResourceStatus(false)).toBe("DRAFT");
  });
});

describe("capacity never below what is reserved", () => {
  it.each([
    [100, 0, true],
    [100, 100, true],
    [99, 100, false],
    [0, 0, false],
    [-1, 0, false],
    [1.5, 0, false],
  ])("total %d with %d reserved → %s", (total, reserved, allowed) => {
    expect(isCapacityAllowed(total, reserved)).toBe(allowed);
  });

  it("allows exactly the positive totals at or above the reservation", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000, max: 1_000_000 }), fc.nat(1_000_000), (total, reserved) => {
        expect(isCapacityAllowed(total, reserved)).toBe(total > 0 && total >= reserved);
      }),
    );
  });
});
