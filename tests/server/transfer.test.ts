import { describe, expect, it } from "vitest";
import { action as transferAction, loader as transferLoader } from "~/routes/staff+/cases.$caseNo.transfer.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createCase, createCounty, createUser, responseOf, signedInRequest } from "../factories/index.ts";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

const transfer = async (userId: string, caseNo: string, fields: Record<string, string>) =>
  responseOf(async () => transferAction(args(await signedInRequest(userId, `/staff/cases/${caseNo}/transfer`, { method: "POST", body: new URLSearchParams(fields) }), { caseNo })));

/** A county with its 民政局 (the case's first-contact owner) and a township station under it. */
async function setup() {
  const county = await createCounty();
  const township = `${county.code}101`;
  await prisma.region.create({ data: { code: township, name: "测试镇", level: "TOWNSHIP", parentCode: county.code, fullName: `${county.name} 测试镇` } });
  const station = await prisma.office.create({ data: { name: "测试镇社会救助服务站", regionCode: township } });
  const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });
  const someCase = await createCase(county, { status: "ACCEPTED", version: 2 });
  return { county, station, staff, someCase };
}

const writesOf = async (caseId: string) => ({
  transfers: await prisma.caseTransfer.count({ where: { caseId } }),
  audits: await prisma.auditEvent.count({ where: { caseId, action: "case.transfer" } }),
  row: await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { ownerOfficeId: true, version: true, regionCode: true, status: true } }),
});

describe("case transfer (首问负责制)", () => {
  it("moves the owner, bumps the version, writes the CaseTransfer row and the audit event, and shows the history", async () => {
    const { county, station, staff, someCase } = await setup();
    const elsewhere = await createCounty();

    const tab = await responseOf(async () => transferLoader(args(await signedInRequest(staff.id, `/staff/cases/${someCase.caseNo}/transfer`), { caseNo: someCase.caseNo })));
    expect(tab.status).toBe(200);
    expect(tab.data).toMatchObject({ owner: { id: county.officeId }, version: 2, canTransfer: true, transfers: [] });
    // Other test files may share the worker's database and county codes, so only what matters here:
    // the station is offered, the owner and offices of other counties are not.
    const offered = (tab.data as { offices: { id: string }[] }).offices.map((o) => o.id);
    expect(offered).toContain(station.id);
    expect(offered).not.toContain(county.officeId);
    expect(offered).not.toContain(elsewhere.officeId);

    const result = await transfer(staff.id, someCase.caseNo, { toOfficeId: station.id, reason: "受助人住在测试镇，由服务站跟进", version: "2" });
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe(`/staff/cases/${someCase.caseNo}/transfer`);

    const after = await writesOf(someCase.id);
    expect(after.row).toEqual({ ownerOfficeId: station.id, version: 3, regionCode: county.code, status: "ACCEPTED" });
    const row = await prisma.caseTransfer.findFirstOrThrow({ where: { caseId: someCase.id } });
    expect(row).toMatchObject({ fromOfficeId: county.officeId, toOfficeId: station.id, reason: "受助人住在测试镇，由服务站跟进", byUserId: staff.id });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: someCase.id, action: "case.transfer" } });
    expect(audit).toMatchObject({ actorId: staff.id, entityType: "Case", entityId: someCase.id, detail: { fromOfficeId: county.officeId, toOfficeId: station.id } });

    const history = await responseOf(async () => transferLoader(args(await signedInRequest(staff.id, `/staff/cases/${someCase.caseNo}/transfer`), { caseNo: someCase.caseNo })));
    expect(history.data).toMatchObject({
      owner: { id: station.id },
      transfers: [{ fromOffice: { name: `${county.name}民政局` }, toOffice: { name: "测试镇社会救助服务站" }, by: staff.displayName }],
    });
  });

  it("answers a transfer to the same office or without a reason with 400 and writes nothing", async () => {
    const { county, station, staff, someCase } = await setup();
    const before = await writesOf(someCase.id);

    const same = await transfer(staff.id, someCase.caseNo, { toOfficeId: county.officeId, reason: "重复", version: "2" });
    expect(same.status).toBe(400);
    expect(same.data).toMatchObject({ fieldErrors: { toOfficeId: ["transfer.errors.sameOffice"] } });

    const noReason = await transfer(staff.id, someCase.caseNo, { toOfficeId: station.id, reason: " ", version: "2" });
    expect(noReason.status).toBe(400);
    expect(noReason.data).toMatchObject({ fieldErrors: { reason: ["validation.required"] } });

    const unknown = await transfer(staff.id, someCase.caseNo, { toOfficeId: "no-such-office", reason: "测试", version: "2" });
    expect(unknown.status).toBe(400);
    expect(unknown.data).toMatchObject({ fieldErrors: { toOfficeId: ["transfer.errors.officeNotFound"] } });

    expect(await writesOf(someCase.id)).toEqual(before);
  });

  it("refuses to transfer a closed case (422) and an office outside the user's scope (422), writing nothing", async () => {
    const { station, staff, county } = await setup();
    const closed = await createCase(county, { status: "CLOSED", version: 6 });
    const refused = await transfer(staff.id, closed.caseNo, { toOfficeId: station.id, reason: "测试", version: "6" });
    expect(refused.status).toBe(422);
    expect(refused.data).toMatchObject({ formError: "transfer.errors.finalStatus" });
    expect(await writesOf(closed.id)).toMatchObject({ transfers: 0, audits: 0, row: { ownerOfficeId: county.officeId, version: 6 } });

    const open = await createCase(county, { status: "PUBLISHED" });
    const elsewhere = await createCounty();
    const outOfScope = await transfer(staff.id, open.caseNo, { toOfficeId: elsewhere.officeId, reason: "测试", version: "0" });
    expect(outOfScope.status).toBe(422);
    expect(outOfScope.data).toMatchObject({ fieldErrors: { toOfficeId: ["transfer.errors.officeOutOfScope"] } });
    expect(await writesOf(open.id)).toMatchObject({ transfers: 0, audits: 0, row: { ownerOfficeId: county.officeId, version: 0 } });
  });

  it("answers a stale version with 409, and two transfers of the same version get one success and one 409", async () => {
    const { county, station, staff, someCase } = await setup();
    const stale = await transfer(staff.id, someCase.caseNo, { toOfficeId: station.id, reason: "测试", version: "1" });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ formError: "errors.conflictBody" });

    const secondStation = await prisma.office.create({ data: { name: "第二服务站", regionCode: county.code } });
    const colleague = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code });
    const results = await Promise.all([
      transfer(staff.id, someCase.caseNo, { toOfficeId: station.id, reason: "甲", version: "2" }),
      transfer(colleague.id, someCase.caseNo, { toOfficeId: secondStation.id, reason: "乙", version: "2" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    const after = await writesOf(someCase.id);
    expect(after).toMatchObject({ transfers: 1, audits: 1, row: { version: 3 } });
    const row = await prisma.caseTransfer.findFirstOrThrow({ where: { caseId: someCase.id } });
    expect(after.row.ownerOfficeId).toBe(row.toOfficeId);
  });

  it("refuses another county's staff (403) and a read-only reviewer (403), writing nothing", async () => {
    const { station, someCase } = await setup();
    const elsewhere = await createCounty();
    const stranger = await createUser({ roles: ["STAFF"], scopeRegionCode: elsewhere.code });
    const reviewer = await createUser({ roles: ["REVIEWER"], scopeRegionCode: someCase.regionCode });
    const before = await writesOf(someCase.id);

    expect((await transfer(stranger.id, someCase.caseNo, { toOfficeId: station.id, reason: "测试", version: "2" })).status).toBe(403);
    const strangerTab = await responseOf(async () => transferLoader(args(await signedInRequest(stranger.id, `/staff/cases/${someCase.caseNo}/transfer`), { caseNo: someCase.caseNo })));
    expect(strangerTab.status).toBe(403);

    expect((await transfer(reviewer.id, someCase.caseNo, { toOfficeId: station.id, reason: "测试", version: "2" })).status).toBe(403);
    const reviewerTab = await responseOf(async () => transferLoader(args(await signedInRequest(reviewer.id, `/staff/cases/${someCase.caseNo}/transfer`), { caseNo: someCase.caseNo })));
    expect(reviewerTab.status).toBe(200);
    expect(reviewerTab.data).toMatchObject({ canWork: false, canTransfer: false });

    expect(await writesOf(someCase.id)).toEqual(before);
  });
});
