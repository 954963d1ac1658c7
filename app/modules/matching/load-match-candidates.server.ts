// Everything the matching engine needs for one case, read from the database and mapped one to one
// onto app/domain/matching's input types. The queries only narrow where it is cheap and exact
// (active resources, funds of the case's region and its ancestors, projects whose areas contain
// the case); every rule is still decided by the engine, so the "why not?" answers stay in one place.
import { beneficiaryAge, caseConditionTags } from "~/domain/matching/case-facts.ts";
import type {
  CandidateRef,
  CaseCategoryName,
  MatchCandidates,
  MatchFund,
  MatchInput,
  MatchNeed,
  MatchProject,
  MatchSource,
  MatchSupplyOffer,
  MatchVolunteerOffer,
} from "~/domain/matching/match-types.ts";
import { validateIdNumber } from "~/domain/id-number.ts";
import { ancestorRegionCodes } from "~/domain/region-codes.ts";
import type { Db, Tx } from "~/utils/db.server.ts";
import { isoDateOf, shanghaiDate } from "~/utils/dates.ts";
import { piiCrypto } from "~/utils/pii.server.ts";

/** Commitments that hold part of a line, a budget, stock or hours (as Need.committed counts them). */
const ACTIVE_COMMITMENT = ["PLEDGED", "CONFIRMED", "DELIVERED"] as const;

/** Grants a fund has promised but not yet posted to the ledger: its balance does not show them yet. */
const PENDING_GRANT = ["REQUESTED", "APPROVED"] as const;

/** What the plan page shows of a candidate beside the engine's reasons (public names only). */
export type CandidateLabel = { source: MatchSource; id: string; title: string; organizationName: string | null; unit: string | null };

export type LoadedMatchInput = {
  caseId: string;
  caseNo: string;
  /** The engine's day: `now` in Asia/Shanghai. */
  today: string;
  input: MatchInput;
  /** Keyed `${source}:${id}`. */
  labels: Map<string, CandidateLabel>;
};

export const candidateKey = (source: MatchSource, id: string) => `${source}:${id}`;

export type LoadMatchOptions = {
  /**
   * Load just this candidate, by id and without the narrowing (a paused project, one of another
   * region), and every need line whatever its status: for "why not this one?".
   */
  only?: CandidateRef;
};

/**
 * The case's open need lines and every candidate resource, or null for an unknown case. Reads the
 * beneficiary's ID number only to compute the exact age (周岁) against projects' age bounds; nothing
 * personal leaves this function except that age.
 */
export async function loadMatchCandidates(db: Db | Tx, caseId: string, now: Date, options: LoadMatchOptions = {}): Promise<LoadedMatchInput | null> {
  const { only } = options;
  const found = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      caseNo: true,
      regionCode: true,
      category: true,
      urgency: true,
      ageBand: true,
      beneficiary: { select: { birthYear: true, idNumberEncrypted: true, vulnerableMembers: true, housing: true } },
      needs: {
        where: only ? {} : { status: "OPEN" },
        orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, title: true, category: true, unit: true, target: true, committed: true, status: true },
      },
    },
  });
  if (!found) return null;
  const today = shanghaiDate(now);
  const needs: MatchNeed[] = only ? found.needs : found.needs.filter((n) => n.committed < n.target);
  const kinds = new Set(needs.map((n) => n.kind));
  const wanted = (source: MatchSource, kind: MatchNeed["kind"]) => (only ? only.source === source : kinds.has(kind));
  const byId = only ? { id: only.id } : null;
  const none = { rows: [], labels: [] };

  const [funds, projects, volunteerOffers, supplyOffers] = await Promise.all([
    wanted("FUND", "CASH") ? loadFunds(db, found.id, found.regionCode, byId) : none,
    wanted("PROJECT", "CASH") ? loadProjects(db, found.id, found.regionCode, byId) : none,
    wanted("VOLUNTEER_OFFER", "SERVICE") ? loadVolunteerOffers(db, needs, byId) : none,
    wanted("SUPPLY_OFFER", "ITEM") ? loadSupplyOffers(db, needs, byId) : none,
  ]);

  const labels = new Map<string, CandidateLabel>();
  for (const label of [...funds.labels, ...projects.labels, ...volunteerOffers.labels, ...supplyOffers.labels]) labels.set(candidateKey(label.source, label.id), label);

  const candidates: MatchCandidates = { funds: funds.rows, projects: projects.rows, volunteerOffers: volunteerOffers.rows, supplyOffers: supplyOffers.rows };
  const b = found.beneficiary;
  return {
    caseId: found.id,
    caseNo: found.caseNo,
    today,
    labels,
    input: {
      case: {
        regionCode: found.regionCode,
        category: found.category as CaseCategoryName,
        urgency: found.urgency,
        age: b ? beneficiaryAge({ birthDate: birthDateOf(b.idNumberEncrypted), birthYear: b.birthYear }, today) : null,
        ageBand: found.ageBand,
        conditionTags: b ? caseConditionTags({ vulnerableMembers: b.vulnerableMembers, housing: b.housing, category: found.category as CaseCategoryName }) : [],
      },
      needs,
      candidates,
    },
  };
}

function birthDateOf(idNumberEncrypted: string | null) {
  if (!idNumberEncrypted) return null;
  try {
    const checked = validateIdNumber(piiCrypto().decrypt(idNumberEncrypted));
    return checked.ok ? checked.birthDate : null;
  } catch {
    return null; // a row written under another key: fall back to the birth year
  }
}

type Loaded<T> = { rows: T[]; labels: CandidateLabel[] };

/** Sums of amounts by resource id, for a case's active commitments from one kind of source. */
async function committedToCase(db: Db | Tx, caseId: string, source: "FUND" | "PROJECT") {
  const rows = await db.commitment.groupBy({
    by: source === "FUND" ? ["fundId"] : ["projectId"],
    where: { caseId, source, status: { in: [...ACTIVE_COMMITMENT] } },
    _sum: { amount: true },
  });
  const sums = new Map<string, number>();
  for (const row of rows) {
    const id = source === "FUND" ? row.fundId : row.projectId;
    if (id) sums.set(id, row._sum.amount ?? 0);
  }
  return sums;
}

/**
 * Funds of the case's region and its ancestors. Balance is the fund's ledger balance; reserved is
 * what grants waiting for review or posting have promised. What a fund already gives this case is
 * the larger of its active commitments and its grants to the case (an advance is a grant without
 * a need line; a grant made from a plan pick has both), so neither is counted twice.
 */
async function loadFunds(db: Db | Tx, caseId: string, regionCode: string, byId: { id: string } | null): Promise<Loaded<MatchFund>> {
  const rows = await db.reliefFund.findMany({
    where: byId ?? { status: "ACTIVE", regionCode: { in: ancestorRegionCodes(regionCode) } },
    select: {
      id: true,
      name: true,
      regionCode: true,
      scopeCategories: true,
      perCaseCapFen: true,
      reviewThresholdFen: true,
      status: true,
      ledgerAccount: { select: { balanceFen: true } },
    },
  });
  if (rows.length === 0) return { rows: [], labels: [] };
  const ids = rows.map((f) => f.id);
  const [pending, grantsToCase, commitments] = await Promise.all([
    db.fundGrant.groupBy({ by: ["fundId"], where: { fundId: { in: ids }, status: { in: [...PENDING_GRANT] } }, _sum: { amountFen: true } }),
    db.fundGrant.groupBy({ by: ["fundId"], where: { fundId: { in: ids }, caseId, status: { not: "REJECTED" } }, _sum: { amountFen: true } }),
    committedToCase(db, caseId, "FUND"),
  ]);
  const pendingBy = new Map(pending.map((g) => [g.fundId, g._sum.amountFen ?? 0]));
  const grantedBy = new Map(grantsToCase.map((g) => [g.fundId, g._sum.amountFen ?? 0]));
  return {
    rows: rows.map((f) => ({
      id: f.id,
      name: f.name,
      regionCode: f.regionCode,
      scopeCategories: f.scopeCategories as CaseCategoryName[],
      perCaseCapFen: f.perCaseCapFen,
      reviewThresholdFen: f.reviewThresholdFen,
      status: f.status,
      balanceFen: f.ledgerAccount?.balanceFen ?? 0,
      reservedFen: pendingBy.get(f.id) ?? 0,
      committedToCaseFen: Math.max(commitments.get(f.id) ?? 0, grantedBy.get(f.id) ?? 0),
    })),
    labels: rows.map((f) => ({ source: "FUND", id: f.id, title: f.name, organizationName: null, unit: null })),
  };
}

/** Active projects whose areas contain the case's region (or that serve everywhere). */
async function loadProjects(db: Db | Tx, caseId: string, regionCode: string, byId: { id: string } | null): Promise<Loaded<MatchProject>> {
  const [rows, commitments] = await Promise.all([
    db.project.findMany({
      where: byId ?? { status: "ACTIVE", OR: [{ regionCodes: { hasSome: ancestorRegionCodes(regionCode) } }, { regionCodes: { isEmpty: true } }] },
      select: {
        id: true,
        title: true,
        organizationId: true,
        organization: { select: { name: true, status: true } },
        categories: true,
        regionCodes: true,
        minAge: true,
        maxAge: true,
        conditionTags: true,
        perCaseCapFen: true,
        budgetFen: true,
        reservedFen: true,
        status: true,
        startsOn: true,
        endsOn: true,
      },
    }),
    committedToCase(db, caseId, "PROJECT"),
  ]);
  return {
    rows: rows.map((p) => ({
      id: p.id,
      title: p.title,
      organizationId: p.organizationId,
      organizationStatus: p.organization.status,
      categories: p.categories as CaseCategoryName[],
      regionCodes: p.regionCodes,
      minAge: p.minAge,
      maxAge: p.maxAge,
      conditionTags: p.conditionTags,
      perCaseCapFen: p.perCaseCapFen,
      budgetFen: p.budgetFen,
      reservedFen: p.reservedFen,
      committedToCaseFen: commitments.get(p.id) ?? 0,
      status: p.status,
      startsOn: p.startsOn && isoDateOf(p.startsOn),
      endsOn: p.endsOn && isoDateOf(p.endsOn),
    })),
    labels: rows.map((p) => ({ source: "PROJECT", id: p.id, title: p.title, organizationName: p.organization.name, unit: null })),
  };
}

/** The categories every line of a kind names, or null when some line is open to any (then no filter). */
function namedCategories(needs: MatchNeed[], kind: "ITEM" | "SERVICE"): string[] | null {
  const lines = needs.filter((n) => n.kind === kind);
  return lines.every((n) => n.category !== null) ? [...new Set(lines.map((n) => n.category!))] : null;
}

/** Active volunteer offers with one of the skills the service lines ask for. Areas are left to the engine. */
async function loadVolunteerOffers(db: Db | Tx, needs: MatchNeed[], byId: { id: string } | null): Promise<Loaded<MatchVolunteerOffer>> {
  const skills = namedCategories(needs, "SERVICE");
  const rows = await db.volunteerOffer.findMany({
    where: byId ?? { status: "ACTIVE", ...(skills ? { skills: { hasSome: skills } } : {}) },
    select: {
      id: true,
      title: true,
      organization: { select: { name: true, status: true } },
      skills: true,
      regionCodes: true,
      availability: true,
      hoursOffered: true,
      hoursReserved: true,
      availableUntil: true,
      status: true,
    },
  });
  return {
    rows: rows.map((v) => ({
      id: v.id,
      title: v.title,
      organizationStatus: v.organization?.status ?? null,
      skills: v.skills,
      regionCodes: v.regionCodes,
      availability: v.availability,
      hoursOffered: v.hoursOffered,
      hoursReserved: v.hoursReserved,
      availableUntil: v.availableUntil && isoDateOf(v.availableUntil),
      status: v.status,
    })),
    labels: rows.map((v) => ({ source: "VOLUNTEER_OFFER", id: v.id, title: v.title, organizationName: v.organization?.name ?? null, unit: null })),
  };
}

/** Active supply offers of the item categories the goods lines ask for. Areas are left to the engine. */
async function loadSupplyOffers(db: Db | Tx, needs: MatchNeed[], byId: { id: string } | null): Promise<Loaded<MatchSupplyOffer>> {
  const categories = namedCategories(needs, "ITEM");
  const rows = await db.supplyOffer.findMany({
    where: byId ?? { status: "ACTIVE", ...(categories ? { itemCategory: { in: categories } } : {}) },
    select: {
      id: true,
      itemName: true,
      itemCategory: true,
      unit: true,
      quantity: true,
      quantityReserved: true,
      regionCodes: true,
      expiresOn: true,
      status: true,
      organization: { select: { name: true, status: true } },
    },
  });
  return {
    rows: rows.map((s) => ({
      id: s.id,
      itemName: s.itemName,
      itemCategory: s.itemCategory,
      unit: s.unit,
      quantity: s.quantity,
      quantityReserved: s.quantityReserved,
      regionCodes: s.regionCodes,
      expiresOn: s.expiresOn && isoDateOf(s.expiresOn),
      status: s.status,
      organizationStatus: s.organization?.status ?? null,
    })),
    labels: rows.map((s) => ({ source: "SUPPLY_OFFER", id: s.id, title: s.itemName, organizationName: s.organization?.name ?? null, unit: s.unit })),
  };
}
