import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { action as complaintAction } from "~/routes/_public+/complaints.new.tsx";
import { action as handleAction, loader as complaintLoader } from "~/routes/staff+/complaints.$complaintNo.tsx";
import { loader as queueLoader } from "~/routes/staff+/complaints._index.tsx";
import { prisma } from "~/utils/db.server.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { createCase, createCounty, createUser, responseOf, signedInRequest } from "../factories/index.ts";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
/** Each test posts from its own address, so the rate limit of one test never touches another. */
const newIp = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
const postComplaint = (fields: Record<string, string>, ip: string) =>
  new Request("http://localhost/complaints/new", { method: "POST", body: new URLSearchParams(fields), headers: { "X-Forwarded-For": ip } });
const valid = { subject: "救助金迟迟未发放", content: "村里一户人家申请临时救助两个月了，至今没有消息。" };
const counterName = () => `complaint:${shanghaiDate(new Date()).slice(0, 4)}`;
const counterValue = async () => (await prisma.counter.findUnique({ where: { name: counterName() } }))?.value ?? 0;

type Answer = { isSent: boolean; complaintNo: string | null; formError?: string; fieldErrors: Record<string, string[]> };

async function fileComplaint(fields: Record<string, string> = valid) {
  const result = await responseOf(() => complaintAction(args(postComplaint(fields, newIp()))));
  expect(result.status).toBe(200);
  const complaintNo = (result.data as Answer).complaintNo!;
  return prisma.complaint.findUniqueOrThrow({ where: { complaintNo } });
}

describe("the public complaint form", () => {
  it("files a complaint with the next JB-<year>-NNNN number, linked to the named case and organisation, and audits it", async () => {
    const county = await createCounty();
    const someCase = await createCase(county);
    const organization = await prisma.organization.create({
      data: { name: "测试慈善会", kind: "CHARITY", creditCode: `T${crypto.randomBytes(8).toString("hex")}`, status: "VETTED", regionCode: county.code, description: "测试", contactName: "王", contactPhone: "0557-1234567" },
    });

    const first = await responseOf(() => complaintAction(args(postComplaint({
      ...valid, caseNo: ` ${someCase.caseNo} `, organizationId: organization.id, contactName: "李先生", contactPhone: "139 1234 5678",
    }, newIp()))));
    expect(first.status).toBe(200);
    const answer = first.data as Answer;
    expect(answer.isSent).toBe(true);
    const year = shanghaiDate(new Date()).slice(0, 4);
    expect(answer.complaintNo).toMatch(new RegExp(`^JB-${year}-\\d{4}$`));
    expect(Number(answer.complaintNo!.slice(-4))).toBe(await counterValue());

    const saved = await prisma.complaint.findUniqueOrThrow({ where: { complaintNo: answer.complaintNo! } });
    expect(saved).toMatchObject({ caseId: someCase.id, organizationId: organization.id, status: "RECEIVED", contactName: "李先生", contactPhone: "139 1234 5678" });
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "Complaint", entityId: saved.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "complaint.create", actorId: null, caseId: someCase.id, toState: "RECEIVED" });
    expect(JSON.stringify(audit[0]!.detail)).not.toContain("李先生");
    expect(JSON.stringify(audit[0]!.detail)).not.toContain("1234");

    const second = await fileComplaint();
    expect(Number(second.complaintNo.slice(-4))).toBe(Number(answer.complaintNo!.slice(-4)) + 1);
    expect(second).toMatchObject({ caseId: null, organizationId: null, contactName: null, contactPhone: null });
  });

  it("pretends success to a filled honeypot and writes nothing", async () => {
    const [complaints, audits, counter] = [await prisma.complaint.count(), await prisma.auditEvent.count(), await counterValue()];
    const result = await responseOf(() => complaintAction(args(postComplaint({ ...valid, website: "http://spam.example" }, newIp()))));
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ isSent: true, complaintNo: null });
    expect(await prisma.complaint.count()).toBe(complaints);
    expect(await prisma.auditEvent.count()).toBe(audits);
    expect(await counterValue()).toBe(counter);
  });

  it("answers an unknown case number with 400 on the field and writes nothing, not even a number", async () => {
    const [complaints, audits, counter] = [await prisma.complaint.count(), await prisma.auditEvent.count(), await counterValue()];
    const result = await responseOf(() => complaintAction(args(postComplaint({ ...valid, caseNo: "JJN-000000-2026-9999" }, newIp()))));
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ isSent: false, fieldErrors: { caseNo: ["complaints.errors.caseNotFound"] }, values: { caseNo: "JJN-000000-2026-9999" } });
    expect(await prisma.complaint.count()).toBe(complaints);
    expect(await prisma.auditEvent.count()).toBe(audits);
    expect(await counterValue()).toBe(counter);
  });

  it("answers bad input with field messages and 400: missing fields, too long, bad phone, an organisation that is not vetted", async () => {
    const county = await createCounty();
    const pending = await prisma.organization.create({
      data: { name: "待审机构", kind: "ENTERPRISE", creditCode: `T${crypto.randomBytes(8).toString("hex")}`, regionCode: county.code, description: "测试", contactName: "王", contactPhone: "0557-1234567" },
    });
    const before = await prisma.complaint.count();
    const missing = await responseOf(() => complaintAction(args(postComplaint({ subject: " ", content: "x".repeat(2001), contactPhone: "abc" }, newIp()))));
    expect(missing.status).toBe(400);
    expect(missing.data).toMatchObject({
      fieldErrors: { subject: ["validation.required"], content: [expect.stringMatching(/^validation.tooLong/)], contactPhone: ["complaints.errors.phone"] },
    });
    const notVetted = await responseOf(() => complaintAction(args(postComplaint({ ...valid, organizationId: pending.id }, newIp()))));
    expect(notVetted.status).toBe(400);
    expect(notVetted.data).toMatchObject({ fieldErrors: { organizationId: ["complaints.errors.organizationNotFound"] } });
    expect(await prisma.complaint.count()).toBe(before);
  });

  it("takes five complaints an hour from one address and answers the sixth with 429, writing nothing", async () => {
    const ip = newIp();
    const before = await prisma.complaint.count();
    for (let i = 0; i < 5; i++) {
      const ok = await responseOf(() => complaintAction(args(postComplaint(valid, ip))));
      expect(ok.status).toBe(200);
    }
    const [audits, counter] = [await prisma.auditEvent.count(), await counterValue()];
    const limited = await responseOf(() => complaintAction(args(postComplaint(valid, ip))));
    expect(limited.status).toBe(429);
    expect(limited.data).toMatchObject({ isSent: false, formError: "complaints.rateLimited", values: { subject: valid.subject } });
    expect(await prisma.complaint.count()).toBe(before + 5);
    expect(await prisma.auditEvent.count()).toBe(audits);
    expect(await counterValue()).toBe(counter);

    const otherAddress = await responseOf(() => complaintAction(args(postComplaint(valid, newIp()))));
    expect(otherAddress.status).toBe(200);
  });
});

describe("staff handling of complaints", () => {
  const handle = async (userId: string, complaintNo: string, fields: Record<string, string>) =>
    responseOf(async () => handleAction(args(await signedInRequest(userId, `/staff/complaints/${complaintNo}`, { method: "POST", body: new URLSearchParams(fields) }), { complaintNo })));

  it("starts, then resolves with a reply; each step is a compare-and-set with its audit event", async () => {
    const county = await createCounty();
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code });
    const complaint = await fileComplaint({ ...valid, caseNo: (await createCase(county)).caseNo, contactName: "赵女士" });

    const started = await handle(staff.id, complaint.complaintNo, { intent: "start", expectedStatus: "RECEIVED" });
    expect(started.status).toBe(303);
    expect(await prisma.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).toMatchObject({ status: "HANDLING", handledById: staff.id, reply: null });

    const noReply = await handle(staff.id, complaint.complaintNo, { intent: "resolve", expectedStatus: "HANDLING", reply: "  " });
    expect(noReply.status).toBe(400);
    expect(noReply.data).toMatchObject({ fieldErrors: { reply: ["complaints.errors.replyRequired"] } });
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).status).toBe("HANDLING");

    const resolved = await handle(staff.id, complaint.complaintNo, { intent: "resolve", expectedStatus: "HANDLING", reply: "经核查，救助金已于本周发放。" });
    expect(resolved.status).toBe(303);
    expect(await prisma.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).toMatchObject({ status: "RESOLVED", reply: "经核查，救助金已于本周发放。" });

    const trail = await prisma.auditEvent.findMany({ where: { entityType: "Complaint", entityId: complaint.id }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.action, e.actorId, e.fromState, e.toState])).toEqual([
      ["complaint.create", null, null, "RECEIVED"],
      ["complaint.start", staff.id, "RECEIVED", "HANDLING"],
      ["complaint.resolve", staff.id, "HANDLING", "RESOLVED"],
    ]);
    expect(trail.every((e) => e.caseId === complaint.caseId)).toBe(true);

    // The page shows the contact to staff, and that view is recorded.
    const page = await responseOf(async () => complaintLoader(args(await signedInRequest(staff.id, `/staff/complaints/${complaint.complaintNo}`), { complaintNo: complaint.complaintNo })));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ complaint: { contactName: "赵女士", status: "RESOLVED" }, intents: [] });
    expect(await prisma.auditEvent.count({ where: { entityId: complaint.id, action: "complaint.viewContact", actorId: staff.id } })).toBe(1);
  });

  it("refuses a step the status does not allow with 422 and a stale page with 409, changing nothing", async () => {
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: null });
    const complaint = await fileComplaint();
    expect((await handle(staff.id, complaint.complaintNo, { intent: "dismiss", expectedStatus: "RECEIVED", reply: "查无实据。" })).status).toBe(303);
    const auditsBefore = await prisma.auditEvent.count({ where: { entityId: complaint.id } });

    const again = await handle(staff.id, complaint.complaintNo, { intent: "start", expectedStatus: "DISMISSED" });
    expect(again.status).toBe(422);
    expect(again.data).toMatchObject({ formError: "complaints.errors.notAllowedFromStatus" });

    const stale = await handle(staff.id, complaint.complaintNo, { intent: "resolve", expectedStatus: "RECEIVED", reply: "已办结。" });
    expect(stale.status).toBe(409);

    const badIntent = await handle(staff.id, complaint.complaintNo, { intent: "delete", expectedStatus: "DISMISSED" });
    expect(badIntent.status).toBe(400);

    expect(await prisma.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).toMatchObject({ status: "DISMISSED", reply: "查无实据。" });
    expect(await prisma.auditEvent.count({ where: { entityId: complaint.id } })).toBe(auditsBefore);
  });

  it("two staff starting the same complaint at once: one succeeds, the other gets 409", async () => {
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: null });
    const other = await createUser({ roles: ["STAFF"], scopeRegionCode: null });
    const complaint = await fileComplaint();
    const results = await Promise.all([
      handle(staff.id, complaint.complaintNo, { intent: "start", expectedStatus: "RECEIVED" }),
      handle(other.id, complaint.complaintNo, { intent: "start", expectedStatus: "RECEIVED" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    expect(await prisma.auditEvent.count({ where: { entityId: complaint.id, action: "complaint.start" } })).toBe(1);
  });

  it("hides a complaint about another county's case from the list, the page and the form; general ones are for all staff", async () => {
    const mine = await createCounty();
    const theirs = await createCounty();
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: mine.code });
    const nationwide = await createUser({ roles: ["STAFF"], scopeRegionCode: null });
    const own = await fileComplaint({ ...valid, caseNo: (await createCase(mine)).caseNo });
    const hidden = await fileComplaint({ ...valid, caseNo: (await createCase(theirs)).caseNo });
    const general = await fileComplaint();

    const listed = async (userId: string) => {
      const result = await responseOf(async () => queueLoader(args(await signedInRequest(userId, "/staff/complaints?status=RECEIVED"))));
      expect(result.status).toBe(200);
      return (result.data as { rows: { complaintNo: string }[] }).rows.map((r) => r.complaintNo);
    };
    const mineListed = await listed(staff.id);
    expect(mineListed).toEqual(expect.arrayContaining([own.complaintNo, general.complaintNo]));
    expect(mineListed).not.toContain(hidden.complaintNo);
    expect(await listed(nationwide.id)).toEqual(expect.arrayContaining([own.complaintNo, general.complaintNo, hidden.complaintNo]));

    const page = await responseOf(async () => complaintLoader(args(await signedInRequest(staff.id, `/staff/complaints/${hidden.complaintNo}`), { complaintNo: hidden.complaintNo })));
    expect(page.status).toBe(404);
    const handled = await handle(staff.id, hidden.complaintNo, { intent: "start", expectedStatus: "RECEIVED" });
    expect(handled.status).toBe(404);
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: hidden.id } })).status).toBe("RECEIVED");
    expect(await prisma.auditEvent.count({ where: { entityId: hidden.id, actorId: staff.id } })).toBe(0);
  });

  it("lists newest first, filters by status, and refuses the queue to a donor", async () => {
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: null });
    const older = await fileComplaint();
    const newer = await fileComplaint();
    const result = await responseOf(async () => queueLoader(args(await signedInRequest(staff.id, "/staff/complaints?status=RECEIVED"))));
    const rows = (result.data as { rows: { complaintNo: string; status: string }[] }).rows;
    expect(rows.every((r) => r.status === "RECEIVED")).toBe(true);
    const numbers = rows.map((r) => r.complaintNo);
    expect(numbers.indexOf(newer.complaintNo)).toBeLessThan(numbers.indexOf(older.complaintNo));

    const donor = await createUser({ roles: ["DONOR"] });
    expect((await responseOf(async () => queueLoader(args(await signedInRequest(donor.id, "/staff/complaints"))))).status).toBe(403);
  });
});
