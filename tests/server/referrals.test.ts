import { describe, expect, it } from "vitest";
import { addDays } from "~/domain/iso-date.ts";
import { addWorkingDays } from "~/domain/working-days.ts";
import { action as referralsAction, loader as referralsLoader } from "~/routes/staff+/cases.$caseNo.referrals.tsx";
import { shanghaiDate } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { createCase, createCounty, createUser, responseOf, signedInRequest } from "../factories/index.ts";

type Answer = { formError?: string; fieldErrors: Record<string, string[]> };
type Tab = {
  defaultDueOn: string;
  isFinal: boolean;
  prefill: { department: string | null; programme: string | null };
  referrals: { id: string; status: string; version: number; dueOn: string; isOverdue: boolean; intents: string[]; result: string | null }[];
};

const today = () => shanghaiDate(new Date());

async function setUp(status: "VERIFIED" | "CLOSED" = "VERIFIED") {
  const county = await createCounty("萧县");
  const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });
  const record = await createCase(county, { status });
  return { county, staff, record };
}

const post = async (userId: string, caseNo: string, fields: Record<string, string>) => {
  const request = await signedInRequest(userId, `/staff/cases/${caseNo}/referrals`, { method: "POST", body: new URLSearchParams(fields) });
  return responseOf(() => referralsAction({ request, params: { caseNo }, context: {} }));
};

const load = async (userId: string, caseNo: string, query = "") => {
  const request = await signedInRequest(userId, `/staff/cases/${caseNo}/referrals${query}`);
  return responseOf(() => referralsLoader({ request, params: { caseNo }, context: {} }));
};

const createForm = (overrides: Record<string, string> = {}) => ({
  intent: "create",
  department: "MEDICAL_INSURANCE",
  request: "医疗救助“一站式”结算",
  dueOn: addWorkingDays(today(), 5),
  ...overrides,
});

describe("referrals (转介)", () => {
  it("creates a referral, then records accept and done with a result, each audited from → to", async () => {
    const { staff, record } = await setUp();
    const created = await post(staff.id, record.caseNo, createForm());
    expect(created.status).toBe(303);
    const referral = await prisma.referral.findFirstOrThrow({ where: { caseId: record.id } });
    expect(referral).toMatchObject({ department: "MEDICAL_INSURANCE", request: "医疗救助“一站式”结算", status: "SENT", version: 0, createdById: staff.id });
    expect(referral.dueOn.toISOString().slice(0, 10)).toBe(addWorkingDays(today(), 5));

    const accepted = await post(staff.id, record.caseNo, { intent: "accept", referralId: referral.id, version: "0" });
    expect(accepted.status).toBe(303);
    const done = await post(staff.id, record.caseNo, { intent: "done", referralId: referral.id, version: "1", result: "已“一站式”结算，医疗救助支付 1.2 万元。" });
    expect(done.status).toBe(303);

    const after = await prisma.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect(after).toMatchObject({ status: "DONE", version: 2, result: "已“一站式”结算，医疗救助支付 1.2 万元。" });
    expect(after.answeredAt).not.toBeNull();
    expect(after.doneAt).not.toBeNull();

    const audit = await prisma.auditEvent.findMany({ where: { entityType: "Referral", entityId: referral.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.fromState, a.toState, a.actorId])).toEqual([
      ["referral.create", null, "SENT", staff.id],
      ["referral.accept", "SENT", "ACCEPTED", staff.id],
      ["referral.done", "ACCEPTED", "DONE", staff.id],
    ]);
    expect(JSON.stringify(audit.map((a) => a.detail))).not.toContain("1.2 万元");
  });

  it("needs a result to decline (400) and writes nothing without one", async () => {
    const { staff, record } = await setUp();
    await post(staff.id, record.caseNo, createForm());
    const referral = await prisma.referral.findFirstOrThrow({ where: { caseId: record.id } });

    const refused = await post(staff.id, record.caseNo, { intent: "decline", referralId: referral.id, version: "0", result: "  " });
    expect(refused.status).toBe(400);
    expect((refused.data as Answer).fieldErrors).toEqual({ result: ["referrals.errors.resultRequired"] });
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({ status: "SENT", version: 0, result: null, answeredAt: null });
    expect(await prisma.auditEvent.count({ where: { entityId: referral.id, action: "referral.decline" } })).toBe(0);

    const declined = await post(staff.id, record.caseNo, { intent: "decline", referralId: referral.id, version: "0", result: "不属于本部门职责范围" });
    expect(declined.status).toBe(303);
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({ status: "DECLINED", result: "不属于本部门职责范围" });
  });

  it("refuses done straight from SENT (422), a stale version (409) and an unknown referral (404)", async () => {
    const { staff, record } = await setUp();
    await post(staff.id, record.caseNo, createForm());
    const referral = await prisma.referral.findFirstOrThrow({ where: { caseId: record.id } });

    const notAllowed = await post(staff.id, record.caseNo, { intent: "done", referralId: referral.id, version: "0", result: "已办结" });
    expect(notAllowed.status).toBe(422);
    expect((notAllowed.data as Answer).formError).toBe("referrals.errors.notAllowedFromStatus");

    const stale = await post(staff.id, record.caseNo, { intent: "accept", referralId: referral.id, version: "5" });
    expect(stale.status).toBe(409);
    const unknown = await post(staff.id, record.caseNo, { intent: "accept", referralId: "nope", version: "0" });
    expect(unknown.status).toBe(404);

    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({ status: "SENT", version: 0, result: null });
    expect(await prisma.auditEvent.count({ where: { entityId: referral.id } })).toBe(1);
  });

  it("lets only one of two simultaneous answers to the same version through", async () => {
    const { staff, record } = await setUp();
    await post(staff.id, record.caseNo, createForm());
    const referral = await prisma.referral.findFirstOrThrow({ where: { caseId: record.id } });
    const results = await Promise.all([
      post(staff.id, record.caseNo, { intent: "accept", referralId: referral.id, version: "0" }),
      post(staff.id, record.caseNo, { intent: "decline", referralId: referral.id, version: "0", result: "人手不足" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).version).toBe(1);
  });

  it("validates the new-referral form: department and request required, due date not in the past (400, nothing written)", async () => {
    const { staff, record } = await setUp();
    const missing = await post(staff.id, record.caseNo, createForm({ department: "", request: "" }));
    expect(missing.status).toBe(400);
    expect((missing.data as Answer).fieldErrors).toMatchObject({ department: ["validation.required"], request: ["validation.required"] });
    const past = await post(staff.id, record.caseNo, createForm({ dueOn: addDays(today(), -1) }));
    expect(past.status).toBe(400);
    expect((past.data as Answer).fieldErrors).toEqual({ dueOn: ["referrals.errors.dueInPast"] });
    const sameDay = await post(staff.id, record.caseNo, createForm({ dueOn: today() }));
    expect(sameDay.status).toBe(303);
    expect(await prisma.referral.count({ where: { caseId: record.id } })).toBe(1);
  });

  it("flags open referrals past their due date as overdue, not finished ones", async () => {
    const { staff, record } = await setUp();
    const yesterday = new Date(`${addDays(today(), -1)}T00:00:00Z`);
    const base = { caseId: record.id, department: "EDUCATION" as const, request: "协助申请教育救助", createdById: staff.id };
    const late = await prisma.referral.create({ data: { ...base, dueOn: yesterday } });
    const lateAccepted = await prisma.referral.create({ data: { ...base, dueOn: yesterday, status: "ACCEPTED" } });
    const finished = await prisma.referral.create({ data: { ...base, dueOn: yesterday, status: "DONE", result: "已办结" } });
    const onTime = await prisma.referral.create({ data: { ...base, dueOn: new Date(`${today()}T00:00:00Z`) } });

    const result = await load(staff.id, record.caseNo);
    expect(result.status).toBe(200);
    const tab = result.data as Tab;
    const byId = new Map(tab.referrals.map((r) => [r.id, r]));
    expect(byId.get(late.id)).toMatchObject({ isOverdue: true, intents: ["accept", "decline"] });
    expect(byId.get(lateAccepted.id)).toMatchObject({ isOverdue: true, intents: ["done", "decline"] });
    expect(byId.get(finished.id)).toMatchObject({ isOverdue: false, intents: [] });
    expect(byId.get(onTime.id)).toMatchObject({ isOverdue: false });
    expect(tab.defaultDueOn).toBe(addWorkingDays(today(), 5));
  });

  it("prefills the form from a missed-aid link and ignores unknown values", async () => {
    const { staff, record } = await setUp();
    const linked = (await load(staff.id, record.caseNo, "?department=MEDICAL_INSURANCE&programme=MEDICAL_AID")).data as Tab;
    expect(linked.prefill).toEqual({ department: "MEDICAL_INSURANCE", programme: "MEDICAL_AID" });
    const junk = (await load(staff.id, record.caseNo, "?department=POLICE&programme=<script>")).data as Tab;
    expect(junk.prefill).toEqual({ department: null, programme: null });
  });

  it("takes the region's calendar into account for the default due date", async () => {
    const { county, staff, record } = await setUp();
    // Close every day of the next two weeks in this county: the fifth working day moves past them.
    const closed = Array.from({ length: 14 }, (_, i) => addDays(today(), i + 1));
    await prisma.calendarDay.createMany({ data: closed.map((date) => ({ regionCode: county.code, date: new Date(`${date}T00:00:00Z`), isWorkingDay: false, name: "测试停办" })) });
    const tab = (await load(staff.id, record.caseNo)).data as Tab;
    expect(tab.defaultDueOn > closed[closed.length - 1]!).toBe(true);
    expect(tab.defaultDueOn).toBe(addWorkingDays(today(), 5, { holidays: closed, workdays: [] }));
  });

  it("refuses another county's staff (403), a reviewer without case work (403) and a closed case (422)", async () => {
    const { staff, record } = await setUp();
    const otherCounty = await createCounty("张店区");
    const outsider = await createUser({ roles: ["STAFF"], scopeRegionCode: otherCounty.code });
    expect((await load(outsider.id, record.caseNo)).status).toBe(403);
    expect((await post(outsider.id, record.caseNo, createForm())).status).toBe(403);
    const reviewer = await createUser({ roles: ["REVIEWER"], scopeRegionCode: record.regionCode });
    expect((await post(reviewer.id, record.caseNo, createForm())).status).toBe(403);
    expect(await prisma.referral.count({ where: { caseId: record.id } })).toBe(0);

    const closedCase = await createCase({ code: record.regionCode, officeId: record.ownerOfficeId }, { status: "CLOSED" });
    const refused = await post(staff.id, closedCase.caseNo, createForm());
    expect(refused.status).toBe(422);
    expect((refused.data as Answer).formError).toBe("referrals.errors.caseFinal");
    expect(await prisma.referral.count({ where: { caseId: closedCase.id } })).toBe(0);
    expect(((await load(staff.id, closedCase.caseNo)).data as Tab).isFinal).toBe(true);
  });
});
