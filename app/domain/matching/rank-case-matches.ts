/**
 * The matching engine (一案一策, DESIGN.md §5): for one case, every candidate resource ranked against
 * every open need line, best first, each suggestion with the parts of its score as reasons.
 *
 * Which resources serve which lines: funds and projects give money, so they serve CASH lines;
 * supply offers serve ITEM lines; volunteer offers serve SERVICE lines. The other pairs are never
 * ranked (explainCandidate says why when asked about one).
 *
 * Deterministic: the same input gives the same output, whatever order the candidates come in —
 * suggestions are ordered by score, then amount, then source (SOURCE_ORDER), then id.
 *
 * Fast: case-level checks run once per resource (not once per line), a resource is only looked
 * at for lines of the kind it serves, and reasons are built only for eligible candidates unless
 * the ineligible ones are asked for.
 */
import { addDays, requireIsoDate, toDayNumber } from "../iso-date.ts";
import {
  assessFundForCase,
  assessProjectForCase,
  assessSupplyOfferForCase,
  assessVolunteerOfferForCase,
  sharedReasonsFor,
  type CaseLevel,
  type MatchContext,
} from "./eligibility.ts";
import type {
  CandidateRef,
  CaseMatches,
  IneligibleCandidate,
  IneligibleReason,
  LineMatches,
  MatchCase,
  MatchFund,
  MatchInput,
  MatchNeed,
  MatchOptions,
  MatchProject,
  MatchReason,
  MatchSource,
  MatchSuggestion,
  MatchSupplyOffer,
  MatchVolunteerOffer,
  NeedKindName,
} from "./match-types.ts";
import { EXPIRY_WITHIN_DAYS, SOURCE_ORDER } from "./match-weights.ts";
import { capacityReason, caseRegionOf, coverageReason, itemNamesMatch, note, skillReason, categoryReason } from "./score-parts.ts";

/** What a line still needs (0 once covered or cancelled). */
export function remainingOfLine(need: MatchNeed): number {
  return need.status === "OPEN" ? Math.max(0, need.target - need.committed) : 0;
}

export function createMatchContext(kase: MatchCase, options: MatchOptions): MatchContext {
  return {
    kase,
    place: caseRegionOf(kase.regionCode),
    caseTags: new Set(kase.conditionTags),
    today: options.today,
    todayDay: toDayNumber(requireIsoDate(options.today)),
    expiryHorizon: addDays(options.today, EXPIRY_WITHIN_DAYS),
    collectAll: options.includeIneligible === true,
    shared: sharedReasonsFor(kase),
  };
}

/** Which source serves which line kind. */
const SERVES: Record<MatchSource, NeedKindName> = { FUND: "CASH", PROJECT: "CASH", SUPPLY_OFFER: "ITEM", VOLUNTEER_OFFER: "SERVICE" };

const fail = (key: string, params: Record<string, string | number> = {}): IneligibleReason => ({ key: `matching.ineligible.${key}`, params });

/** Ranks every open line of the case. Lines come back in input order; covered/cancelled lines are left out. */
export function rankCaseMatches(input: MatchInput, options: MatchOptions): CaseMatches {
  const ctx = createMatchContext(input.case, options);
  const lines = input.needs.filter((need) => remainingOfLine(need) > 0);
  const has = (kind: NeedKindName) => lines.some((line) => line.kind === kind);
  // With the "why not" lists, walk each source in id order once, so the lists come out sorted
  // without sorting them per line; plain ranking sorts only its (few) suggestions.
  const ordered = <T extends { id: string }>(list: readonly T[]) => (ctx.collectAll ? [...list].sort(compareIds) : list);
  const funds = has("CASH") ? ordered(input.candidates.funds) : [];
  const projects = has("CASH") ? ordered(input.candidates.projects) : [];
  const supplyOffers = has("ITEM") ? ordered(input.candidates.supplyOffers) : [];
  const volunteerOffers = has("SERVICE") ? ordered(input.candidates.volunteerOffers) : [];

  // Case-level verdicts, once per resource and only for kinds some line needs. Offers are judged
  // lazily: most fail on the line's item category or service type, which costs one comparison.
  const fundLevels = funds.map((fund) => assessFundForCase(ctx, fund));
  const projectLevels = projects.map((project) => assessProjectForCase(ctx, project));
  const supplyLevels = new Array<CaseLevel | undefined>(supplyOffers.length);
  const volunteerLevels = new Array<CaseLevel | undefined>(volunteerOffers.length);

  const result: LineMatches[] = [];
  for (const line of lines) {
    const remaining = remainingOfLine(line);
    const suggestions: MatchSuggestion[] = [];
    const ineligible: IneligibleCandidate[] | null = ctx.collectAll ? [] : null;
    const take = (source: MatchSource, id: string, outcome: LineOutcome) => {
      if (outcome.ok) suggestions.push(outcome.suggestion);
      else ineligible?.push({ source, id, reasons: outcome.reasons });
    };
    if (line.kind === "CASH") {
      for (let i = 0; i < funds.length; i++) {
        if (fundLevels[i]!.ok || ineligible) take("FUND", funds[i]!.id, fundForLine(funds[i]!, fundLevels[i]!, line, remaining));
      }
      for (let i = 0; i < projects.length; i++) {
        if (projectLevels[i]!.ok || ineligible) take("PROJECT", projects[i]!.id, projectForLine(projects[i]!, projectLevels[i]!, line, remaining));
      }
    } else if (line.kind === "ITEM") {
      for (let i = 0; i < supplyOffers.length; i++) {
        const offer = supplyOffers[i]!;
        if (!ineligible && itemFitOf(offer, line) === null) continue;
        const level = (supplyLevels[i] ??= assessSupplyOfferForCase(ctx, offer));
        if (level.ok || ineligible) take("SUPPLY_OFFER", offer.id, supplyForLine(offer, level, line, remaining));
      }
    } else {
      for (let i = 0; i < volunteerOffers.length; i++) {
        const offer = volunteerOffers[i]!;
        if (!ineligible && line.category !== null && !offer.skills.includes(line.category)) continue;
        const level = (volunteerLevels[i] ??= assessVolunteerOfferForCase(ctx, offer));
        if (level.ok || ineligible) take("VOLUNTEER_OFFER", offer.id, volunteerForLine(offer, level, line, remaining));
      }
    }
    suggestions.sort(compareSuggestions);
    if (options.limit !== undefined && suggestions.length > options.limit) suggestions.length = Math.max(0, options.limit);
    result.push({ needId: line.id, kind: line.kind, remaining, suggestions, ineligible });
  }
  return { lines: result };
}

/** Best first: score, then the larger amount, then a stable key (source order, id). */
export function compareSuggestions(a: MatchSuggestion, b: MatchSuggestion): number {
  return b.score - a.score || b.amount - a.amount || compareRefs(a, b);
}

export function compareRefs(a: CandidateRef, b: CandidateRef): number {
  return SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || compareIds(a, b);
}

/** By code unit, not locale: the same order on every machine. */
const compareIds = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// ───────────────────────────── Line level ─────────────────────────────

type LineOutcome = { ok: true; suggestion: MatchSuggestion } | { ok: false; reasons: IneligibleReason[] };

type Eligible = Extract<CaseLevel, { ok: true }>;

/** What the resource can give this line: never above what it has left, its per-case cap or the need. */
const amountFor = (level: Eligible, remaining: number) => Math.min(level.capacityLeft, level.capLeft, remaining);

function suggest(
  ref: CandidateRef,
  level: Eligible,
  line: MatchNeed,
  amount: number,
  remaining: number,
  category: MatchReason | null,
  capacityUnit: string | null,
  notes: readonly MatchReason[],
): LineOutcome {
  const reasons: MatchReason[] = [];
  if (category) reasons.push(category);
  for (const r of level.lead) reasons.push(r);
  reasons.push(coverageReason(line.kind, amount, remaining, line.unit));
  reasons.push(capacityReason(ref.source, level.capacityLeft, amount, capacityUnit));
  for (const r of level.tail) reasons.push(r);
  for (const r of notes) reasons.push(r);
  let score = 0;
  for (const r of reasons) score += r.points;
  return { ok: true, suggestion: { source: ref.source, id: ref.id, score, amount, reasons } };
}

const NO_NOTES: readonly MatchReason[] = Object.freeze([]);

/** Cash notes: the per-case cap (not the money left or the need) limits the amount; a fund grant needs review. */
function cashNotes(level: Eligible, capFen: number, amount: number, remaining: number, reviewThresholdFen: number | null): readonly MatchReason[] {
  const capBinds = level.capLeft < Math.min(level.capacityLeft, remaining);
  const needsReview = reviewThresholdFen !== null && amount > reviewThresholdFen;
  if (!capBinds && !needsReview) return NO_NOTES;
  const notes: MatchReason[] = [];
  if (capBinds) notes.push(note.perCaseCap("CASH", capFen, level.capLeft));
  if (needsReview) notes.push(note.needsReview(reviewThresholdFen));
  return notes;
}

function fundForLine(fund: MatchFund, level: CaseLevel, line: MatchNeed, remaining: number): LineOutcome {
  if (!level.ok) return { ok: false, reasons: level.failures };
  const amount = amountFor(level, remaining);
  return suggest({ source: "FUND", id: fund.id }, level, line, amount, remaining, null, null, cashNotes(level, fund.perCaseCapFen, amount, remaining, fund.reviewThresholdFen));
}

function projectForLine(project: MatchProject, level: CaseLevel, line: MatchNeed, remaining: number): LineOutcome {
  if (!level.ok) return { ok: false, reasons: level.failures };
  const amount = amountFor(level, remaining);
  return suggest({ source: "PROJECT", id: project.id }, level, line, amount, remaining, null, null, cashNotes(level, project.perCaseCapFen, amount, remaining, null));
}

/**
 * Goods fit a line when their category is the line's (a line with no category takes goods whose
 * name matches its title); a matching name scores higher than the category alone. Null: no fit.
 */
function itemFitOf(offer: MatchSupplyOffer, line: MatchNeed): "itemByName" | "itemByCategory" | null {
  if (line.category !== null && offer.itemCategory !== line.category) return null;
  if (itemNamesMatch(offer.itemName, line.title)) return "itemByName";
  return line.category === null ? null : "itemByCategory";
}

export function supplyFit(offer: MatchSupplyOffer, line: MatchNeed): { ok: true; reason: MatchReason } | { ok: false; reason: IneligibleReason } {
  const fit = itemFitOf(offer, line);
  if (fit === "itemByName") return { ok: true, reason: categoryReason("itemByName", { itemName: offer.itemName }) };
  if (fit === "itemByCategory") return { ok: true, reason: categoryReason("itemByCategory", { itemCategory: offer.itemCategory }) };
  return { ok: false, reason: line.category !== null ? fail("itemCategoryMismatch", { itemCategory: line.category }) : fail("itemNameMismatch", { title: line.title }) };
}

function supplyForLine(offer: MatchSupplyOffer, level: CaseLevel, line: MatchNeed, remaining: number): LineOutcome {
  const fit = supplyFit(offer, line);
  if (!level.ok || !fit.ok) return { ok: false, reasons: [...(fit.ok ? [] : [fit.reason]), ...(level.ok ? [] : level.failures)] };
  const notes = line.unit && offer.unit && line.unit !== offer.unit ? [note.unitDiffers(line.unit, offer.unit)] : NO_NOTES;
  return suggest({ source: "SUPPLY_OFFER", id: offer.id }, level, line, amountFor(level, remaining), remaining, fit.reason, offer.unit, notes);
}

/** A volunteer fits a service line that lists one of their skills, or a line that names no service type. */
export function volunteerFit(offer: MatchVolunteerOffer, line: MatchNeed): { ok: true; reason: MatchReason } | { ok: false; reason: IneligibleReason } {
  if (line.category === null) return { ok: true, reason: skillReason(null) };
  if (offer.skills.includes(line.category)) return { ok: true, reason: skillReason(line.category) };
  return { ok: false, reason: fail("skillMissing", { skill: line.category }) };
}

function volunteerForLine(offer: MatchVolunteerOffer, level: CaseLevel, line: MatchNeed, remaining: number): LineOutcome {
  const fit = volunteerFit(offer, line);
  if (!level.ok || !fit.ok) return { ok: false, reasons: [...(fit.ok ? [] : [fit.reason]), ...(level.ok ? [] : level.failures)] };
  return suggest({ source: "VOLUNTEER_OFFER", id: offer.id }, level, line, amountFor(level, remaining), remaining, fit.reason, null, NO_NOTES);
}

// ───────────────────────────── "Why not this one?" ─────────────────────────────

const WRONG_KIND: Record<MatchSource, string> = {
  FUND: "fundCashOnly",
  PROJECT: "projectCashOnly",
  SUPPLY_OFFER: "supplyItemOnly",
  VOLUNTEER_OFFER: "volunteerServiceOnly",
};

export type CandidateExplanation = { eligible: true; suggestion: MatchSuggestion } | { eligible: false; reasons: IneligibleReason[] };

/**
 * One candidate against one line, with every reason it fails (or its suggestion when it fits):
 * the answer to "why not this project?". Null when the line or the candidate is not in the input.
 */
export function explainCandidate(input: MatchInput, needId: string, ref: CandidateRef, options: MatchOptions): CandidateExplanation | null {
  const line = input.needs.find((need) => need.id === needId);
  const { candidates } = input;
  const byId = <T extends { id: string }>(list: readonly T[]) => list.find((item) => item.id === ref.id);
  const candidate = { FUND: byId(candidates.funds), PROJECT: byId(candidates.projects), SUPPLY_OFFER: byId(candidates.supplyOffers), VOLUNTEER_OFFER: byId(candidates.volunteerOffers) }[ref.source];
  if (!line || !candidate) return null;
  if (SERVES[ref.source] !== line.kind) return { eligible: false, reasons: [fail(WRONG_KIND[ref.source])] };
  const remaining = remainingOfLine(line);
  if (remaining <= 0) return { eligible: false, reasons: [fail("lineNotOpen")] };

  const ctx = createMatchContext(input.case, { ...options, includeIneligible: true });
  let outcome: LineOutcome;
  if (ref.source === "FUND") outcome = fundForLine(candidate as MatchFund, assessFundForCase(ctx, candidate as MatchFund), line, remaining);
  else if (ref.source === "PROJECT") outcome = projectForLine(candidate as MatchProject, assessProjectForCase(ctx, candidate as MatchProject), line, remaining);
  else if (ref.source === "SUPPLY_OFFER") {
    const offer = candidate as MatchSupplyOffer;
    outcome = supplyForLine(offer, assessSupplyOfferForCase(ctx, offer), line, remaining);
  } else {
    const offer = candidate as MatchVolunteerOffer;
    outcome = volunteerForLine(offer, assessVolunteerOfferForCase(ctx, offer), line, remaining);
  }
  return outcome.ok ? { eligible: true, suggestion: outcome.suggestion } : { eligible: false, reasons: outcome.reasons };
}
