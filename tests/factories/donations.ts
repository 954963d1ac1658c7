// Rows for the card-gift tests: a PUBLISHED case with a cash line (and its ledger account), and
// the county's relief fund, created through the real client on the worker's own database.
import crypto from "node:crypto";
import { caseAccount, ensureAccount, ensureSystemAccounts, fundAccount } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createCase, createCounty } from "./index.ts";

type LineSpec = { kind?: "CASH" | "ITEM" | "SERVICE"; title?: string; target: number; committed?: number; delivered?: number; status?: "OPEN" | "COVERED" | "CANCELLED"; unit?: string };

/**
 * A published case in a fresh county with the given need lines (default: one cash line of ¥5,000;
 * `committed`/`delivered` are backed by CONFIRMED/DELIVERED commitments),
 * its ledger account, and — unless `withFund: false` — an ACTIVE relief fund of the county.
 */
export async function createGivableCase(opts: { lines?: LineSpec[]; status?: "PUBLISHED" | "FULFILLED" | "CLOSED" | "VERIFIED"; withFund?: boolean } = {}) {
  const county = await createCounty();
  const c = await createCase(county, {
    status: opts.status ?? "PUBLISHED",
    alias: "王女士",
    ageBand: "ADULT",
    publicTitle: `测试急难需求${crypto.randomBytes(3).toString("hex")}`,
    publicStory: "一位母亲突发重病，家庭急需医疗费用。",
    publishedAt: new Date(),
  });
  const specs = opts.lines ?? [{ kind: "CASH", title: "医疗费用缺口", target: 500_000 }];
  const needs = [];
  for (const [i, spec] of specs.entries()) {
    needs.push(
      await prisma.need.create({
        data: {
          caseId: c.id,
          kind: spec.kind ?? "CASH",
          title: spec.title ?? `需求${i + 1}`,
          unit: spec.unit ?? null,
          target: spec.target,
          committed: spec.committed ?? 0,
          delivered: spec.delivered ?? 0,
          status: spec.status ?? ((spec.committed ?? 0) >= spec.target ? "COVERED" : "OPEN"),
          sortOrder: i,
        },
      }),
    );
  }
  // What a line already has comes from commitments, as in the app: delivered ones, then promised ones.
  for (const [i, spec] of specs.entries()) {
    const need = needs[i]!;
    const delivered = spec.delivered ?? 0;
    const promised = (spec.committed ?? 0) - delivered;
    const base = { caseId: c.id, needId: need.id, source: "DIRECT_PLEDGE" as const, pledgerName: "测试认领人" };
    if (delivered > 0) await prisma.commitment.create({ data: { ...base, amount: delivered, status: "DELIVERED", confirmedAt: new Date(), deliveredAt: new Date() } });
    if (promised > 0) await prisma.commitment.create({ data: { ...base, amount: promised, status: "CONFIRMED", confirmedAt: new Date() } });
  }
  await ensureSystemAccounts(prisma);
  await ensureAccount(prisma, { code: caseAccount(c.caseNo), kind: "CASE", name: `个案 ${c.caseNo}`, caseId: c.id });
  let fund = null;
  if (opts.withFund !== false) {
    fund = await prisma.reliefFund.create({
      data: { name: `${county.name}救急难公益基金`, regionCode: county.code, description: "测试基金", scopeCategories: [], perCaseCapFen: 2_000_000, reviewThresholdFen: 500_000, advanceCapFen: 300_000 },
    });
    await ensureAccount(prisma, { code: fundAccount(fund.id), kind: "FUND", name: fund.name, fundId: fund.id });
  }
  return { county, c, needs, cashLine: needs.find((n) => n.kind === "CASH") ?? null, fund };
}

/** The ledger stays balanced: all entries sum to zero, and every cached balance equals its entries. */
/**
 * The sum of every entry (0 when every posting balanced) and the accounts whose cached balance is
 * not the sum of their entries — only among `codes` when given: other test files share the
 * worker's database, and some set balances directly.
 */
export async function expectLedgerBalanced(codes?: string[]) {
  const total = await prisma.ledgerEntry.aggregate({ _sum: { amountFen: true } });
  const drift = await prisma.$queryRaw<{ code: string }[]>`
    SELECT a."code" FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a."id"
     WHERE ${codes ?? null}::text[] IS NULL OR a."code" = ANY(${codes ?? null}::text[])
     GROUP BY a."id" HAVING a."balanceFen" <> COALESCE(SUM(e."amountFen"), 0)`;
  return { sum: total._sum.amountFen ?? 0, accountsOffCache: drift.map((d) => d.code) };
}
