import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CASE_STATUSES, type CaseStatusName } from "../case-status.ts";
import type { RoleName } from "../permissions.ts";
import {
  CASE_EVENTS,
  CASE_TRANSITIONS,
  STATUS_TIMESTAMP,
  allowedEvents,
  isFinalStatus,
  isReasonRequired,
  transition,
  type CaseEventName,
  type TransitionActor,
} from "./case-transitions.ts";

const ACTORS = {
  STAFF: { roles: ["STAFF"] },
  REVIEWER: { roles: ["REVIEWER"] },
  DONOR: { roles: ["DONOR"] },
  SYSTEM: { roles: "SYSTEM" },
} satisfies Record<string, TransitionActor>;
type ActorKey = keyof typeof ACTORS;

type Outcome = CaseStatusName | "notAllowedFromStatus" | "roleForbidden" | "reasonRequired";
const N = "notAllowedFromStatus";
const F = "roleForbidden";
const R = "reasonRequired";

/**
 * Written out by hand from DESIGN.md §4 (not derived from the module), one row per allowed pair:
 * [STAFF without a reason, STAFF with a reason, REVIEWER-only, DONOR, SYSTEM]. The three last
 * columns are the same with and without a reason: the role is checked before the reason.
 * Every (status, event) pair not listed must be refused with notAllowedFromStatus for everyone.
 */
const ALLOWED: Partial<Record<CaseStatusName, Partial<Record<CaseEventName, [Outcome, Outcome, Outcome, Outcome, Outcome]>>>> = {
  REPORTED: {
    accept: ["ACCEPTED", "ACCEPTED", F, F, F],
    reject: [R, "REJECTED", F, F, F],
  },
  ACCEPTED: {
    verify: ["VERIFIED", "VERIFIED", F, F, F],
    reject: [R, "REJECTED", F, F, F],
    withdraw: [R, "WITHDRAWN", F, F, F],
    advance: ["ACCEPTED", "ACCEPTED", F, F, F],
  },
  VERIFIED: {
    publish: ["PUBLISHED", "PUBLISHED", F, F, F],
    withdraw: [R, "WITHDRAWN", F, F, F],
  },
  PUBLISHED: {
    markFulfilled: ["FULFILLED", "FULFILLED", F, F, "FULFILLED"],
    close: [R, "CLOSED", F, F, F],
    withdraw: [R, "WITHDRAWN", F, F, F],
  },
  FULFILLED: {
    reopen: ["PUBLISHED", "PUBLISHED", F, F, "PUBLISHED"],
    close: ["CLOSED", "CLOSED", F, F, F],
  },
};

function outcomeOf(status: CaseStatusName, event: CaseEventName, actor: TransitionActor, reason?: string): Outcome {
  const result = transition(status, event, actor, reason === undefined ? {} : { reason });
  return result.ok ? result.to : result.error;
}

describe("transition: every status × event × actor", () => {
  const rows = CASE_STATUSES.flatMap((status) =>
    CASE_EVENTS.map((event) => [status, event, ALLOWED[status]?.[event] ?? [N, N, N, N, N]] as const),
  );

  it.each(rows)("%s + %s", (status, event, [staffNoReason, staffWithReason, reviewer, donor, system]) => {
    expect(outcomeOf(status, event, ACTORS.STAFF)).toBe(staffNoReason);
    expect(outcomeOf(status, event, ACTORS.STAFF, "家属已自行解决")).toBe(staffWithReason);
    const others: [ActorKey, Outcome][] = [["REVIEWER", reviewer], ["DONOR", donor], ["SYSTEM", system]];
    for (const [key, expected] of others) {
      expect(outcomeOf(status, event, ACTORS[key])).toBe(expected);
      expect(outcomeOf(status, event, ACTORS[key], "理由")).toBe(expected);
    }
  });

  it("lists exactly the pairs of the diagram", () => {
    const fromModule = CASE_TRANSITIONS.map((r) => `${r.from} ${r.event} ${r.to}`).sort();
    const fromTable = Object.entries(ALLOWED)
      .flatMap(([status, events]) => Object.entries(events ?? {}).map(([event, outcomes]) => `${status} ${event} ${outcomes[1]}`))
      .sort();
    expect(fromModule).toEqual(fromTable);
  });
});

describe("transition details", () => {
  it.each(["", "   ", "\n\t"])("a blank reason %j counts as none", (reason) => {
    expect(transition("REPORTED", "reject", ACTORS.STAFF, { reason })).toEqual({ ok: false, error: "reasonRequired" });
  });

  it.each([
    [["STAFF", "REVIEWER"], "ACCEPTED"],
    [["REVIEWER", "ADMIN"], F],
    [["ADMIN"], F],
    [["ORG_MEMBER"], F],
    [["VOLUNTEER"], F],
    [[], F],
  ] as [RoleName[], Outcome][])("roles %j accepting a report: %s", (roles, expected) => {
    expect(outcomeOf("REPORTED", "accept", { roles })).toBe(expected);
  });

  it("close needs a reason from PUBLISHED but not from FULFILLED", () => {
    expect(isReasonRequired("PUBLISHED", "close")).toBe(true);
    expect(isReasonRequired("FULFILLED", "close")).toBe(false);
  });

  it("an advance keeps the status and asks for a verification due date, without re-stamping acceptedAt", () => {
    expect(transition("ACCEPTED", "advance", ACTORS.STAFF)).toEqual({
      ok: true,
      from: "ACCEPTED",
      event: "advance",
      to: "ACCEPTED",
      stamp: null,
      clear: [],
      setsVerificationDue: true,
    });
  });

  it("reopening keeps the first publishedAt and clears fulfilledAt", () => {
    expect(transition("FULFILLED", "reopen", ACTORS.SYSTEM)).toMatchObject({ ok: true, to: "PUBLISHED", stamp: null, clear: ["fulfilledAt"] });
  });

  const expectedStamp: Record<CaseStatusName, string | null> = {
    REPORTED: null,
    ACCEPTED: "acceptedAt",
    VERIFIED: "verifiedAt",
    PUBLISHED: "publishedAt",
    FULFILLED: "fulfilledAt",
    CLOSED: "closedAt",
    REJECTED: "closedAt",
    WITHDRAWN: "closedAt",
  };
  it.each(CASE_STATUSES)("entering %s sets its timestamp", (status) => {
    expect(STATUS_TIMESTAMP[status]).toBe(expectedStamp[status]);
  });

  it.each(CASE_TRANSITIONS.filter((r) => r.from !== r.to && r.event !== "reopen"))("$from $event stamps $to", (r) => {
    expect(r.stamp).toBe(expectedStamp[r.to]);
    expect(r.setsVerificationDue).toBe(false);
  });
});

describe("allowedEvents", () => {
  const expectedForStaff: Record<CaseStatusName, CaseEventName[]> = {
    REPORTED: ["accept", "reject"],
    ACCEPTED: ["reject", "verify", "withdraw", "advance"],
    VERIFIED: ["publish", "withdraw"],
    PUBLISHED: ["markFulfilled", "close", "withdraw"],
    FULFILLED: ["reopen", "close"],
    CLOSED: [],
    REJECTED: [],
    WITHDRAWN: [],
  };
  const expectedForSystem: Record<CaseStatusName, CaseEventName[]> = {
    REPORTED: [],
    ACCEPTED: [],
    VERIFIED: [],
    PUBLISHED: ["markFulfilled"],
    FULFILLED: ["reopen"],
    CLOSED: [],
    REJECTED: [],
    WITHDRAWN: [],
  };

  it.each(CASE_STATUSES)("%s", (status) => {
    expect(allowedEvents(status, ["STAFF"])).toEqual(expectedForStaff[status]);
    expect(allowedEvents(status, "SYSTEM")).toEqual(expectedForSystem[status]);
    expect(allowedEvents(status, ["REVIEWER"])).toEqual([]);
    expect(allowedEvents(status, ["DONOR"])).toEqual([]);
  });
});

describe("invariants", () => {
  // Hand-written adjacency of the diagram (DESIGN.md §4), independent of CASE_TRANSITIONS.
  const DIAGRAM: Record<CaseStatusName, CaseStatusName[]> = {
    REPORTED: ["ACCEPTED", "REJECTED"],
    ACCEPTED: ["ACCEPTED", "VERIFIED", "REJECTED", "WITHDRAWN"],
    VERIFIED: ["PUBLISHED", "WITHDRAWN"],
    PUBLISHED: ["FULFILLED", "CLOSED", "WITHDRAWN"],
    FULFILLED: ["PUBLISHED", "CLOSED"],
    CLOSED: [],
    REJECTED: [],
    WITHDRAWN: [],
  };
  const MIXED_ACTORS: TransitionActor[] = [ACTORS.STAFF, ACTORS.SYSTEM, { roles: ["STAFF", "REVIEWER"] }];

  it("any run of allowed events from REPORTED follows the diagram and stops only at a final status", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.nat()), { maxLength: 40 }), (steps) => {
        let status: CaseStatusName = "REPORTED";
        for (const [actorIndex, choice] of steps) {
          const actor = MIXED_ACTORS[actorIndex]!;
          const events = allowedEvents(status, actor.roles);
          if (events.length === 0) {
            // Only a final status leaves nobody anything to do (SYSTEM alone has fewer choices).
            if (actor.roles === "SYSTEM") continue;
            expect(isFinalStatus(status)).toBe(true);
            break;
          }
          const event = events[choice % events.length]!;
          const result = transition(status, event, actor, { reason: "情况已变化" });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(DIAGRAM[status]).toContain(result.to);
          status = result.to;
        }
      }),
    );
  });

  it.each(CASE_STATUSES.filter((s) => isFinalStatus(s)))("final status %s allows no event for anyone", (status) => {
    for (const actor of [...Object.values(ACTORS), { roles: ["STAFF", "REVIEWER", "ADMIN"] } as TransitionActor]) {
      expect(allowedEvents(status, actor.roles)).toEqual([]);
      for (const event of CASE_EVENTS) expect(transition(status, event, actor, { reason: "x" })).toEqual({ ok: false, error: N });
    }
  });

  it("finals are exactly CLOSED, REJECTED and WITHDRAWN", () => {
    expect(CASE_STATUSES.filter((s) => isFinalStatus(s))).toEqual(["CLOSED", "REJECTED", "WITHDRAWN"]);
  });

  it("transition succeeds exactly when allowedEvents offers the event and any needed reason is given", () => {
    const actorArb = fc.constantFrom<TransitionActor>(...Object.values(ACTORS), { roles: ["STAFF", "REVIEWER"] }, { roles: [] });
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATUSES), fc.constantFrom(...CASE_EVENTS), actorArb, fc.option(fc.string()), (status, event, actor, reason) => {
        const result = transition(status, event, actor, reason === null ? {} : { reason });
        const isOffered = allowedEvents(status, actor.roles).includes(event);
        const hasReason = (reason ?? "").trim() !== "";
        expect(result.ok).toBe(isOffered && (hasReason || !isReasonRequired(status, event)));
        if (result.ok) expect(DIAGRAM[status]).toContain(result.to);
      }),
    );
  });
});
