import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkGrantRequest, GRANT_REVIEW_INTENTS, GRANT_STATUSES, grantNeedsReview, reviewGrant, type GrantStatusName } from "./ledger-grants.ts";

describe("grantNeedsReview (一事一议)", () => {
  it.each([
    [499_999, 500_000, false],
    [500_000, 500_000, false],
    [500_001, 500_000, true],
    [1, 0, true],
  ])("%i 分 against a threshold of %i → %s", (amount, threshold, expected) => {
    expect(grantNeedsReview(amount, threshold)).toBe(expected);
  });
});

describe("checkGrantRequest", () => {
  it.each([
    [{ amountFen: 100, perCaseCapFen: 1000, usedForCaseFen: 900, balanceFen: 100 }, null],
    [{ amountFen: 101, perCaseCapFen: 1000, usedForCaseFen: 900, balanceFen: 10_000 }, "overPerCaseCap"],
    [{ amountFen: 500, perCaseCapFen: 1000, usedForCaseFen: 0, balanceFen: 499 }, "insufficientBalance"],
    [{ amountFen: 2000, perCaseCapFen: 1000, usedForCaseFen: 0, balanceFen: 0 }, "overPerCaseCap"],
  ] as const)("%j → %s", (input, expected) => {
    expect(checkGrantRequest(input)).toBe(expected);
  });

  it("never lets a case's grants from one fund add up past the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.array(fc.integer({ min: 1, max: 2_000_000 }), { maxLength: 20 }), (cap, requests) => {
        let used = 0;
        for (const amountFen of requests) {
          if (checkGrantRequest({ amountFen, perCaseCapFen: cap, usedForCaseFen: used, balanceFen: Number.MAX_SAFE_INTEGER }) === null) used += amountFen;
        }
        expect(used).toBeLessThanOrEqual(cap);
      }),
    );
  });
});

describe("reviewGrant: every status × intent", () => {
  const EXPECTED: Record<GrantStatusName, Partial<Record<(typeof GRANT_REVIEW_INTENTS)[number], GrantStatusName>>> = {
    REQUESTED: { approve: "POSTED", reject: "REJECTED" },
    APPROVED: {},
    REJECTED: {},
    POSTED: {},
  };
  for (const status of GRANT_STATUSES) {
    for (const intent of GRANT_REVIEW_INTENTS) {
      const to = EXPECTED[status][intent];
      it(`${status} ${intent} → ${to ?? "refused"}`, () => {
        const result = reviewGrant({ status, requestedById: "requester" }, "reviewer", intent, { note: "理由" });
        if (to) expect(result).toEqual({ ok: true, to, postsLedger: to === "POSTED", releasesLine: to === "REJECTED" });
        else expect(result).toEqual({ ok: false, error: "notAllowedFromStatus" });
      });
    }
  }

  it.each(GRANT_REVIEW_INTENTS)("four-eyes: the requester may not %s their own request", (intent) => {
    expect(reviewGrant({ status: "REQUESTED", requestedById: "u1" }, "u1", intent, { note: "理由" })).toEqual({ ok: false, error: "ownRequest" });
  });

  it.each([undefined, "", "   "])("a rejection needs a note (%j)", (note) => {
    expect(reviewGrant({ status: "REQUESTED", requestedById: "u1" }, "u2", "reject", { note })).toEqual({ ok: false, error: "noteRequired" });
    expect(reviewGrant({ status: "REQUESTED", requestedById: "u1" }, "u2", "approve", { note })).toMatchObject({ ok: true });
  });
});
