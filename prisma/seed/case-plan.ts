// Ids, context and pure derivations for the demo cases: need-line totals, givers' public names,
// the disclosure (公示) and the checks that keep the data consistent with the rules the app enforces.
import { ageOn } from "~/domain/id-number.ts";
import { parseIsoDate } from "~/domain/iso-date.ts";
import type { AgeBand, CommitmentStatus, Prisma, PrismaClient } from "~/generated/prisma/client.ts";
import type { CaseSpec, CommitmentSpec, NeedSpec } from "./case-spec.ts";
import type { SeedClock } from "./clock.ts";
import { FUNDS, type FundKey } from "./funds.ts";
import { ORGS } from "./organizations.ts";
import { PROJECTS } from "./resources.ts";
import type { CalendarSeed } from "./standards.ts";
import type { UserKey } from "./users.ts";

export const caseIdOf = (key: string) => `seed-case-${key}`;
export const donationIdOf = (spec: CaseSpec, key: string) => `seed-donation-${spec.key}-${key}`;

export const HOUR_MS = 3_600_000;

/** Who approves grants above a fund's review threshold (一事一议, never the requester). */
export const FUND_REVIEWER: Record<FundKey, UserKey | null> = { xiaoXian: "reviewerXiao", manZhouLi: null };

export type CaseSeedContext = {
  prisma: PrismaClient;
  clock: SeedClock;
  users: Record<UserKey, string>;
  calendar: CalendarSeed[];
  log: (msg: string) => void;
};

export type PlannedNumbers = { caseNos: Map<string, string>; receipts: Map<string, string> };

/** Statuses that hold part of a need line (and of a project budget, an offer's hours or stock). */
export const ACTIVE_COMMITMENT: ReadonlySet<CommitmentStatus> = new Set(["PLEDGED", "CONFIRMED", "DELIVERED"]);

export type NeedTotals = NeedSpec & { committed: number; delivered: number; status: "OPEN" | "COVERED" };

export function needTotals(spec: CaseSpec): NeedTotals[] {
  return spec.needs.map((need) => {
    const lines = spec.commitments.filter((c) => c.need === need.key);
    const committed = lines.filter((c) => ACTIVE_COMMITMENT.has(c.status)).reduce((s, c) => s + c.amount, 0);
    const delivered = lines.filter((c) => c.status === "DELIVERED").reduce((s, c) => s + c.amount, 0);
    if (committed > need.target) throw new Error(`Case ${spec.key}: need ${need.key} is over-committed (${committed} > ${need.target})`);
    if ((spec.status === "FULFILLED" || spec.status === "CLOSED") && delivered !== need.target) {
      throw new Error(`Case ${spec.key} is ${spec.status} but need ${need.key} has ${delivered}/${need.target} delivered`);
    }
    return { ...need, committed, delivered, status: committed >= need.target ? "COVERED" : "OPEN" };
  });
}

export function checkCommitments(spec: CaseSpec) {
  const needKeys = new Set(spec.needs.map((n) => n.key));
  for (const c of spec.commitments) {
    if (!needKeys.has(c.need)) throw new Error(`Case ${spec.key}: commitment ${c.key} is on unknown need ${c.need}`);
    if ((c.source === "FUND") !== (c.fund !== undefined && c.grant !== undefined)) throw new Error(`Case ${spec.key}: ${c.key} FUND needs fund and grant`);
    if ((c.source === "DONATION") !== (c.donation !== undefined)) throw new Error(`Case ${spec.key}: ${c.key} DONATION needs donation`);
    if (c.source === "DONATION" && c.status !== "DELIVERED") throw new Error(`Case ${spec.key}: ${c.key} seeded donations are paid`);
    if (c.source === "FUND") {
      const fund = FUNDS[c.fund!];
      const posted = c.grant!.status === "POSTED";
      if (posted !== (c.status === "DELIVERED")) throw new Error(`Case ${spec.key}: ${c.key} a posted grant is a delivered commitment`);
      if (c.grant!.isAdvance && c.amount > fund.advanceCapFen) throw new Error(`Case ${spec.key}: advance above the fund's cap`);
    }
  }
  for (const fund of Object.values(FUNDS)) {
    const total = spec.commitments.filter((c) => c.fund && FUNDS[c.fund].id === fund.id && ACTIVE_COMMITMENT.has(c.status)).reduce((s, c) => s + c.amount, 0);
    if (total > fund.perCaseCapFen) throw new Error(`Case ${spec.key}: ${fund.name} above its per-case cap`);
  }
  for (const project of Object.values(PROJECTS)) {
    const total = spec.commitments.filter((c) => c.project && PROJECTS[c.project].id === project.id && ACTIVE_COMMITMENT.has(c.status)).reduce((s, c) => s + c.amount, 0);
    if (total > project.perCaseCapFen) throw new Error(`Case ${spec.key}: ${project.title} above its per-case cap`);
  }
}

export function ageBandOf(birthDate: string, today: string): AgeBand {
  const age = ageOn(parseIsoDate(birthDate)!, today);
  return age < 18 ? "CHILD" : age < 35 ? "YOUNG_ADULT" : age < 60 ? "ADULT" : "SENIOR";
}

/** GB/T 2260 township codes: 0xx are 街道 (urban), 1xx 镇 and 2xx 乡 (rural). */
export const isUrbanTownship = (regionCode: string) => regionCode.length === 9 && regionCode[6] === "0";

/** Public name of a commitment's giver, as the disclosure and the need page show it. */
export function sourceOf(c: CommitmentSpec): { kind: "FUND" | "PROJECT" | "ORGANIZATION" | "DONORS"; name: string } | null {
  switch (c.source) {
    case "FUND":
      return { kind: "FUND", name: FUNDS[c.fund!].name };
    case "PROJECT":
      return { kind: "PROJECT", name: `${PROJECTS[c.project!].title}（${ORGS[PROJECTS[c.project!].org].name}）` };
    case "DONATION":
      return { kind: "DONORS", name: c.isAnonymous ? "爱心人士" : (c.pledgerName ?? "爱心人士") };
    case "DIRECT_PLEDGE":
      return c.org ? { kind: "ORGANIZATION", name: ORGS[c.org].name } : { kind: "DONORS", name: c.isAnonymous ? "爱心人士" : (c.pledgerName ?? "爱心人士") };
    default:
      return null; // government programmes are paid outside the platform's ledger
  }
}

/** The 公示 of a closed case: money by source, goods and hours delivered, payments by payee. */
export function disclosureOf(spec: CaseSpec, needs: NeedTotals[]) {
  const needByKey = new Map(needs.map((n) => [n.key, n]));
  const delivered = spec.commitments.filter((c) => c.status === "DELIVERED");

  const sources = new Map<string, { kind: string; name: string; amountFen: number }>();
  for (const c of delivered.filter((c) => needByKey.get(c.need)!.kind === "CASH")) {
    const source = sourceOf(c);
    if (!source) continue;
    const key = `${source.kind}:${source.name}`;
    sources.set(key, { ...source, amountFen: (sources.get(key)?.amountFen ?? 0) + c.amount });
  }
  const goods = new Map<string, { name: string; quantity: number; unit: string }>();
  const hours = new Map<string, { service: string; hours: number }>();
  for (const c of delivered) {
    const need = needByKey.get(c.need)!;
    if (need.kind === "ITEM") goods.set(need.title, { name: need.title, quantity: (goods.get(need.title)?.quantity ?? 0) + c.amount, unit: need.unit ?? "" });
    if (need.kind === "SERVICE") hours.set(need.title, { service: need.title, hours: (hours.get(need.title)?.hours ?? 0) + c.amount });
  }
  const payments = new Map<string, { payeeKind: string; payeeName: string; amountFen: number }>();
  for (const d of spec.disbursements ?? []) {
    const key = `${d.payeeKind}:${d.payeeName}`;
    payments.set(key, { payeeKind: d.payeeKind, payeeName: d.payeeName, amountFen: (payments.get(key)?.amountFen ?? 0) + d.amountFen });
  }

  const content = { sources: [...sources.values()], goods: [...goods.values()], hours: [...hours.values()], payments: [...payments.values()] };
  const totalInFen = content.sources.reduce((s, x) => s + x.amountFen, 0);
  const totalOutFen = content.payments.reduce((s, x) => s + x.amountFen, 0);
  if (totalInFen !== totalOutFen) throw new Error(`Case ${spec.key} is closed with ${totalInFen - totalOutFen} 分 left in its account`);
  return { totalInFen, totalOutFen, content: content satisfies Prisma.InputJsonValue };
}
