// Writes the demo cases. Each case and everything that hangs off it (beneficiary, needs,
// commitments, grants, gifts, ledger postings, payments, timeline, referrals, records, disclosure,
// audit trail) is written in one database transaction, and only if the case is not there yet: a
// re-run leaves every row as it was, and a half-written case cannot happen.
import { caseIndices } from "~/domain/indices/need-index.ts";
import { countyCodeOf } from "~/domain/region-codes.ts";
import { addWorkingDays, dueDateFor, verificationDueDateAfterAdvance, workingDaysBetween } from "~/domain/working-days.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { writeAuditTrail } from "./case-audit.ts";
import { CLOSED_CASES } from "./case-data-closed.ts";
import { INTAKE_CASES } from "./case-data-intake.ts";
import { PUBLISHED_CASES } from "./case-data-published.ts";
import { commitmentRow, writeDonation, writeGrant } from "./case-money.ts";
import {
  ageBandOf,
  caseIdOf,
  checkCommitments,
  disclosureOf,
  donationIdOf,
  HOUR_MS,
  isUrbanTownship,
  needTotals,
  type CaseSeedContext,
  type PlannedNumbers,
} from "./case-plan.ts";
import type { CaseSpec } from "./case-spec.ts";
import { makeIdNumber } from "./identity.ts";
import { caseAccount, ensureAccount, PAID_OUT_ACCOUNT, postLedgerTransaction, projectAccount } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { caseCounterFor, caseNoFor, receiptNoFor } from "./numbers.ts";
import { OFFICES } from "./offices.ts";
import { ORGS } from "./organizations.ts";
import { PROJECTS } from "./resources.ts";
import { dibaoStandardFen, overridesFor } from "./standards.ts";


export const CASE_SPECS: CaseSpec[] = [...PUBLISHED_CASES, ...CLOSED_CASES, ...INTAKE_CASES].sort((a, b) => a.key.localeCompare(b.key));

const PUBLIC_STATUSES = new Set(["PUBLISHED", "FULFILLED", "CLOSED"]);

/** The county a demo case is numbered under: its own region, or the county above its township. */
function countyOf(spec: CaseSpec): string {
  const county = countyCodeOf(spec.regionCode);
  if (!county) throw new Error(`Case ${spec.key}: region ${spec.regionCode} is above county level`);
  return county;
}


/**
 * Case numbers per county and year in order of receipt, and receipt numbers in spec order, skipping
 * numbers the app has already handed out. Cases already seeded keep the numbers they have.
 */
async function planNumbers(ctx: CaseSeedContext): Promise<PlannedNumbers> {
  const { prisma, clock } = ctx;
  const existing = await prisma.case.findMany({ where: { OR: [{ id: { in: CASE_SPECS.map((s) => caseIdOf(s.key)) } }, { caseNo: { startsWith: "JJN-" } }] }, select: { id: true, caseNo: true } });
  const takenCaseNos = new Set(existing.map((c) => c.caseNo));
  const stored = new Map(existing.map((c) => [c.id, c.caseNo]));

  const caseNos = new Map<string, string>();
  const nextSeq = new Map<string, number>();
  for (const spec of [...CASE_SPECS].sort((a, b) => b.receivedDaysAgo - a.receivedDaysAgo)) {
    const id = caseIdOf(spec.key);
    const storedNo = stored.get(id);
    if (storedNo) {
      caseNos.set(spec.key, storedNo);
      continue;
    }
    const receivedAt = clock.ago(spec.receivedDaysAgo);
    const county = countyOf(spec);
    const bucket = caseCounterFor(county, receivedAt);
    let seq = nextSeq.get(bucket) ?? 1;
    while (takenCaseNos.has(caseNoFor(county, receivedAt, seq))) seq++;
    caseNos.set(spec.key, caseNoFor(county, receivedAt, seq));
    takenCaseNos.add(caseNoFor(county, receivedAt, seq));
    nextSeq.set(bucket, seq + 1);
  }

  const takenReceipts = new Set((await prisma.donation.findMany({ where: { receiptNo: { startsWith: "RC-" } }, select: { receiptNo: true } })).map((d) => d.receiptNo));
  const receipts = new Map<string, string>();
  let receiptSeq = 2; // 1 is the gift to 萧县's fund (funds.ts)
  for (const spec of CASE_SPECS) {
    const receivedAt = clock.ago(spec.receivedDaysAgo);
    const gifts = [
      ...spec.commitments.filter((c) => c.donation).map((c) => ({ id: donationIdOf(spec, c.key), at: new Date(receivedAt.getTime() + c.at * HOUR_MS) })),
      ...(spec.pendingDonations ?? []).map((p) => ({ id: donationIdOf(spec, p.key), at: clock.ago(p.daysAgo) })),
    ];
    for (const gift of gifts) {
      while (takenReceipts.has(receiptNoFor(gift.at, receiptSeq))) receiptSeq++;
      receipts.set(gift.id, receiptNoFor(gift.at, receiptSeq));
      receiptSeq++;
    }
  }
  return { caseNos, receipts };
}

export async function seedCases(ctx: CaseSeedContext): Promise<number> {
  const numbers = await planNumbers(ctx);
  let created = 0;
  for (const spec of CASE_SPECS) {
    const exists = await ctx.prisma.case.findUnique({ where: { id: caseIdOf(spec.key) }, select: { id: true } });
    if (exists) continue;
    await ctx.prisma.$transaction((tx) => writeCase(tx, ctx, spec, numbers), { timeout: 60_000, maxWait: 20_000 });
    created++;
  }
  return created;
}

async function writeCase(tx: Prisma.TransactionClient, ctx: CaseSeedContext, spec: CaseSpec, numbers: PlannedNumbers) {
  const { clock, users } = ctx;
  checkCommitments(spec);
  const id = caseIdOf(spec.key);
  const caseNo = numbers.caseNos.get(spec.key)!;
  const county = countyOf(spec);
  const overrides = overridesFor(ctx.calendar, county);
  const receivedAt = clock.ago(spec.receivedDaysAgo);
  const t = (hours: number) => clock.after(receivedAt, hours);
  const tOpt = (hours: number | undefined) => (hours === undefined ? null : t(hours));
  const staffId = users[spec.staff];
  const needs = needTotals(spec);
  const needId = (key: string) => `${id}-need-${key}`;
  const isPublic = PUBLIC_STATUSES.has(spec.status);
  if (isPublic && (!spec.publicFace || !spec.consent)) throw new Error(`Case ${spec.key} is public without a public face and consent`);

  const p = spec.person;
  const idNumber = makeIdNumber(county, p.birthDate, p.idSeq, p.sex);
  const crypto = piiCrypto();
  const idNumberHash = crypto.hashIdNumber(idNumber);

  const closedAt = tOpt(spec.closedAfter);
  // Scored as staff see them (docs/decisions/004): the household's facts, aid it had before this
  // case in the last 12 months, the need lines, and working days waited until now or the close.
  const indices =
    spec.status === "REPORTED"
      ? null
      : caseIndices({
          householdSize: p.householdSize,
          monthlyIncomeFen: p.monthlyIncomeFen,
          monthlyEssentialFen: p.monthlyEssentialFen,
          housing: p.housing,
          vulnerableMembers: p.vulnerableMembers,
          recentAidFen: (spec.assistance ?? []).filter((a) => !a.linked && a.startedDaysAgo <= 365).reduce((s, a) => s + (a.amountFen ?? 0), 0),
          localDibaoMonthlyFen: dibaoStandardFen(county, isUrbanTownship(spec.regionCode)),
          urgency: spec.urgency,
          needLines: needs.map((n) => ({ target: n.target, committed: n.committed, status: n.status })),
          workingDaysWaited: Math.max(0, workingDaysBetween(clock.isoOf(receivedAt), clock.isoOf(closedAt ?? clock.now), overrides)),
        });

  const advance = spec.commitments.find((c) => c.grant?.isAdvance);
  const transitions = [spec.acceptedAfter, spec.verifiedAfter, spec.publishedAfter, spec.fulfilledAfter, spec.closedAfter, spec.endedAfter].filter((h) => h !== undefined);

  await tx.case.create({
    data: {
      id,
      caseNo,
      status: spec.status,
      version: transitions.length,
      source: spec.source,
      category: spec.category,
      urgency: spec.urgency,
      regionCode: spec.regionCode,
      ownerOfficeId: OFFICES[spec.office].id,
      intakeNote: spec.intakeNote,
      receivedAt,
      responseDueOn: clock.dateOnly(dueDateFor(spec.urgency, clock.isoOf(receivedAt), overrides)),
      acceptedAt: tOpt(spec.acceptedAfter),
      verifiedAt: tOpt(spec.verifiedAfter),
      verificationDueOn: advance ? clock.dateOnly(verificationDueDateAfterAdvance(clock.isoOf(t(advance.at)), overrides)) : null,
      publishedAt: tOpt(spec.publishedAfter),
      fulfilledAt: tOpt(spec.fulfilledAfter),
      closedAt,
      statusReason: spec.statusReason ?? null,
      outcome: spec.outcome ?? null,
      povertyIndex: indices?.poverty.score ?? null,
      needIndex: indices?.need.score ?? null,
      ...(indices && { indexParts: indices }),
      ...(isPublic && {
        alias: spec.publicFace!.alias,
        ageBand: ageBandOf(p.birthDate, clock.today),
        publicTitle: spec.publicFace!.title,
        publicStory: spec.publicFace!.story,
      }),
      createdAt: receivedAt,
      beneficiary: {
        create: {
          id: `${id}-beneficiary`,
          name: p.name,
          idNumberEncrypted: crypto.encrypt(idNumber),
          idNumberHash,
          phone: p.phone,
          address: p.address,
          birthYear: Number(p.birthDate.slice(0, 4)),
          gender: p.sex,
          healthNotes: p.healthNotes ?? null,
          householdSize: p.householdSize,
          monthlyIncomeFen: p.monthlyIncomeFen,
          monthlyEssentialFen: p.monthlyEssentialFen,
          housing: p.housing,
          vulnerableMembers: p.vulnerableMembers,
          consentBy: spec.consent?.by ?? null,
          consentAt: spec.consent ? t(spec.consent.after) : null,
          consentMethod: spec.consent?.method ?? null,
          createdAt: receivedAt,
        },
      },
      needs: {
        create: needs.map((n, i) => ({
          id: needId(n.key),
          kind: n.kind,
          title: n.title,
          category: n.category ?? null,
          unit: n.unit ?? null,
          target: n.target,
          committed: n.committed,
          delivered: n.delivered,
          status: n.status,
          sortOrder: i,
          createdAt: t(spec.acceptedAfter ?? 0),
        })),
      },
    },
  });
  await ensureAccount(tx, { code: caseAccount(caseNo), kind: "CASE", name: `${caseNo} 个案账户`, caseId: id });

  // Money moves in the order it happened, so no account is ever below zero along the way.
  const moves: Array<{ at: number; run: () => Promise<void> }> = [];
  for (const c of spec.commitments) {
    if (c.source === "FUND") moves.push({ at: c.at, run: () => writeGrant(tx, ctx, spec, c, caseNo, t) });
    if (c.source === "DONATION") moves.push({ at: c.at, run: () => writeDonation(tx, ctx, spec, c, caseNo, numbers, t, needId(c.need)) });
    if (c.source === "PROJECT" && c.status === "DELIVERED" && spec.needs.find((n) => n.key === c.need)!.kind === "CASH") {
      const deliveredAt = c.at + (c.deliveredAfter ?? 0);
      moves.push({
        at: deliveredAt,
        run: async () => {
          const project = PROJECTS[c.project!];
          await postLedgerTransaction(tx, {
            kind: "GRANT",
            idempotencyKey: `seed:project-grant:${id}-${c.key}`,
            memo: `${project.title} 资助 ${caseNo}`,
            counterparty: ORGS[project.org].name,
            createdById: c.pledger ? users[c.pledger] : staffId,
            occurredAt: t(deliveredAt),
            entries: [
              { accountCode: projectAccount(project.id), amountFen: -c.amount },
              { accountCode: caseAccount(caseNo), amountFen: c.amount },
            ],
          });
        },
      });
    }
  }
  for (const d of spec.disbursements ?? []) {
    moves.push({
      at: d.at,
      run: async () => {
        const posting = await postLedgerTransaction(tx, {
          kind: "DISBURSEMENT",
          idempotencyKey: `seed:disbursement:${id}-${d.key}`,
          memo: `${caseNo} 支付：${d.purpose}`,
          counterparty: d.payeeName,
          createdById: staffId,
          occurredAt: t(d.at),
          entries: [
            { accountCode: caseAccount(caseNo), amountFen: -d.amountFen },
            { accountCode: PAID_OUT_ACCOUNT, amountFen: d.amountFen },
          ],
        });
        await tx.disbursement.create({
          data: { id: `${id}-${d.key}`, caseId: id, amountFen: d.amountFen, payeeKind: d.payeeKind, payeeName: d.payeeName, purpose: d.purpose, createdById: staffId, at: t(d.at), transactionId: posting.id },
        });
      },
    });
  }
  for (const move of moves.sort((a, b) => a.at - b.at)) await move.run();

  await tx.commitment.createMany({ data: spec.commitments.map((c) => commitmentRow(ctx, spec, c, id, needId(c.need), t)) });

  for (const pd of spec.pendingDonations ?? []) {
    const createdAt = clock.ago(pd.daysAgo);
    await tx.donation.create({
      data: {
        id: donationIdOf(spec, pd.key),
        receiptNo: numbers.receipts.get(donationIdOf(spec, pd.key))!,
        caseId: id,
        needId: needs.find((n) => n.kind === "CASH") ? needId(needs.find((n) => n.kind === "CASH")!.key) : null,
        amountFen: pd.amountFen,
        method: pd.method,
        status: "PENDING",
        donorName: pd.donorName,
        donorEmail: pd.donorEmail,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + 24 * HOUR_MS),
      },
    });
  }

  if (spec.updates?.length) {
    await tx.caseUpdate.createMany({ data: spec.updates.map((u, i) => ({ id: `${id}-update-${i + 1}`, caseId: id, at: t(u.at), kind: u.kind, text: u.text, isPublic: true })) });
  }
  if (spec.referrals?.length) {
    await tx.referral.createMany({
      data: spec.referrals.map((r) => {
        const sentAt = t(r.sentAfter);
        return {
          id: `${id}-${r.key}`,
          caseId: id,
          department: r.department,
          request: r.request,
          status: r.status,
          version: r.status === "SENT" ? 0 : r.status === "DONE" ? 2 : 1,
          dueOn: clock.dateOnly(addWorkingDays(clock.isoOf(sentAt), r.dueWorkingDays, overrides)),
          result: r.result ?? null,
          createdById: staffId,
          sentAt,
          answeredAt: tOpt(r.answeredAfter),
          doneAt: tOpt(r.doneAfter),
        };
      }),
    });
  }
  if (spec.assistance?.length) {
    await tx.assistanceRecord.createMany({
      data: spec.assistance.map((a) => ({
        id: `${id}-${a.key}`,
        idNumberHash,
        programme: a.programme,
        regionCode: county,
        amountFen: a.amountFen ?? null,
        purpose: a.purpose,
        startedOn: clock.dayOffset(-a.startedDaysAgo),
        endedOn: a.endedDaysAgo === undefined ? null : clock.dayOffset(-a.endedDaysAgo),
        caseId: a.linked ? id : null,
        createdAt: clock.ago(Math.min(a.startedDaysAgo, spec.receivedDaysAgo)),
      })),
    });
  }
  if (spec.status === "CLOSED") {
    const disclosure = disclosureOf(spec, needs);
    await tx.disclosure.create({ data: { id: `${id}-disclosure`, caseId: id, publishedAt: closedAt!, outcome: spec.outcome ?? "", ...disclosure } });
  }
  await writeAuditTrail(tx, ctx, spec, id, t);
}

