import { describe, expect, it } from "vitest";
import { planCoveringPicks } from "./covering-picks.ts";
import { TODAY, XIAO_COUNTY, aFund, aNeed, aProject, aSupplyOffer, aVolunteerOffer, anInput } from "./match-fixtures.ts";
import type { MatchInput, MatchSuggestion } from "./match-types.ts";
import { explainCandidate, rankCaseMatches } from "./rank-case-matches.ts";

const options = { today: TODAY };
const keys = (s: MatchSuggestion) => s.reasons.map((r) => r.key.replace("matching.reasons.", ""));
const order = (suggestions: MatchSuggestion[]) => suggestions.map((s) => `${s.source}:${s.id}`);

/** A 萧县 household: a cash line, quilts, and hospital care; resources near and far. */
function scenario(): MatchInput {
  return anInput({
    case: { urgency: "CRITICAL", conditionTags: ["SERIOUS_ILLNESS"] },
    needs: [
      aNeed({ id: "cash", target: 2_000_000, committed: 500_000 }),
      aNeed({ id: "quilts", kind: "ITEM", title: "棉被", category: "BEDDING", unit: "床", target: 2 }),
      aNeed({ id: "care", kind: "SERVICE", title: "住院陪护", category: "CARE", unit: "小时", target: 12 }),
      aNeed({ id: "done", kind: "CASH", target: 100, committed: 100, status: "COVERED" }),
    ],
    candidates: {
      funds: [aFund({ id: "fund-county" }), aFund({ id: "fund-other-county", regionCode: "341321" })],
      projects: [
        aProject({ id: "p-warm-heart", conditionTags: ["SERIOUS_ILLNESS"] }),
        aProject({ id: "p-companion", categories: ["DEATH_OF_BREADWINNER", "MAJOR_ILLNESS", "ACCIDENT"], regionCodes: [XIAO_COUNTY], perCaseCapFen: 300_000, budgetFen: 1_000_000 }),
        aProject({ id: "p-dream", categories: ["EDUCATION"], minAge: 16, maxAge: 22 }),
      ],
      supplyOffers: [aSupplyOffer({ id: "s-quilts" }), aSupplyOffer({ id: "s-rice", itemName: "大米（10 公斤装）", itemCategory: "FOOD", unit: "袋" })],
      volunteerOffers: [aVolunteerOffer({ id: "v-care" }), aVolunteerOffer({ id: "v-transport", skills: ["TRANSPORT"] })],
    },
  });
}

describe("rankCaseMatches", () => {
  const result = rankCaseMatches(scenario(), options);
  const line = (id: string) => result.lines.find((l) => l.needId === id)!;

  it("returns the open lines in input order, with what each still needs", () => {
    expect(result.lines.map((l) => [l.needId, l.kind, l.remaining])).toEqual([
      ["cash", "CASH", 1_500_000],
      ["quilts", "ITEM", 2],
      ["care", "SERVICE", 12],
    ]);
  });

  it("ranks the cash line: the project that covers most first, each amount within caps", () => {
    const cash = line("cash");
    expect(order(cash.suggestions)).toEqual(["PROJECT:p-warm-heart", "FUND:fund-county", "PROJECT:p-companion"]);
    expect(cash.suggestions.map((s) => s.amount)).toEqual([1_000_000, 500_000, 300_000]);
    expect(cash.suggestions.map((s) => s.score)).toEqual([70, 58, 58]); // the fund and p-companion tie: the larger amount leads
    expect(cash.ineligible).toBeNull();
  });

  it("explains each score by its parts, which add up to it", () => {
    const top = line("cash").suggestions[0]!;
    expect(top.reasons).toEqual([
      { key: "matching.reasons.categoryListed", params: { category: "MAJOR_ILLNESS" }, points: 25 },
      { key: "matching.reasons.regionCity", params: {}, points: 10 },
      { key: "matching.reasons.conditionMatch", params: { tag: "SERIOUS_ILLNESS" }, points: 3 },
      { key: "matching.reasons.coverageCash", params: { amount: "¥10,000.00", percent: 66 }, points: 17 },
      { key: "matching.reasons.capacityProject", params: { remaining: "¥200,000.00" }, points: 10 },
      { key: "matching.reasons.urgencyStandard", params: { urgency: "CRITICAL" }, points: 5 },
      { key: "matching.reasons.perCaseCapLimits", params: { cap: "¥10,000.00", left: "¥10,000.00" }, points: 0 },
    ]);
    for (const l of result.lines) for (const s of l.suggestions) expect(s.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(s.score);
  });

  it("notes a fund amount above its review threshold (一事一议)", () => {
    const fund = line("cash").suggestions.find((s) => s.id === "fund-county")!;
    expect(keys(fund)).toEqual(["categoryGeneral", "regionCounty", "coverageCash", "capacityFund", "urgencyFast", "perCaseCapLimits", "needsReview"]);
  });

  it("ranks goods by item and category, people by skill", () => {
    expect(order(line("quilts").suggestions)).toEqual(["SUPPLY_OFFER:s-quilts"]);
    expect(keys(line("quilts").suggestions[0]!)[0]).toBe("itemByName");
    expect(line("quilts").suggestions[0]!.amount).toBe(2);
    expect(order(line("care").suggestions)).toEqual(["VOLUNTEER_OFFER:v-care"]);
    expect(keys(line("care").suggestions[0]!)).toEqual(["skillListed", "regionCounty", "coverageService", "capacityHours", "urgencyStandard", "availability"]);
  });

  it("lists the ineligible candidates of each line's kind with their reasons when asked", () => {
    const withWhyNot = rankCaseMatches(scenario(), { ...options, includeIneligible: true });
    const cash = withWhyNot.lines[0]!;
    expect(cash.ineligible).toEqual([
      { source: "FUND", id: "fund-other-county", reasons: [{ key: "matching.ineligible.regionOutOfScope", params: {} }] },
      {
        source: "PROJECT",
        id: "p-dream",
        reasons: [
          { key: "matching.ineligible.categoryOutOfScope", params: { category: "MAJOR_ILLNESS" } },
          { key: "matching.ineligible.ageAboveMax", params: { age: 45, max: 22 } },
        ],
      },
    ]);
    expect(withWhyNot.lines[1]!.ineligible).toEqual([{ source: "SUPPLY_OFFER", id: "s-rice", reasons: [{ key: "matching.ineligible.itemCategoryMismatch", params: { itemCategory: "BEDDING" } }] }]);
    expect(withWhyNot.lines[2]!.ineligible).toEqual([{ source: "VOLUNTEER_OFFER", id: "v-transport", reasons: [{ key: "matching.ineligible.skillMissing", params: { skill: "CARE" } }] }]);
    // Asking for the ineligible ones changes nothing about the suggestions.
    expect(withWhyNot.lines.map((l) => l.suggestions)).toEqual(result.lines.map((l) => l.suggestions));
  });

  it("keeps only the best N with a limit", () => {
    const limited = rankCaseMatches(scenario(), { ...options, limit: 1 });
    expect(order(limited.lines[0]!.suggestions)).toEqual(["PROJECT:p-warm-heart"]);
  });

  it("gives the same output for the same input, and for the candidates in any order", () => {
    const input = scenario();
    const reversed: MatchInput = {
      ...input,
      candidates: {
        funds: [...input.candidates.funds].reverse(),
        projects: [...input.candidates.projects].reverse(),
        supplyOffers: [...input.candidates.supplyOffers].reverse(),
        volunteerOffers: [...input.candidates.volunteerOffers].reverse(),
      },
    };
    expect(rankCaseMatches(input, { ...options, includeIneligible: true })).toEqual(rankCaseMatches(input, { ...options, includeIneligible: true }));
    expect(rankCaseMatches(reversed, { ...options, includeIneligible: true })).toEqual(rankCaseMatches(input, { ...options, includeIneligible: true }));
  });

  it("breaks ties by source, then id", () => {
    const twins = anInput({
      needs: [aNeed({ id: "quilts", kind: "ITEM", title: "棉被", category: "BEDDING", unit: "床", target: 2 })],
      candidates: { supplyOffers: [aSupplyOffer({ id: "s-b" }), aSupplyOffer({ id: "s-c" }), aSupplyOffer({ id: "s-a" })] },
    });
    const suggestions = rankCaseMatches(twins, options).lines[0]!.suggestions;
    expect(new Set(suggestions.map((s) => s.score)).size).toBe(1);
    expect(suggestions.map((s) => s.id)).toEqual(["s-a", "s-b", "s-c"]);
  });

  it("prefers the larger amount at equal score", () => {
    const input = anInput({
      case: { urgency: "NORMAL" },
      needs: [aNeed({ target: 1_000_000 })],
      // 44 % and 45 % coverage both round to 11 coverage points; both have plenty left.
      candidates: { projects: [aProject({ id: "p-a", perCaseCapFen: 440_000 }), aProject({ id: "p-b", perCaseCapFen: 450_000 })] },
    });
    const suggestions = rankCaseMatches(input, options).lines[0]!.suggestions;
    expect(suggestions.map((s) => [s.id, s.score, s.amount])).toEqual([
      ["p-b", suggestions[0]!.score, 450_000],
      ["p-a", suggestions[0]!.score, 440_000],
    ]);
  });
});

describe("goods and services at line level", () => {
  it("a line without a category takes goods by name only; different units get a note", () => {
    const input = anInput({
      needs: [aNeed({ id: "rice", kind: "ITEM", title: "大米", category: null, unit: "公斤", target: 20 })],
      candidates: { supplyOffers: [aSupplyOffer({ id: "s-rice", itemName: "大米（10 公斤装）", itemCategory: "FOOD", unit: "袋" }), aSupplyOffer({ id: "s-quilts" })] },
    });
    const line = rankCaseMatches(input, { ...options, includeIneligible: true }).lines[0]!;
    expect(line.suggestions.map((s) => s.id)).toEqual(["s-rice"]);
    expect(keys(line.suggestions[0]!)).toContain("unitDiffers");
    expect(line.ineligible![0]!.reasons[0]).toEqual({ key: "matching.ineligible.itemNameMismatch", params: { title: "大米" } });
  });

  it("a service line without a type takes any volunteer, for fewer points", () => {
    const input = anInput({
      needs: [aNeed({ id: "help", kind: "SERVICE", title: "帮忙", category: null, target: 4 })],
      candidates: { volunteerOffers: [aVolunteerOffer({ id: "v-1", skills: ["REPAIR"] })] },
    });
    const s = rankCaseMatches(input, options).lines[0]!.suggestions[0]!;
    expect(s.reasons[0]).toEqual({ key: "matching.reasons.anyService", params: {}, points: 12 });
  });

  it("line-level and case-level reasons are both given for an ineligible offer", () => {
    const input = anInput({
      needs: [aNeed({ id: "care", kind: "SERVICE", title: "陪护", category: "CARE", target: 4 })],
      candidates: { volunteerOffers: [aVolunteerOffer({ id: "v-1", skills: ["REPAIR"], status: "PAUSED" })] },
    });
    const line = rankCaseMatches(input, { ...options, includeIneligible: true }).lines[0]!;
    expect(line.ineligible![0]!.reasons.map((r) => r.key)).toEqual(["matching.ineligible.skillMissing", "matching.ineligible.statusPaused"]);
  });
});

describe("explainCandidate (why not this one?)", () => {
  const input = scenario();

  it("says funds and projects pay cash needs only, offers serve their own kind", () => {
    expect(explainCandidate(input, "quilts", { source: "FUND", id: "fund-county" }, options)).toEqual({ eligible: false, reasons: [{ key: "matching.ineligible.fundCashOnly", params: {} }] });
    expect(explainCandidate(input, "care", { source: "PROJECT", id: "p-warm-heart" }, options)).toEqual({ eligible: false, reasons: [{ key: "matching.ineligible.projectCashOnly", params: {} }] });
    expect(explainCandidate(input, "cash", { source: "SUPPLY_OFFER", id: "s-quilts" }, options)).toEqual({ eligible: false, reasons: [{ key: "matching.ineligible.supplyItemOnly", params: {} }] });
    expect(explainCandidate(input, "quilts", { source: "VOLUNTEER_OFFER", id: "v-care" }, options)).toEqual({ eligible: false, reasons: [{ key: "matching.ineligible.volunteerServiceOnly", params: {} }] });
  });

  it("gives every failing reason, or the same suggestion the ranking gives", () => {
    expect(explainCandidate(input, "cash", { source: "PROJECT", id: "p-dream" }, options)).toEqual({
      eligible: false,
      reasons: [
        { key: "matching.ineligible.categoryOutOfScope", params: { category: "MAJOR_ILLNESS" } },
        { key: "matching.ineligible.ageAboveMax", params: { age: 45, max: 22 } },
      ],
    });
    const ranked = rankCaseMatches(input, options).lines[0]!.suggestions[0]!;
    expect(explainCandidate(input, "cash", { source: ranked.source, id: ranked.id }, options)).toEqual({ eligible: true, suggestion: ranked });
  });

  it("a covered line takes nothing more; unknown ids give null", () => {
    expect(explainCandidate(input, "done", { source: "FUND", id: "fund-county" }, options)).toEqual({ eligible: false, reasons: [{ key: "matching.ineligible.lineNotOpen", params: {} }] });
    expect(explainCandidate(input, "nope", { source: "FUND", id: "fund-county" }, options)).toBeNull();
    expect(explainCandidate(input, "cash", { source: "FUND", id: "nope" }, options)).toBeNull();
  });
});

describe("planCoveringPicks", () => {
  const s = (id: string, amount: number): MatchSuggestion => ({ source: "PROJECT", id, score: 50, amount, reasons: [] });

  it.each([
    ["one covers all", 100, [s("a", 150)], [["a", 100]]],
    ["several in order", 100, [s("a", 60), s("b", 30), s("c", 30)], [["a", 60], ["b", 30], ["c", 10]]],
    ["not enough in total", 100, [s("a", 20), s("b", 30)], [["a", 20], ["b", 30]]],
    ["stops once covered", 50, [s("a", 50), s("b", 50)], [["a", 50]]],
    ["skips empty suggestions", 10, [s("a", 0), s("b", 10)], [["b", 10]]],
    ["nothing needed", 0, [s("a", 10)], []],
  ] as const)("%s", (_name, remaining, suggestions, expected) => {
    expect(planCoveringPicks({ remaining }, suggestions).map((p) => [p.id, p.amount])).toEqual(expected);
  });

  it("reads a need row's remaining too", () => {
    expect(planCoveringPicks(aNeed({ target: 100, committed: 70 }), [s("a", 50)])).toEqual([{ source: "PROJECT", id: "a", amount: 30 }]);
    expect(planCoveringPicks(aNeed({ target: 100, committed: 0, status: "CANCELLED" }), [s("a", 50)])).toEqual([]);
  });

  it("a plan from the ranked cash line covers it with the best suggestions", () => {
    const cash = rankCaseMatches(scenario(), options).lines[0]!;
    expect(planCoveringPicks(cash, cash.suggestions)).toEqual([
      { source: "PROJECT", id: "p-warm-heart", amount: 1_000_000 },
      { source: "FUND", id: "fund-county", amount: 500_000 },
    ]);
  });
});
