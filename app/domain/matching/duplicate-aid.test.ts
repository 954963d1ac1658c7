import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CASE_CATEGORIES } from "../case-status.ts";
import { PROGRAMMES } from "../missed-aid/missed-aid-hints.ts";
import { COMMITMENT_SOURCES, COMMITMENT_STATUSES } from "../pledges/commitment-status.ts";
import {
  findRepeatedAid,
  isRepeatedCommitment,
  isRepeatedRecord,
  type DuplicateAidPick,
  type EarlierCommitment,
  type EarlierRecord,
} from "./duplicate-aid.ts";
import { MATCH_SOURCES } from "./match-types.ts";

const TODAY = "2026-11-24";
const pickOf = (over: Partial<DuplicateAidPick> = {}): DuplicateAidPick => ({ caseId: "case-now", caseCategory: "MAJOR_ILLNESS", source: "FUND", resourceId: "fund-1", ...over });
const record = (over: Partial<EarlierRecord> = {}): EarlierRecord => ({
  id: "rec-1",
  programme: "TEMPORARY_AID",
  startedOn: "2026-03-02",
  endedOn: "2026-03-02",
  amountFen: 200_000,
  caseId: null,
  caseCategory: null,
  ...over,
});
const commitment = (over: Partial<EarlierCommitment> = {}): EarlierCommitment => ({
  id: "c-1",
  caseId: "case-before",
  caseNo: "JJN-341322-2026-0001",
  caseCategory: "MAJOR_ILLNESS",
  source: "FUND",
  resourceId: "fund-1",
  status: "DELIVERED",
  on: "2026-06-01",
  amount: 300_000,
  ...over,
});

describe("government records repeat fund picks of 救急难 and 临时救助 only", () => {
  const REPEATED_BY_FUND = new Set(["JIUJINAN", "TEMPORARY_AID"]);
  it.each(MATCH_SOURCES.flatMap((source) => PROGRAMMES.map((programme) => [source, programme] as const)))("%s pick, %s record", (source, programme) => {
    const expected = source === "FUND" && REPEATED_BY_FUND.has(programme);
    expect(isRepeatedRecord(pickOf({ source }), record({ programme }), TODAY)).toBe(expected);
  });
});

describe("the purpose of a record", () => {
  it.each(CASE_CATEGORIES)("a record linked to a %s case repeats a MAJOR_ILLNESS pick only when the categories agree", (category) => {
    expect(isRepeatedRecord(pickOf(), record({ caseId: "case-before", caseCategory: category }), TODAY)).toBe(category === "MAJOR_ILLNESS");
  });

  it("a record linked to no case has a purpose the rule cannot read: it counts, and says so", () => {
    expect(isRepeatedRecord(pickOf(), record(), TODAY)).toBe(true);
    expect(findRepeatedAid(pickOf(), { records: [record()], commitments: [] }, TODAY)[0]).toMatchObject({ kind: "record", isPurposeKnown: false });
  });

  it("the case's own records are its own aid (per-case caps govern them), not a repeat", () => {
    expect(isRepeatedRecord(pickOf(), record({ caseId: "case-now", caseCategory: "MAJOR_ILLNESS" }), TODAY)).toBe(false);
  });
});

describe("the 12-month window of a record", () => {
  it.each([
    ["ended 12 months ago to the day", "2025-11-01", "2025-11-24", true],
    ["ended a day before the window", "2025-11-01", "2025-11-23", false],
    ["one-off aid yesterday", "2026-11-23", "2026-11-23", true],
    ["started long ago, still running", "2020-01-01", null, true],
    ["started long ago, ended within the window", "2020-01-01", "2026-01-31", true],
    ["starts after today (data error)", "2026-12-01", null, false],
  ] as const)("%s", (_label, startedOn, endedOn, expected) => {
    expect(isRepeatedRecord(pickOf(), record({ startedOn, endedOn }), TODAY)).toBe(expected);
  });

  it("29 February: the window starts on the 28th a year later", () => {
    expect(isRepeatedRecord(pickOf(), record({ startedOn: "2027-02-28", endedOn: "2027-02-28" }), "2028-02-29")).toBe(true);
    expect(isRepeatedRecord(pickOf(), record({ startedOn: "2027-02-27", endedOn: "2027-02-27" }), "2028-02-29")).toBe(false);
  });
});

describe("earlier commitments from the same programme", () => {
  it.each(MATCH_SOURCES.flatMap((pick) => COMMITMENT_SOURCES.map((earlier) => [pick, earlier] as const)))("%s pick, earlier %s", (pickSource, earlierSource) => {
    const same = pickSource === earlierSource && (pickSource === "FUND" || pickSource === "PROJECT");
    const result = isRepeatedCommitment(pickOf({ source: pickSource, resourceId: "r-1" }), commitment({ source: earlierSource, resourceId: "r-1" }), TODAY);
    expect(result).toBe(same);
  });

  it.each(COMMITMENT_STATUSES)("an earlier %s commitment", (status) => {
    expect(isRepeatedCommitment(pickOf(), commitment({ status }), TODAY)).toBe(["PLEDGED", "CONFIRMED", "DELIVERED"].includes(status));
  });

  it.each(CASE_CATEGORIES)("an earlier %s case", (category) => {
    expect(isRepeatedCommitment(pickOf(), commitment({ caseCategory: category }), TODAY)).toBe(category === "MAJOR_ILLNESS");
  });

  it("another fund or project is another programme", () => {
    expect(isRepeatedCommitment(pickOf(), commitment({ resourceId: "fund-2" }), TODAY)).toBe(false);
    expect(isRepeatedCommitment(pickOf({ source: "PROJECT", resourceId: "p-1" }), commitment({ source: "PROJECT", resourceId: "p-2" }), TODAY)).toBe(false);
  });

  it("the same case is not a repeat (its caps apply)", () => {
    expect(isRepeatedCommitment(pickOf(), commitment({ caseId: "case-now" }), TODAY)).toBe(false);
  });

  it.each([
    ["12 months ago to the day", "2025-11-24", true],
    ["a day older", "2025-11-23", false],
    ["today", TODAY, true],
    ["in the future (data error)", "2026-11-25", false],
  ] as const)("pledged %s", (_label, on, expected) => {
    expect(isRepeatedCommitment(pickOf(), commitment({ on }), TODAY)).toBe(expected);
  });
});

describe("findRepeatedAid", () => {
  it("lists records and commitments newest first, and leaves the rest out", () => {
    const warnings = findRepeatedAid(
      pickOf(),
      {
        records: [record({ id: "old", startedOn: "2026-01-05", endedOn: "2026-01-05" }), record({ id: "dibao", programme: "DIBAO", endedOn: null })],
        commitments: [commitment({ id: "new", on: "2026-10-01" }), commitment({ id: "cancelled", status: "CANCELLED" })],
      },
      TODAY,
    );
    expect(warnings.map((w) => w.id)).toEqual(["new", "old"]);
    expect(warnings[0]).toEqual({ kind: "commitment", id: "new", caseNo: "JJN-341322-2026-0001", source: "FUND", on: "2026-10-01", amount: 300_000, status: "DELIVERED" });
  });

  it("is deterministic and only ever returns aid it was given (property)", () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => {
      const d = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);
      return d.toISOString().slice(0, 10);
    });
    const rec = fc.record({
      id: fc.uuid().map((u) => `r-${u}`),
      programme: fc.constantFrom(...PROGRAMMES),
      startedOn: day,
      endedOn: fc.option(day, { nil: null }),
      amountFen: fc.option(fc.nat(), { nil: null }),
      caseId: fc.option(fc.constantFrom("case-now", "case-before"), { nil: null }),
      caseCategory: fc.option(fc.constantFrom(...CASE_CATEGORIES), { nil: null }),
    });
    const com = fc.record({
      id: fc.uuid().map((u) => `c-${u}`),
      caseId: fc.constantFrom("case-now", "case-before", "case-other"),
      caseNo: fc.constant("JJN-341322-2026-0001"),
      caseCategory: fc.constantFrom(...CASE_CATEGORIES),
      source: fc.constantFrom(...COMMITMENT_SOURCES),
      resourceId: fc.option(fc.constantFrom("fund-1", "p-1"), { nil: null }),
      status: fc.constantFrom(...COMMITMENT_STATUSES),
      on: day,
      amount: fc.nat(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(rec, { selector: (r) => r.id, maxLength: 8 }), fc.uniqueArray(com, { selector: (c) => c.id, maxLength: 8 }), fc.constantFrom(...MATCH_SOURCES), (records, commitments, source) => {
        const pick = pickOf({ source, resourceId: source === "FUND" ? "fund-1" : "p-1" });
        const first = findRepeatedAid(pick, { records, commitments }, TODAY);
        const again = findRepeatedAid(pick, { records: [...records].reverse(), commitments: [...commitments].reverse() }, TODAY);
        expect(again).toEqual(first);
        const ids = new Set([...records.map((r) => r.id), ...commitments.map((c) => c.id)]);
        for (const w of first) expect(ids.has(w.id)).toBe(true);
        if (source === "VOLUNTEER_OFFER" || source === "SUPPLY_OFFER") expect(first).toEqual([]);
      }),
    );
  });
});
