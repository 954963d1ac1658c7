import { describe, expect, it } from "vitest";
import { action as overviewAction } from "~/routes/staff+/cases.$caseNo._index.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createCase, createCounty, createUser, responseOf, signedInRequest } from "../factories/index.ts";

async function setup(status: "REPORTED" | "ACCEPTED" | "PUBLISHED" = "REPORTED") {
  const county = await createCounty();
  const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });
  const c = await createCase(county, { status });
  return { county, staff, c };
}

async function post(userId: string, caseNo: string, fields: Record<string, string>) {
  const request = await signedInRequest(userId, `/staff/cases/${caseNo}`, { method: "POST", body: new URLSearchParams(fields) });
  return responseOf(() => overviewAction({ request, params: { caseNo }, context: {} }));
}

describe("case transitions from the overview tab", () => {
  it("accepts a reported case, stamps it and records who did it", async () => {
    const { staff, c } = await setup();
    const result = await post(staff.id, c.caseNo, { intent: "accept", version: "0" });
    expect(result.status).toBe(303);
    const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ status: "ACCEPTED", version: 1 });
    expect(after.acceptedAt).toBeInstanceOf(Date);
    const audit = await prisma.auditEvent.findMany({ where: { caseId: c.id, action: "case.accept" } });
    expect(audit).toEqual([expect.objectContaining({ actorId: staff.id, fromState: "REPORTED", toState: "ACCEPTED" })]);
  });

  it("gives one winner and one clear 409 when two staff act on the same version at once", async () => {
    const { staff, c } = await setup();
    const colleague = await createUser({ roles: ["STAFF"], scopeRegionCode: staff.scopeRegionCode });
    const results = await Promise.all([
      post(staff.id, c.caseNo, { intent: "accept", version: "0" }),
      post(colleague.id, c.caseNo, { intent: "reject", version: "0", reason: "不符合救助条件" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(loser?.data).toMatchObject({ formError: "errors.conflictBody" });
    const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.version).toBe(1);
    expect(await prisma.auditEvent.count({ where: { caseId: c.id, action: { in: ["case.accept", "case.reject"] } } })).toBe(1);
  });

  it("answers a stale form with 409 and changes nothing", async () => {
    const { staff, c } = await setup();
    await post(staff.id, c.caseNo, { intent: "accept", version: "0" });
    const stale = await post(staff.id, c.caseNo, { intent: "withdraw", version: "0", reason: "家属撤回申请" });
    expect(stale.status).toBe(409);
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("ACCEPTED");
  });

  it("requires a reason to reject, with a field message and nothing written", async () => {
    const { staff, c } = await setup();
    const result = await post(staff.id, c.caseNo, { intent: "reject", version: "0", reason: "  " });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ fieldErrors: { reason: ["validation.required"] } });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("REPORTED");
    expect(await prisma.auditEvent.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("refuses an event the current status does not allow with 422", async () => {
    const { staff, c } = await setup("PUBLISHED");
    const result = await post(staff.id, c.caseNo, { intent: "accept", version: "0" });
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ formError: "caseActions.transitionError.notAllowedFromStatus" });
  });

  it("refuses an unknown intent and another county's staff", async () => {
    const { staff, c } = await setup();
    expect((await post(staff.id, c.caseNo, { intent: "delete", version: "0" })).status).toBe(400);
    const other = await createCounty();
    const outsider = await createUser({ roles: ["STAFF"], scopeRegionCode: other.code });
    expect((await post(outsider.id, c.caseNo, { intent: "accept", version: "0" })).status).toBe(403);
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("REPORTED");
  });
});
