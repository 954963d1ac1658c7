import { describe, expect, it } from "vitest";
import {
  allowedCommitmentIntents,
  COMMITMENT_ACTORS,
  COMMITMENT_INTENTS,
  COMMITMENT_SOURCES,
  COMMITMENT_STATUSES,
  intentFitsSource,
  nextCommitmentStatus,
  type CommitmentIntent,
  type CommitmentStatusName,
} from "./commitment-status.ts";

// The whole table: every status × intent, for a goods pledge acted on by staff with a reason.
const EXPECTED: Record<CommitmentStatusName, Partial<Record<CommitmentIntent, CommitmentStatusName>>> = {
  PLEDGED: { confirm: "CONFIRMED", receive: "DELIVERED", cancel: "CANCELLED", expire: "EXPIRED" },
  CONFIRMED: { deliver: "DELIVERED", cancel: "CANCELLED" },
  DELIVERED: {},
  CANCELLED: {},
  EXPIRED: {},
};

describe("commitment status: every status × intent", () => {
  for (const from of COMMITMENT_STATUSES) {
    for (const intent of COMMITMENT_INTENTS) {
      const to = EXPECTED[from][intent];
      it(`${from} ${intent} → ${to ?? "refused"}`, () => {
        // A money commitment for `receive`, a goods pledge for the rest, so only the status decides.
        const source = intent === "receive" ? "DONATION" : "DIRECT_PLEDGE";
        const result = nextCommitmentStatus(from, intent, { source, lineKind: intent === "receive" ? "CASH" : "ITEM", actor: "staff", reason: "联系不上认领人" });
        if (!to) {
          expect(result).toEqual({ ok: false, error: "notAllowedFromStatus" });
          return;
        }
        expect(result).toMatchObject({ ok: true, to });
        if (!result.ok) return;
        expect(result.releasesLine).toBe(to === "CANCELLED" || to === "EXPIRED");
        expect(result.deliversLine).toBe(to === "DELIVERED");
        expect(result.stamp).toBe({ CONFIRMED: "confirmedAt", DELIVERED: "deliveredAt", CANCELLED: "cancelledAt", EXPIRED: "cancelledAt" }[to as "CONFIRMED"]);
      });
    }
  }
});

describe("who may act", () => {
  const EXPECTED_ACTORS: Record<CommitmentIntent, string[]> = {
    confirm: ["staff"],
    deliver: ["staff", "pledger"],
    receive: ["staff"],
    cancel: ["staff", "pledger"],
    expire: ["staff", "system"],
  };
  const fromFor: Record<CommitmentIntent, CommitmentStatusName> = { confirm: "PLEDGED", deliver: "CONFIRMED", receive: "PLEDGED", cancel: "PLEDGED", expire: "PLEDGED" };
  for (const intent of COMMITMENT_INTENTS) {
    for (const actor of COMMITMENT_ACTORS) {
      const allowed = EXPECTED_ACTORS[intent].includes(actor);
      it(`${actor} ${allowed ? "may" : "may not"} ${intent}`, () => {
        const source = intent === "receive" ? "DONATION" : "SUPPLY_OFFER";
        const result = nextCommitmentStatus(fromFor[intent], intent, { source, lineKind: intent === "receive" ? "CASH" : "ITEM", actor, reason: "原因" });
        expect(result.ok ? "ok" : result.error).toBe(allowed ? "ok" : "actorForbidden");
      });
    }
  }
});

describe("money is received, goods and hours are confirmed and delivered", () => {
  const LINE_KINDS = ["CASH", "ITEM", "SERVICE"] as const;
  it.each(COMMITMENT_SOURCES.flatMap((source) => LINE_KINDS.flatMap((line) => COMMITMENT_INTENTS.map((intent) => [source, line, intent] as const))))("%s on a %s line × %s", (source, line, intent) => {
    const isMoney = source === "DONATION" || source === "FUND";
    const isBarePromiseOfCash = source === "DIRECT_PLEDGE" && line === "CASH";
    const expected = intent === "receive" ? isMoney : intent === "confirm" || intent === "deliver" ? !isMoney && !isBarePromiseOfCash : true;
    expect(intentFitsSource(intent, source, line)).toBe(expected);
  });

  it("refuses to confirm a transfer pledge, to 'receive' goods, or to deliver a bare promise of cash", () => {
    expect(nextCommitmentStatus("PLEDGED", "confirm", { source: "DONATION", lineKind: "CASH", actor: "staff" })).toEqual({ ok: false, error: "wrongSource" });
    expect(nextCommitmentStatus("PLEDGED", "receive", { source: "DIRECT_PLEDGE", lineKind: "ITEM", actor: "staff" })).toEqual({ ok: false, error: "wrongSource" });
    expect(nextCommitmentStatus("PLEDGED", "confirm", { source: "DIRECT_PLEDGE", lineKind: "CASH", actor: "staff" })).toEqual({ ok: false, error: "wrongSource" });
    expect(nextCommitmentStatus("PLEDGED", "cancel", { source: "DIRECT_PLEDGE", lineKind: "CASH", actor: "staff", reason: "未到账" })).toMatchObject({ ok: true, to: "CANCELLED" });
  });
});

describe("reasons", () => {
  it.each([undefined, null, "", "  "])("cancelling needs a reason (%j)", (reason) => {
    expect(nextCommitmentStatus("CONFIRMED", "cancel", { source: "DIRECT_PLEDGE", lineKind: "ITEM", actor: "pledger", reason })).toEqual({ ok: false, error: "reasonRequired" });
  });

  it("expiring and confirming need none", () => {
    expect(nextCommitmentStatus("PLEDGED", "expire", { source: "DONATION", lineKind: "CASH", actor: "system" })).toMatchObject({ ok: true, to: "EXPIRED" });
    expect(nextCommitmentStatus("PLEDGED", "confirm", { source: "VOLUNTEER_OFFER", lineKind: "SERVICE", actor: "staff" })).toMatchObject({ ok: true, to: "CONFIRMED" });
  });

  it("reports the status before the actor, and the actor before the reason", () => {
    expect(nextCommitmentStatus("DELIVERED", "cancel", { source: "DIRECT_PLEDGE", lineKind: "ITEM", actor: "system" })).toEqual({ ok: false, error: "notAllowedFromStatus" });
    expect(nextCommitmentStatus("PLEDGED", "cancel", { source: "DIRECT_PLEDGE", lineKind: "ITEM", actor: "system" })).toEqual({ ok: false, error: "actorForbidden" });
  });
});

describe("allowedCommitmentIntents (the buttons)", () => {
  it.each([
    ["PLEDGED", "DIRECT_PLEDGE", "ITEM", "staff", ["confirm", "cancel", "expire"]],
    ["CONFIRMED", "DIRECT_PLEDGE", "SERVICE", "staff", ["deliver", "cancel"]],
    ["PLEDGED", "DONATION", "CASH", "staff", ["receive", "cancel", "expire"]],
    ["PLEDGED", "DIRECT_PLEDGE", "CASH", "staff", ["cancel", "expire"]],
    ["CONFIRMED", "SUPPLY_OFFER", "ITEM", "pledger", ["deliver", "cancel"]],
    ["PLEDGED", "DIRECT_PLEDGE", "ITEM", "pledger", ["cancel"]],
    ["DELIVERED", "DIRECT_PLEDGE", "ITEM", "staff", []],
    ["EXPIRED", "DONATION", "CASH", "staff", []],
  ] as const)("%s %s on a %s line as %s → %j", (status, source, line, actor, expected) => {
    expect(allowedCommitmentIntents(status, source, line, actor)).toEqual(expected);
  });
});
