import { describe, expect, it } from "vitest";
import {
  REFERRAL_INTENTS,
  REFERRAL_STATUSES,
  allowedReferralIntents,
  isReferralOverdue,
  isResultRequired,
  nextReferralStatus,
  type ReferralIntent,
  type ReferralStatusName,
} from "./referral-status.ts";

type Outcome = ReferralStatusName | "notAllowedFromStatus" | "resultRequired";
const N = "notAllowedFromStatus";
const R = "resultRequired";

/**
 * Written out by hand from DESIGN.md §4, every status × intent:
 * [outcome with a result text, outcome without one].
 */
const TABLE: Record<ReferralStatusName, Record<ReferralIntent, [Outcome, Outcome]>> = {
  SENT: { accept: ["ACCEPTED", "ACCEPTED"], done: [N, N], decline: ["DECLINED", R] },
  ACCEPTED: { accept: [N, N], done: ["DONE", R], decline: ["DECLINED", R] },
  DONE: { accept: [N, N], done: [N, N], decline: [N, N] },
  DECLINED: { accept: [N, N], done: [N, N], decline: [N, N] },
};

const outcomeOf = (from: ReferralStatusName, intent: ReferralIntent, result?: string): Outcome => {
  const answer = nextReferralStatus(from, intent, { result });
  return answer.ok ? answer.to : answer.error;
};

describe("referral status machine", () => {
  for (const from of REFERRAL_STATUSES) {
    for (const intent of REFERRAL_INTENTS) {
      const [withResult, withoutResult] = TABLE[from][intent];
      it(`${from} × ${intent} → ${withResult} (with a result) / ${withoutResult} (without)`, () => {
        expect(outcomeOf(from, intent, "已办理")).toBe(withResult);
        expect(outcomeOf(from, intent)).toBe(withoutResult);
        expect(outcomeOf(from, intent, "   ")).toBe(withoutResult);
      });
    }
  }

  it("offers exactly the intents the table allows", () => {
    for (const from of REFERRAL_STATUSES) {
      const expected = REFERRAL_INTENTS.filter((intent) => TABLE[from][intent][0] !== N);
      expect(allowedReferralIntents(from)).toEqual(expected);
    }
  });

  it("asks for a result when the department finishes or declines, not when it accepts", () => {
    expect(REFERRAL_INTENTS.map(isResultRequired)).toEqual([false, true, true]);
  });

  it("stamps the first answer and the completion", () => {
    expect(nextReferralStatus("SENT", "accept")).toMatchObject({ setsAnsweredAt: true, setsDoneAt: false });
    expect(nextReferralStatus("SENT", "decline", { result: "不属本部门职责" })).toMatchObject({ setsAnsweredAt: true, setsDoneAt: false });
    expect(nextReferralStatus("ACCEPTED", "done", { result: "已办结" })).toMatchObject({ setsAnsweredAt: false, setsDoneAt: true });
    expect(nextReferralStatus("ACCEPTED", "decline", { result: "材料不全" })).toMatchObject({ setsAnsweredAt: false, setsDoneAt: false });
  });
});

describe("overdue referrals", () => {
  const today = "2026-03-10";
  const cases: [ReferralStatusName, string, boolean][] = [
    ["SENT", "2026-03-09", true],
    ["SENT", "2026-03-10", false],
    ["SENT", "2026-03-11", false],
    ["ACCEPTED", "2026-03-09", true],
    ["ACCEPTED", "2026-03-10", false],
    ["DONE", "2026-03-01", false],
    ["DECLINED", "2026-03-01", false],
  ];
  for (const [status, dueOn, expected] of cases) {
    it(`${status} due ${dueOn} on ${today}: ${expected ? "overdue" : "not overdue"}`, () => {
      expect(isReferralOverdue({ status, dueOn }, today)).toBe(expected);
    });
  }
});
