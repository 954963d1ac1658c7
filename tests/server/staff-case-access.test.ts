import { describe, expect, it } from "vitest";
import { loader as staffCaseLoader } from "~/routes/staff+/cases.$caseNo._index.tsx";
import { loader as queueLoader } from "~/routes/staff+/_index.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createCase, createCounty, createUser, responseOf, signedInRequest } from "../factories/index.ts";

const loaderArgs = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

describe("a case's private record is for staff of its region only", () => {
  it("gives a county's staff their own case, records the view, and refuses another county's case with 403", async () => {
    const xiaoXian = await createCounty("萧县");
    const zhangDian = await createCounty("张店区");
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: xiaoXian.code, officeId: xiaoXian.officeId });
    const ownCase = await createCase(xiaoXian);
    const otherCase = await createCase(zhangDian);

    const own = await responseOf(async () => staffCaseLoader(loaderArgs(await signedInRequest(staff.id, `/staff/cases/${ownCase.caseNo}`), { caseNo: ownCase.caseNo })));
    expect(own.status).toBe(200);
    const views = await prisma.auditEvent.count({ where: { caseId: ownCase.id, actorId: staff.id, action: "case.viewPersonalData" } });
    expect(views).toBe(1);

    const other = await responseOf(async () => staffCaseLoader(loaderArgs(await signedInRequest(staff.id, `/staff/cases/${otherCase.caseNo}`), { caseNo: otherCase.caseNo })));
    expect(other.status).toBe(403);
    const leaked = await prisma.auditEvent.count({ where: { caseId: otherCase.id } });
    expect(leaked).toBe(0);
  });

  it("answers an unknown case number with 404 and an anonymous visitor with a login redirect", async () => {
    const county = await createCounty();
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code });
    const unknown = await responseOf(async () => staffCaseLoader(loaderArgs(await signedInRequest(staff.id, "/staff/cases/JJN-NOPE"), { caseNo: "JJN-NOPE" })));
    expect(unknown.status).toBe(404);

    const someCase = await createCase(county);
    const anonymous = await responseOf(() => staffCaseLoader(loaderArgs(new Request(`http://localhost/staff/cases/${someCase.caseNo}`), { caseNo: someCase.caseNo })));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/staff/cases/${someCase.caseNo}`)}`);
  });

  it("refuses the staff desk to a donor", async () => {
    const donor = await createUser({ roles: ["DONOR"] });
    const result = await responseOf(async () => queueLoader(loaderArgs(await signedInRequest(donor.id, "/staff"))));
    expect(result.status).toBe(403);
  });

  it("lists only cases inside the staff member's scope on the queue", async () => {
    const mine = await createCounty();
    const theirs = await createCounty();
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: mine.code });
    const inScope = await createCase(mine);
    const outOfScope = await createCase(theirs);
    const result = await responseOf(async () => queueLoader(loaderArgs(await signedInRequest(staff.id, "/staff"))));
    const rows = (result.data as { rows: { caseNo: string }[] }).rows.map((r) => r.caseNo);
    expect(rows).toContain(inScope.caseNo);
    expect(rows).not.toContain(outOfScope.caseNo);
  });
});
