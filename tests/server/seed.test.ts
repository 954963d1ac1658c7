// The demo seed on a real database: idempotent, balanced books, and nothing personal in public.
import { beforeAll, describe, expect, it } from "vitest";
import { CASE_STATUSES } from "~/domain/case-status.ts";
import { validateCreditCode } from "~/domain/credit-code.ts";
import { validateIdNumber } from "~/domain/id-number.ts";
import { findPiiInPublicText } from "~/domain/pii-guard.ts";
import { prisma } from "~/utils/db.server.ts";
import { verifyPassword } from "~/utils/password.server.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/seed/demo-logins.ts";
import { isDatabaseEmpty, seed } from "../../prisma/seed/index.ts";

const SEED_TIME_LIMIT_MS = 15_000;

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table_name}"`);
    counts[table_name] = Number(row!.n);
  }
  return counts;
}

let afterFirst: Record<string, number>;
let afterSecond: Record<string, number>;
let firstRunMs = 0;

beforeAll(async () => {
  const wasEmpty = await isDatabaseEmpty(prisma);
  // The app (and other tests in this database) may already have drawn the first receipt numbers
  // the seed would use: the seed must step past them, not fail on the unique receipt number.
  for (const year of new Set([new Date().getFullYear(), new Date().getFullYear() - 1])) {
    for (const seq of [1, 2, 3]) {
      const receiptNo = `RC-${year}-${String(seq).padStart(6, "0")}`;
      await prisma.donation.upsert({ where: { receiptNo }, update: {}, create: { receiptNo, amountFen: 100, method: "TRANSFER", status: "EXPIRED" } });
    }
  }
  const started = Date.now();
  await seed(prisma);
  firstRunMs = Date.now() - started;
  afterFirst = await rowCounts();
  await seed(prisma);
  afterSecond = await rowCounts();
  if (wasEmpty) expect(await isDatabaseEmpty(prisma)).toBe(false);
}, 120_000);

const seedCase = { id: { startsWith: "seed-case-" } };

describe("the demo seed", () => {
  it("runs in reasonable time and a second run leaves exactly the same rows", () => {
    expect(firstRunMs).toBeLessThan(SEED_TIME_LIMIT_MS);
    expect(afterSecond).toEqual(afterFirst);
    expect(afterFirst.Region).toBeGreaterThan(3_000);
    expect(afterFirst.Case).toBeGreaterThanOrEqual(20);
  });

  it("has every case status, and enough published and closed cases to browse", async () => {
    const groups = await prisma.case.groupBy({ by: ["status"], where: seedCase, _count: { _all: true } });
    const byStatus = Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
    for (const status of CASE_STATUSES) expect(byStatus[status], status).toBeGreaterThan(0);
    expect(byStatus.PUBLISHED).toBeGreaterThanOrEqual(6);
    expect(byStatus.CLOSED).toBeGreaterThanOrEqual(3);
    const sources = await prisma.case.groupBy({ by: ["source"], where: seedCase });
    const categories = await prisma.case.groupBy({ by: ["category"], where: seedCase });
    const urgencies = await prisma.case.groupBy({ by: ["urgency"], where: seedCase });
    expect(sources).toHaveLength(8);
    expect(categories).toHaveLength(6);
    expect(urgencies).toHaveLength(3);
  });

  it("scores every case past intake, each index the sum of the parts it shows", async () => {
    const cases = await prisma.case.findMany({ where: { ...seedCase, status: { not: "REPORTED" } }, select: { caseNo: true, povertyIndex: true, needIndex: true, indexParts: true } });
    for (const c of cases) {
      const parts = c.indexParts as { poverty: { score: number; parts: { points: number }[] }; need: { score: number; parts: { points: number }[] } };
      expect(c.povertyIndex, c.caseNo).toBe(parts.poverty.parts.reduce((s, p) => s + p.points, 0));
      expect(c.needIndex, c.caseNo).toBe(parts.need.parts.reduce((s, p) => s + p.points, 0));
      expect(c.needIndex).toBeGreaterThanOrEqual(0);
      expect(c.needIndex).toBeLessThanOrEqual(100);
    }
  });

  it("keeps the region tree whole: every parent exists, and 萧县 reads as 安徽省 宿州市 萧县", async () => {
    const [orphans] = await prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Region" r LEFT JOIN "Region" p ON p.code = r."parentCode"
      WHERE r."parentCode" IS NOT NULL AND p.code IS NULL`;
    expect(Number(orphans!.n)).toBe(0);
    const xiao = await prisma.region.findUniqueOrThrow({ where: { code: "341322" } });
    expect(xiao.fullName).toBe("安徽省 宿州市 萧县");
    const longCheng = await prisma.region.findUniqueOrThrow({ where: { code: "341322100" } });
    expect(longCheng).toMatchObject({ level: "TOWNSHIP", parentCode: "341322", fullName: "安徽省 宿州市 萧县 龙城镇" });
    expect((await prisma.region.findUniqueOrThrow({ where: { code: "110101" } })).fullName).toBe("北京市 东城区");
  });

  it("posts only balanced ledger transactions, and every cached balance is the sum of its entries", async () => {
    const unbalanced = await prisma.$queryRaw<{ id: string }[]>`
      SELECT t.id FROM "LedgerTransaction" t LEFT JOIN "LedgerEntry" e ON e."transactionId" = t.id
      GROUP BY t.id HAVING count(e.id) < 2 OR coalesce(sum(e."amountFen"), 0) <> 0`;
    expect(unbalanced).toEqual([]);
    // The seed's own accounts: other tests share this database and may set up balances directly.
    const drifted = await prisma.$queryRaw<{ code: string }[]>`
      SELECT a.code FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id
      WHERE a."fundId" LIKE 'seed-%' OR a."caseId" LIKE 'seed-%' OR a."projectId" LIKE 'seed-%'
      GROUP BY a.id, a.code, a."balanceFen" HAVING a."balanceFen" <> coalesce(sum(e."amountFen"), 0)`;
    expect(drifted).toEqual([]);
    const seedAccount = { OR: [{ fundId: { startsWith: "seed-" } }, { caseId: { startsWith: "seed-" } }, { projectId: { startsWith: "seed-" } }] };
    expect(await prisma.ledgerAccount.count({ where: seedAccount })).toBeGreaterThan(20);
    const negative = await prisma.ledgerAccount.findMany({ where: { ...seedAccount, kind: { in: ["FUND", "PROJECT", "CASE"] }, balanceFen: { lt: 0 } }, select: { code: true } });
    expect(negative).toEqual([]);

    const xiaoFund = await prisma.ledgerAccount.findUniqueOrThrow({ where: { code: "fund:seed-fund-xiaoxian" } });
    expect(xiaoFund.balanceFen).toBeGreaterThan(40_000_000);
    for (const c of await prisma.case.findMany({ where: { ...seedCase, status: "CLOSED" }, select: { caseNo: true } })) {
      expect((await prisma.ledgerAccount.findUniqueOrThrow({ where: { code: `case:${c.caseNo}` } })).balanceFen, c.caseNo).toBe(0);
    }
    // Grants and disbursements point at their postings; paid gifts have theirs.
    expect(await prisma.fundGrant.count({ where: { id: { startsWith: "seed-" }, status: "POSTED", transactionId: null } })).toBe(0);
    const paid = await prisma.donation.findMany({ where: { id: { startsWith: "seed-" }, status: "PAID" }, select: { id: true, ledgerTransactions: { select: { id: true } } } });
    for (const d of paid) expect(d.ledgerTransactions, d.id).toHaveLength(1);
  });

  it("keeps need lines and resources consistent with the commitments", async () => {
    const needs = await prisma.need.findMany({ where: { case: seedCase }, select: { id: true, target: true, committed: true, delivered: true, status: true, commitments: { select: { amount: true, status: true } } } });
    for (const need of needs) {
      const active = need.commitments.filter((c) => ["PLEDGED", "CONFIRMED", "DELIVERED"].includes(c.status));
      expect(need.committed, need.id).toBe(active.reduce((s, c) => s + c.amount, 0));
      expect(need.delivered, need.id).toBe(need.commitments.filter((c) => c.status === "DELIVERED").reduce((s, c) => s + c.amount, 0));
      expect(need.committed).toBeLessThanOrEqual(need.target);
      expect(need.status).toBe(need.committed >= need.target ? "COVERED" : "OPEN");
    }
    for (const p of await prisma.project.findMany({ where: { id: { startsWith: "seed-" } }, select: { id: true, reservedFen: true, budgetFen: true, commitments: { select: { amount: true, status: true } } } })) {
      expect(p.reservedFen, p.id).toBe(p.commitments.filter((c) => c.status !== "CANCELLED" && c.status !== "EXPIRED").reduce((s, c) => s + c.amount, 0));
      expect(p.reservedFen).toBeLessThanOrEqual(p.budgetFen);
    }
    expect(await prisma.project.count({ where: { id: { startsWith: "seed-" } } })).toBeGreaterThanOrEqual(4);
    for (const o of await prisma.volunteerOffer.findMany({ where: { id: { startsWith: "seed-" } }, select: { id: true, hoursReserved: true, hoursOffered: true } })) expect(o.hoursReserved, o.id).toBeLessThanOrEqual(o.hoursOffered);
    for (const o of await prisma.supplyOffer.findMany({ where: { id: { startsWith: "seed-" } }, select: { id: true, quantityReserved: true, quantity: true } })) expect(o.quantityReserved, o.id).toBeLessThanOrEqual(o.quantity);
  });

  it("publishes nothing that identifies a beneficiary", async () => {
    const cases = await prisma.case.findMany({
      where: { ...seedCase, status: { in: ["PUBLISHED", "FULFILLED", "CLOSED"] } },
      select: { caseNo: true, alias: true, publicTitle: true, publicStory: true, ageBand: true, beneficiary: true, updates: { select: { text: true } } },
    });
    expect(cases.length).toBeGreaterThanOrEqual(6);
    for (const c of cases) {
      const b = c.beneficiary!;
      expect(c.alias, c.caseNo).toMatch(/^(.{1,2}(女士|先生)|小.同学)$/);
      expect(c.ageBand).not.toBeNull();
      expect(b.consentAt, c.caseNo).not.toBeNull();
      const pii = { name: b.name, idNumber: piiCrypto().decrypt(b.idNumberEncrypted!), phone: b.phone!, address: b.address! };
      for (const text of [c.alias!, c.publicTitle!, c.publicStory!, ...c.updates.map((u) => u.text)]) {
        expect(findPiiInPublicText(text, pii), `${c.caseNo}: ${text}`).toEqual([]);
        expect(text).not.toContain(b.name);
        expect(text).not.toContain(pii.idNumber);
        expect(text).not.toContain(pii.phone);
      }
    }
  });

  it("stores only valid identifiers: credit codes, and encrypted ID numbers that match their hash", async () => {
    for (const org of await prisma.organization.findMany({ where: { id: { startsWith: "seed-" } }, select: { name: true, creditCode: true } })) {
      expect(validateCreditCode(org.creditCode), org.name).toMatchObject({ ok: true });
    }
    const beneficiaries = await prisma.beneficiary.findMany({ where: { case: seedCase }, select: { caseId: true, idNumberEncrypted: true, idNumberHash: true, case: { select: { regionCode: true } } } });
    expect(beneficiaries.length).toBeGreaterThanOrEqual(20);
    for (const b of beneficiaries) {
      const idNumber = piiCrypto().decrypt(b.idNumberEncrypted!);
      expect(validateIdNumber(idNumber), b.caseId).toMatchObject({ ok: true, regionCode: b.case.regionCode.slice(0, 6) });
      expect(piiCrypto().hashIdNumber(idNumber)).toBe(b.idNumberHash);
    }
  });

  it("contains a duplicate for the duplicate check: a published case, a newer report and an aid record of the same person", async () => {
    const groups = await prisma.beneficiary.groupBy({ by: ["idNumberHash"], where: { case: seedCase }, _count: { _all: true }, having: { idNumberHash: { _count: { gt: 1 } } } });
    expect(groups).toHaveLength(1);
    const hash = groups[0]!.idNumberHash!;
    const statuses = (await prisma.case.findMany({ where: { ...seedCase, beneficiary: { idNumberHash: hash } }, select: { status: true } })).map((c) => c.status).sort();
    expect(statuses).toEqual(["PUBLISHED", "REPORTED"]);
    const records = await prisma.assistanceRecord.findMany({ where: { id: { startsWith: "seed-" }, idNumberHash: hash, programme: "TEMPORARY_AID" } });
    expect(records).toHaveLength(1);
    const monthsAgo = (Date.now() - records[0]!.startedOn.getTime()) / (30 * 24 * 3600_000);
    expect(monthsAgo).toBeGreaterThan(6);
    expect(monthsAgo).toBeLessThan(12);
  });

  it("has an overdue case and an overdue referral for the staff queue, and a grant waiting for review", async () => {
    const today = new Date(new Date().toISOString().slice(0, 10));
    expect(await prisma.case.count({ where: { ...seedCase, regionCode: { startsWith: "341322" }, status: "REPORTED", responseDueOn: { lt: today } } })).toBeGreaterThan(0);
    expect(await prisma.referral.count({ where: { case: seedCase, status: { in: ["SENT", "ACCEPTED"] }, dueOn: { lt: today } } })).toBeGreaterThan(0);
    const waiting = await prisma.fundGrant.findFirstOrThrow({ where: { id: { startsWith: "seed-" }, status: "REQUESTED" }, include: { fund: true } });
    expect(waiting.amountFen).toBeGreaterThan(waiting.fund.reviewThresholdFen);
    const approved = await prisma.fundGrant.findFirstOrThrow({ where: { id: { startsWith: "seed-" }, status: "POSTED", reviewedById: { not: null } } });
    expect(approved.reviewedById).not.toBe(approved.requestedById);
  });

  it("writes a disclosure for every closed case whose totals match its parts", async () => {
    const closed = await prisma.case.findMany({ where: { ...seedCase, status: "CLOSED" }, select: { caseNo: true, disclosure: true } });
    for (const c of closed) {
      const d = c.disclosure!;
      const content = d.content as { sources: { amountFen: number }[]; payments: { amountFen: number }[] };
      expect(content.sources.reduce((s, x) => s + x.amountFen, 0), c.caseNo).toBe(d.totalInFen);
      expect(content.payments.reduce((s, x) => s + x.amountFen, 0), c.caseNo).toBe(d.totalOutFen);
    }
  });

  it("sets case counters to the highest number in use", async () => {
    const cases = await prisma.case.findMany({ where: seedCase, select: { caseNo: true } });
    for (const { caseNo } of cases) {
      const [, county, year, seq] = /^JJN-(\d{6})-(\d{4})-(\d{4})$/.exec(caseNo)!;
      const counter = await prisma.counter.findUniqueOrThrow({ where: { name: `case:${county}:${year}` } });
      expect(counter.value).toBeGreaterThanOrEqual(Number(seq));
    }
  });

  it("lets every demo account log in with the demo password", async () => {
    const users = await prisma.user.findMany({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } }, select: { email: true, passwordHash: true, isActive: true } });
    expect(users).toHaveLength(DEMO_LOGINS.length);
    const staff = users.find((u) => u.email === "staff.xiaoxian@demo.jjn.cn")!;
    expect(await verifyPassword(DEMO_PASSWORD, staff.passwordHash)).toBe(true);
  });
});
