// Rows and requests for the pledge, transfer, fund and ledger tests (tests/server/{pledges,
// transfer-pledges,funds,ledger-properties}.test.ts). Unique keys per call, like factories/index.ts.
import crypto from "node:crypto";
import type { NeedKind, OrganizationStatus } from "~/generated/prisma/client.ts";
import { caseAccount, DONORS_ACCOUNT, ensureAccount, ensureSystemAccounts, fundAccount, postLedgerTransaction } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createCase, responseOf, signedInRequest } from "./index.ts";

const unique = () => crypto.randomBytes(4).toString("hex");

export type LineSpec = { kind: NeedKind; title?: string; target: number; unit?: string };

/** A PUBLISHED case with its public face, need lines (in order) and its ledger account. */
export async function createPublishedCase(county: { code: string; officeId: string }, lines: LineSpec[], data: { status?: "PUBLISHED" | "VERIFIED" | "ACCEPTED" | "CLOSED" } = {}) {
  const row = await createCase(county, {
    status: data.status ?? "PUBLISHED",
    alias: "王女士",
    ageBand: "ADULT",
    publicTitle: "测试公开需求",
    publicStory: "一户家庭遭遇火灾，急需生活物资。",
    publishedAt: new Date(),
  });
  const needs = [];
  for (const [index, line] of lines.entries()) {
    needs.push(
      await prisma.need.create({
        data: { caseId: row.id, kind: line.kind, title: line.title ?? `${line.kind}-${index}`, unit: line.unit ?? (line.kind === "ITEM" ? "床" : line.kind === "SERVICE" ? "小时" : null), target: line.target, sortOrder: index },
      }),
    );
  }
  await ensureSystemAccounts(prisma);
  await ensureAccount(prisma, { code: caseAccount(row.caseNo), kind: "CASE", name: `${row.caseNo} 个案账户`, caseId: row.id });
  return { ...row, needs };
}

/** A relief fund of a region with `balanceFen` contributed (公共财政). */
export async function createFund(regionCode: string, balanceFen: number, overrides: { reviewThresholdFen?: number; perCaseCapFen?: number; advanceCapFen?: number } = {}) {
  const fund = await prisma.reliefFund.create({
    data: {
      name: `测试救急难公益基金${unique()}`,
      regionCode,
      description: "测试",
      scopeCategories: [],
      perCaseCapFen: overrides.perCaseCapFen ?? 2_000_000,
      reviewThresholdFen: overrides.reviewThresholdFen ?? 500_000,
      advanceCapFen: overrides.advanceCapFen ?? 300_000,
    },
  });
  await ensureSystemAccounts(prisma);
  await ensureAccount(prisma, { code: fundAccount(fund.id), kind: "FUND", name: fund.name, fundId: fund.id });
  if (balanceFen > 0) {
    await prisma.$transaction((tx) =>
      postLedgerTransaction(tx, {
        kind: "FUND_CONTRIBUTION",
        idempotencyKey: `test:contribution:${fund.id}`,
        memo: "测试出资",
        contributionSource: "PUBLIC_FINANCE",
        entries: [
          { accountCode: DONORS_ACCOUNT, amountFen: -balanceFen },
          { accountCode: fundAccount(fund.id), amountFen: balanceFen },
        ],
      }),
    );
  }
  return fund;
}

/** An organisation (VETTED unless told) with `memberIds` as members. */
export async function createOrganization(regionCode: string, memberIds: string[], status: OrganizationStatus = "VETTED") {
  return prisma.organization.create({
    data: {
      name: `测试慈善组织${unique()}`,
      kind: "CHARITY",
      creditCode: `T${unique()}${unique()}`.slice(0, 18).padEnd(18, "0"),
      status,
      regionCode,
      description: "测试",
      contactName: "联系人",
      contactPhone: "05570000000",
      members: { create: memberIds.map((userId) => ({ userId })) },
    },
  });
}

/** A random client address, so each test's public posts have their own rate-limit window. */
export const randomClient = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

/** POSTs a form to a route's action, as a visitor (from `client`) or signed in as `userId`. */
export async function postForm(handler: Handler, url: string, params: Record<string, string>, fields: Record<string, string>, opts: { userId?: string; client?: string } = {}) {
  const init: RequestInit = { method: "POST", body: new URLSearchParams(fields), headers: { "x-forwarded-for": opts.client ?? randomClient() } };
  const request = opts.userId ? await signedInRequest(opts.userId, url, init) : new Request(`http://localhost${url}`, init);
  return responseOf(() => handler({ request, params, context: {} }));
}

/** GETs a route's loader, as a visitor or signed in as `userId`. */
export async function getPage(handler: Handler, url: string, params: Record<string, string>, opts: { userId?: string } = {}) {
  const request = opts.userId ? await signedInRequest(opts.userId, url) : new Request(`http://localhost${url}`);
  return responseOf(() => handler({ request, params, context: {} }));
}

export const balanceOf = async (code: string) => (await prisma.ledgerAccount.findUnique({ where: { code } }))?.balanceFen ?? null;

/**
 * Every ledger transaction touching these accounts sums to zero, each account's cached balance
 * equals the sum of its entries, and none of the money-holding ones is below zero.
 */
export async function expectLedgerConsistent(codes: string[]) {
  const accounts = await prisma.ledgerAccount.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, kind: true, balanceFen: true } });
  const ids = accounts.map((a) => a.id);
  const unbalanced = await prisma.$queryRaw<{ id: string }[]>`
    SELECT e."transactionId" AS id FROM "LedgerEntry" e
     WHERE e."transactionId" IN (SELECT "transactionId" FROM "LedgerEntry" WHERE "accountId" = ANY(${ids}))
     GROUP BY 1 HAVING SUM(e."amountFen") <> 0`;
  const sums = await prisma.ledgerEntry.groupBy({ by: ["accountId"], where: { accountId: { in: ids } }, _sum: { amountFen: true } });
  const sumOf = new Map(sums.map((s) => [s.accountId, s._sum.amountFen ?? 0]));
  const drifted = accounts.filter((a) => a.balanceFen !== (sumOf.get(a.id) ?? 0)).map((a) => a.code);
  const negative = accounts.filter((a) => ["FUND", "PROJECT", "CASE"].includes(a.kind) && a.balanceFen < 0).map((a) => a.code);
  return { unbalanced, drifted, negative };
}
