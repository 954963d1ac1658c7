/**
 * The 公示 of a closed case (DESIGN.md §4): money by source, goods and hours delivered, payments
 * by payee. The content is public as it is stored, so it is anonymised here: anonymous givers are
 * 爱心人士, and a payment to the beneficiary names no one but 受助人.
 *
 * Each source of money is counted once, from the record that proves it arrived: a fund's grant
 * when POSTED (its FUND commitment is the plan, not the money), a donation when PAID (its DONATION
 * commitment mirrors it), and a project's or an organisation's commitment when DELIVERED.
 *
 * The shape is the one prisma/seed/case-plan.ts writes and the /disclosures page and CSV read
 * (app/modules/resources/list-disclosures.server.ts).
 */
// eslint.config.js forbids "../*" to keep files directly in app/domain from reaching out of it; from
// this subfolder "../" still points inside app/domain, which the rule means to allow.
import { fen, sumFen } from "../money.ts";

export const ANONYMOUS_DONOR_NAME = "爱心人士";
export const BENEFICIARY_PAYEE_NAME = "受助人";

export type DisclosureSourceKind = "FUND" | "PROJECT" | "ORGANIZATION" | "DONORS";
export type DisclosureSourceLine = { kind: DisclosureSourceKind; name: string; amountFen: number };
export type DisclosureGoodsLine = { name: string; quantity: number; unit: string };
export type DisclosureHoursLine = { service: string; hours: number };
export type DisclosurePaymentLine = { payeeKind: string; payeeName: string; amountFen: number };

export type DisclosureContent = {
  sources: DisclosureSourceLine[];
  goods: DisclosureGoodsLine[];
  hours: DisclosureHoursLine[];
  payments: DisclosurePaymentLine[];
};

export type DisclosureRecords = {
  /** Fund grants to the case that were POSTED to the ledger. */
  grants: { fundName: string; amountFen: number }[];
  /** DELIVERED commitments of a project on a CASH line. */
  projectCommitments: { projectTitle: string; organizationName: string; amountFen: number }[];
  /** DELIVERED direct pledges of an organisation on a CASH line. */
  organizationPledges: { organizationName: string; amountFen: number }[];
  /** PAID donations to the case (not those redirected to a fund). */
  donations: { donorName: string | null; isAnonymous: boolean; amountFen: number }[];
  /** DELIVERED commitments on ITEM lines: the line's title and unit, the quantity delivered. */
  goods: { title: string; unit: string | null; quantity: number }[];
  /** DELIVERED commitments on SERVICE lines: the line's title, the hours given. */
  services: { title: string; hours: number }[];
  /** Money paid out of the case. */
  disbursements: { payeeKind: string; payeeName: string; amountFen: number }[];
};

export type Disclosure = { content: DisclosureContent; totalInFen: number; totalOutFen: number };

/** Puts `line` under `key`, or merges it into the line already there (insertion order kept). */
function collect<T>(map: Map<string, T>, key: string, line: T, merge: (existing: T, line: T) => T) {
  const existing = map.get(key);
  map.set(key, existing ? merge(existing, line) : line);
}

export function donorDisplayName(donation: { donorName: string | null; isAnonymous: boolean }): string {
  const name = donation.donorName?.trim();
  return donation.isAnonymous || !name ? ANONYMOUS_DONOR_NAME : name;
}

export function payeeDisplayName(payment: { payeeKind: string; payeeName: string }): string {
  return payment.payeeKind === "BENEFICIARY" ? BENEFICIARY_PAYEE_NAME : payment.payeeName;
}

/**
 * Sources in a fixed order — funds, projects, organisations, named donors, then everyone who gave
 * anonymously as one 爱心人士 line — each summed by name.
 */
export function buildDisclosure(records: DisclosureRecords): Disclosure {
  const sources = new Map<string, DisclosureSourceLine>();
  const add = (kind: DisclosureSourceKind, name: string, amountFen: number) =>
    collect(sources, `${kind}:${name}`, { kind, name, amountFen }, (a, b) => ({ ...a, amountFen: fen(a.amountFen + b.amountFen) }));

  for (const grant of records.grants) add("FUND", grant.fundName, grant.amountFen);
  for (const c of records.projectCommitments) add("PROJECT", `${c.projectTitle}（${c.organizationName}）`, c.amountFen);
  for (const p of records.organizationPledges) add("ORGANIZATION", p.organizationName, p.amountFen);
  const named = records.donations.filter((d) => donorDisplayName(d) !== ANONYMOUS_DONOR_NAME);
  const anonymous = records.donations.filter((d) => donorDisplayName(d) === ANONYMOUS_DONOR_NAME);
  for (const d of named) add("DONORS", donorDisplayName(d), d.amountFen);
  for (const d of anonymous) add("DONORS", ANONYMOUS_DONOR_NAME, d.amountFen);

  const goods = new Map<string, DisclosureGoodsLine>();
  for (const g of records.goods) {
    const unit = g.unit ?? "";
    collect(goods, `${g.title}|${unit}`, { name: g.title, quantity: g.quantity, unit }, (a, b) => ({ ...a, quantity: a.quantity + b.quantity }));
  }
  const hours = new Map<string, DisclosureHoursLine>();
  for (const s of records.services) collect(hours, s.title, { service: s.title, hours: s.hours }, (a, b) => ({ ...a, hours: a.hours + b.hours }));

  const payments = new Map<string, DisclosurePaymentLine>();
  for (const d of records.disbursements) {
    const payeeName = payeeDisplayName(d);
    const line = { payeeKind: d.payeeKind, payeeName, amountFen: d.amountFen };
    collect(payments, `${d.payeeKind}:${payeeName}`, line, (a, b) => ({ ...a, amountFen: fen(a.amountFen + b.amountFen) }));
  }

  const content: DisclosureContent = {
    sources: [...sources.values()],
    goods: [...goods.values()],
    hours: [...hours.values()],
    payments: [...payments.values()],
  };
  return {
    content,
    totalInFen: sumFen(content.sources.map((s) => fen(s.amountFen))),
    totalOutFen: sumFen(content.payments.map((p) => fen(p.amountFen))),
  };
}
