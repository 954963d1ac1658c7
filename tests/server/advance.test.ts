import { describe, expect, it } from "vitest";
import { addDays } from "~/domain/iso-date.ts";
import { verificationDueDateAfterAdvance } from "~/domain/working-days.ts";
import { caseAccount, fundAccount } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { action as advanceAction, loader as advanceLoader } from "~/routes/staff+/cases.$caseNo.advance.tsx";
import { prisma } from "~/utils/db.server.ts";
import { isoDateOf, shanghaiDate } from "~/utils/dates.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { createCase, createCounty, createUser, responseOf, signedInRequest } from "../factories/index.ts";
import { createFund } from "../factories/pledges.ts";

/** The advance cap of a fund made by createFund. */
const CAP_FEN = 300_000;
const today = () => shanghaiDate(new Date());

async function setup(options: { balanceFen?: number; status?: "ACCEPTED" | "VERIFIED" } = {}) {
  const county = await createCounty();
  const fund = await createFund(county.code, options.balanceFen ?? 10_000_000);
  const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });
  const c = await createCase(county, { status: options.status ?? "ACCEPTED" });
  const idNumberHash = piiCrypto().hashIdNumber(`test-${c.id}`);
  await prisma.beneficiary.update({ where: { caseId: c.id }, data: { idNumberHash } });
  return { county, fund, staff, c, idNumberHash };
}

async function post(userId: string, caseNo: string, fields: Record<string, string>) {
  const request = await signedInRequest(userId, `/staff/cases/${caseNo}/advance`, { method: "POST", body: new URLSearchParams(fields) });
  return responseOf(() => advanceAction({ request, params: { caseNo }, context: {} }));
}

async function load(userId: string, caseNo: string) {
  const request = await signedInRequest(userId, `/staff/cases/${caseNo}/advance`);
  return responseOf(() => advanceLoader({ request, params: { caseNo }, context: {} }));
}

const balanceOf = async (code: string) => (await prisma.ledgerAccount.findUnique({ where: { code } }))?.balanceFen ?? null;

/** Nothing of an advance was written: no grant, no posting, no record, no audit, case untouched. */
async function expectNothingWritten(c: { id: string; caseNo: string }, fundId: string, fundBalance: number) {
  expect(await prisma.fundGrant.count({ where: { caseId: c.id } })).toBe(0);
  expect(await balanceOf(fundAccount(fundId))).toBe(fundBalance);
  expect(await prisma.ledgerAccount.findUnique({ where: { code: caseAccount(c.caseNo) } })).toBeNull();
  expect(await prisma.assistanceRecord.count({ where: { caseId: c.id } })).toBe(0);
  expect(await prisma.auditEvent.count({ where: { caseId: c.id } })).toBe(0);
  const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
  expect(after.version).toBe(0);
  expect(after.verificationDueOn).toBeNull();
}

describe("先行救助 (emergency advance) from the region's fund", () => {
  it("pays an advance within the cap: balanced ledger, grant POSTED by one person, verification due in 10 working days, still ACCEPTED", async () => {
    const { fund, staff, c, idNumberHash } = await setup();
    const result = await post(staff.id, c.caseNo, { version: "0", amount: "1500.50", purpose: "住院押金" });
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe(`/staff/cases/${c.caseNo}/advance`);

    expect(await balanceOf(fundAccount(fund.id))).toBe(10_000_000 - 150_050);
    expect(await balanceOf(caseAccount(c.caseNo))).toBe(150_050);
    const caseAccountRow = await prisma.ledgerAccount.findUniqueOrThrow({ where: { code: caseAccount(c.caseNo) } });
    expect(caseAccountRow).toMatchObject({ kind: "CASE", caseId: c.id });

    const grant = await prisma.fundGrant.findFirstOrThrow({ where: { caseId: c.id }, include: { transaction: { include: { entries: true } } } });
    expect(grant).toMatchObject({ fundId: fund.id, amountFen: 150_050, isAdvance: true, status: "POSTED", requestedById: staff.id, reviewedById: staff.id, purpose: "住院押金" });
    expect(grant.transaction).toMatchObject({ kind: "GRANT", idempotencyKey: `grant:${grant.id}` });
    const entries = grant.transaction!.entries;
    expect(entries).toHaveLength(2);
    expect(entries.reduce((sum, e) => sum + e.amountFen, 0)).toBe(0);
    expect(grant.transaction!.memo).not.toContain("住院押金");

    const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ status: "ACCEPTED", version: 1, acceptedAt: c.acceptedAt });
    expect(isoDateOf(after.verificationDueOn!)).toBe(verificationDueDateAfterAdvance(today()));

    expect(await prisma.assistanceRecord.findMany({ where: { caseId: c.id } })).toEqual([
      expect.objectContaining({ idNumberHash, programme: "JIUJINAN", amountFen: 150_050, endedOn: expect.any(Date) }),
    ]);
    const audit = await prisma.auditEvent.findMany({ where: { caseId: c.id, action: "case.advance" } });
    expect(audit).toEqual([expect.objectContaining({ actorId: staff.id, fromState: "ACCEPTED", toState: "ACCEPTED" })]);
    expect(audit[0]!.detail).toMatchObject({ grantId: grant.id, fundId: fund.id, amountFen: 150_050 });

    // The tab shows the fund, the cap left and this advance.
    const page = await load(staff.id, c.caseNo);
    expect(page.data).toMatchObject({
      canAdvance: true,
      usedFen: 150_050,
      caseBalanceFen: 150_050,
      fund: { id: fund.id, balanceFen: 10_000_000 - 150_050, advanceCapFen: CAP_FEN, leftFen: CAP_FEN - 150_050 },
      advances: [expect.objectContaining({ amountFen: 150_050, status: "POSTED", requestedBy: staff.displayName })],
    });
  });

  it("refuses an amount above the cap with a field message (400) and writes nothing", async () => {
    const { fund, staff, c } = await setup();
    const result = await post(staff.id, c.caseNo, { version: "0", amount: "3000.01", purpose: "住院押金" });
    expect(result.status).toBe(400);
    expect((result.data as { fieldErrors: { amount: string[] } }).fieldErrors.amount[0]).toMatch(/^casework\.advance\.overCap\|/);
    await expectNothingWritten(c, fund.id, 10_000_000);
  });

  it("counts earlier advances of the case against the cap", async () => {
    const { fund, staff, c } = await setup();
    expect((await post(staff.id, c.caseNo, { version: "0", amount: "2000", purpose: "住院押金" })).status).toBe(303);
    const over = await post(staff.id, c.caseNo, { version: "1", amount: "1000.01", purpose: "临时生活费" });
    expect(over.status).toBe(400);
    expect((over.data as { fieldErrors: { amount: string[] } }).fieldErrors.amount[0]).toContain("¥1,000.00");
    expect((await post(staff.id, c.caseNo, { version: "1", amount: "1000", purpose: "临时生活费" })).status).toBe(303);
    expect(await balanceOf(fundAccount(fund.id))).toBe(10_000_000 - CAP_FEN);
    expect(await prisma.fundGrant.count({ where: { caseId: c.id } })).toBe(2);
  });

  it("keeps an earlier verification due date instead of moving it later", async () => {
    const { staff, c } = await setup();
    const earlier = addDays(today(), 2);
    await prisma.case.update({ where: { id: c.id }, data: { verificationDueOn: new Date(`${earlier}T00:00:00.000Z`) } });
    expect((await post(staff.id, c.caseNo, { version: "0", amount: "100", purpose: "临时生活费" })).status).toBe(303);
    expect(isoDateOf((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).verificationDueOn!)).toBe(earlier);
  });

  it("answers a fund with too little money with 422 and leaves the fund balance unchanged", async () => {
    const { fund, staff, c } = await setup({ balanceFen: 50_000 });
    const result = await post(staff.id, c.caseNo, { version: "0", amount: "1000", purpose: "住院押金" });
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ formError: "caseActions.insufficientBalance" });
    await expectNothingWritten(c, fund.id, 50_000);
  });

  it("refuses an advance from VERIFIED with 422 (notAllowedFromStatus)", async () => {
    const { fund, staff, c } = await setup({ status: "VERIFIED" });
    const result = await post(staff.id, c.caseNo, { version: "0", amount: "100", purpose: "住院押金" });
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ formError: "caseActions.transitionError.notAllowedFromStatus" });
    await expectNothingWritten(c, fund.id, 10_000_000);
    expect((await load(staff.id, c.caseNo)).data).toMatchObject({ canAdvance: false });
  });

  it.each([
    ["a zero amount", { amount: "0" }, "amount", "validation.amountPositive"],
    ["a negative amount", { amount: "-5" }, "amount", "validation.amountPositive"],
    ["a malformed amount", { amount: "1,000" }, "amount", "validation.amountFormat"],
    ["no purpose", { purpose: "" }, "purpose", "validation.required"],
  ])("answers %s with 400 and writes nothing", async (_label, override, field, message) => {
    const { fund, staff, c } = await setup();
    const result = await post(staff.id, c.caseNo, { version: "0", amount: "100", purpose: "住院押金", ...override });
    expect(result.status).toBe(400);
    expect((result.data as { fieldErrors: Record<string, string[]> }).fieldErrors[field]).toEqual([message]);
    await expectNothingWritten(c, fund.id, 10_000_000);
  });

  it("answers a stale version with 409, and staff of another county with 403", async () => {
    const { fund, staff, c } = await setup();
    expect((await post(staff.id, c.caseNo, { version: "7", amount: "100", purpose: "住院押金" })).status).toBe(409);
    const other = await createCounty();
    const stranger = await createUser({ roles: ["STAFF"], scopeRegionCode: other.code });
    expect((await post(stranger.id, c.caseNo, { version: "0", amount: "100", purpose: "住院押金" })).status).toBe(403);
    expect((await load(stranger.id, c.caseNo)).status).toBe(403);
    await expectNothingWritten(c, fund.id, 10_000_000);
  });

  it("draws on the nearest fund: a township's own fund before its county's", async () => {
    const county = await createCounty();
    const countyFund = await createFund(county.code, 1_000_000);
    const townCode = `${county.code}100`;
    await prisma.region.create({ data: { code: townCode, name: "测试镇", level: "TOWNSHIP", parentCode: county.code, fullName: `${county.name} 测试镇` } });
    const townFund = await createFund(townCode, 1_000_000, { advanceCapFen: 100_000 });
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code });
    const c = await createCase({ code: townCode, officeId: county.officeId }, { status: "ACCEPTED" });
    expect((await load(staff.id, c.caseNo)).data).toMatchObject({ fund: { id: townFund.id, advanceCapFen: 100_000 } });
    expect((await post(staff.id, c.caseNo, { version: "0", amount: "500", purpose: "临时生活费" })).status).toBe(303);
    expect(await balanceOf(fundAccount(townFund.id))).toBe(950_000);
    expect(await balanceOf(fundAccount(countyFund.id))).toBe(1_000_000);
    // No ID number on file: no assistance record can be keyed, the grant still stands.
    expect(await prisma.assistanceRecord.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("never lets an advance exceed the fund's review threshold without a second person", async () => {
    const county = await createCounty();
    const fund = await createFund(county.code, 1_000_000, { advanceCapFen: 500_000, reviewThresholdFen: 200_000 });
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code });
    const c = await createCase(county, { status: "ACCEPTED" });
    const result = await post(staff.id, c.caseNo, { version: "0", amount: "2500", purpose: "住院押金" });
    expect(result.status).toBe(400);
    await expectNothingWritten(c, fund.id, 1_000_000);
  });
});
