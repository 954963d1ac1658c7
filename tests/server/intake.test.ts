import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "~/domain/id-number.ts";
import { recordIntake, type IntakeInput } from "~/modules/intake/record-intake.server.ts";
import { checkRateLimit } from "~/modules/rate-limit/check-rate-limit.server.ts";
import { action as reportAction, loader as reportLoader } from "~/routes/_public+/report.tsx";
import { action as newCaseAction, loader as newCaseLoader } from "~/routes/staff+/cases.new.tsx";
import { isoDateOf } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { createCounty, createUser, responseOf, signedInRequest } from "../factories/index.ts";

const args = (request: Request) => ({ request, params: {}, context: {} });

/** A township of the county with no office of its own, under a code no other test uses. */
async function createTownship(county: { code: string }, name = "测试镇") {
  const code = `${county.code}${String(100 + crypto.randomInt(900))}`;
  await prisma.region.upsert({ where: { code }, update: {}, create: { code, name, level: "TOWNSHIP", parentCode: county.code, fullName: `${county.code} ${name}` } });
  return code;
}

async function staffOf(county: { code: string; officeId: string }) {
  return createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });
}

const validIdNumber = (prefix17 = "34132219800101123") => `${prefix17}${idNumberCheckChar(prefix17)}`;

const staffFields = (region: string, extra: Record<string, string> = {}) => ({
  source: "HOTLINE_12349",
  category: "MAJOR_ILLNESS",
  urgency: "HIGH",
  region,
  name: "王秀兰",
  phone: "13812345678",
  address: "杨楼镇王庄村 12 号",
  householdSize: "4",
  intakeNote: "12349 来电：丈夫突发脑出血住院，自付部分无力承担。",
  ...extra,
});

async function postNewCase(userId: string, fields: Record<string, string>) {
  const request = await signedInRequest(userId, "/staff/cases/new", { method: "POST", body: new URLSearchParams(fields) });
  return responseOf(() => newCaseAction(args(request)));
}

const randomIp = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;

const reportFields = (region: string, extra: Record<string, string> = {}) => ({
  reporterRole: "SELF",
  name: "李梅",
  phone: "13912345678",
  region,
  category: "ACCIDENT",
  description: "家里房子昨晚失火，一家三口暂住亲戚家，缺衣被和生活费。",
  consent: "on",
  ...extra,
});

function postReport(fields: Record<string, string>, ip = randomIp()) {
  const request = new Request("http://localhost/report", { method: "POST", body: new URLSearchParams(fields), headers: { "x-forwarded-for": `${ip}, 172.16.0.1` } });
  return responseOf(() => reportAction(args(request)));
}

describe("staff intake at /staff/cases/new", () => {
  it("records a REPORTED case owned by the county's office for a township without an office, with an audit event", async () => {
    const county = await createCounty("萧县");
    const township = await createTownship(county, "杨楼镇");
    const staff = await staffOf(county);

    const result = await postNewCase(staff.id, staffFields(township));
    expect(result.status).toBe(303);
    const caseNo = result.headers.get("Location")!.replace("/staff/cases/", "");
    expect(caseNo).toMatch(new RegExp(`^JJN-${county.code}-\\d{4}-\\d{4}$`));

    const row = await prisma.case.findUniqueOrThrow({ where: { caseNo }, include: { beneficiary: true, ownerOffice: true } });
    expect(row).toMatchObject({ status: "REPORTED", source: "HOTLINE_12349", category: "MAJOR_ILLNESS", urgency: "HIGH", regionCode: township, version: 0 });
    expect(row.intakeNote).toContain("脑出血");
    // 首问负责制 by region: the township has no office, so the county's office owns it.
    expect(row.ownerOffice.regionCode).toBe(county.code);
    expect(row.beneficiary).toMatchObject({ name: "王秀兰", phone: "13812345678", address: "杨楼镇王庄村 12 号", householdSize: 4, idNumberEncrypted: null, idNumberHash: null });

    const audit = await prisma.auditEvent.findMany({ where: { caseId: row.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "case.intake", actorId: staff.id, entityType: "Case", entityId: row.id, toState: "REPORTED" });
    // No personal data in the audit detail.
    expect(JSON.stringify(audit[0]!.detail)).not.toMatch(/王秀兰|13812345678|王庄村/);
  });

  it("gives a township's case to the township's own office (service station) when it has one", async () => {
    const county = await createCounty();
    const township = await createTownship(county, "龙城镇");
    const station = await prisma.office.create({ data: { name: "龙城镇社会救助服务站", regionCode: township } });
    const result = await recordIntake({ ...intake(township), actorId: null });
    expect(result).toMatchObject({ ok: true, ownerOfficeId: station.id });
  });

  it("numbers concurrent intakes of one county without gaps or duplicates", async () => {
    const county = await createCounty();
    const results = await Promise.all(Array.from({ length: 5 }, () => recordIntake(intake(county.code))));
    const numbers = results.map((r) => (r.ok ? r.caseNo : "failed"));
    expect(new Set(numbers).size).toBe(5);
    const seqs = numbers.map((n) => Number(/^JJN-\d{6}-\d{4}-(\d{4})$/.exec(n)?.[1])).sort((a, b) => a - b);
    expect(seqs[4]! - seqs[0]!).toBe(4);
    const year = numbers[0]!.split("-")[2];
    const counter = await prisma.counter.findUniqueOrThrow({ where: { name: `case:${county.code}:${year}` } });
    expect(counter.value).toBe(seqs[4]);
  });

  it("sets the response deadline per urgency from the working-day calendar, with the region's own closures", async () => {
    const county = await createCounty();
    // Tuesday 30 September 2025, 10:00 in Shanghai: National Day holidays 1–8 October, Saturday 11 October worked.
    const receivedAt = new Date("2025-09-30T10:00:00+08:00");
    const dueOn = async (urgency: IntakeInput["urgency"], regionCode = county.code) => {
      const result = await recordIntake({ ...intake(regionCode), urgency, receivedAt });
      if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
      const row = await prisma.case.findUniqueOrThrow({ where: { id: result.caseId }, select: { responseDueOn: true, caseNo: true } });
      expect(row.caseNo).toContain(`-${county.code}-2025-`);
      return isoDateOf(row.responseDueOn);
    };
    expect(await dueOn("CRITICAL")).toBe("2025-09-30");
    expect(await dueOn("HIGH")).toBe("2025-10-09");
    expect(await dueOn("NORMAL")).toBe("2025-10-14");

    // A local closure of the county moves the deadline of its townships too.
    await prisma.calendarDay.upsert({
      where: { regionCode_date: { regionCode: county.code, date: new Date("2025-10-09T00:00:00Z") } },
      update: { isWorkingDay: false },
      create: { regionCode: county.code, date: new Date("2025-10-09T00:00:00Z"), isWorkingDay: false, name: "测试停工日" },
    });
    expect(await dueOn("HIGH", await createTownship(county))).toBe("2025-10-10");
  });

  it("stores the ID number encrypted with its keyed hash, never in the clear", async () => {
    const county = await createCounty();
    const staff = await staffOf(county);
    const idNumber = validIdNumber();
    const result = await postNewCase(staff.id, staffFields(county.code, { idNumber: idNumber.toLowerCase() }));
    expect(result.status).toBe(303);
    const caseNo = result.headers.get("Location")!.replace("/staff/cases/", "");
    const row = await prisma.beneficiary.findFirstOrThrow({ where: { case: { caseNo } } });
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(row.idNumberEncrypted).toMatch(/^v1:/);
    expect(piiCrypto().decrypt(row.idNumberEncrypted!)).toBe(idNumber);
    expect(row.idNumberHash).toBe(piiCrypto().hashIdNumber(idNumber));
    expect(row).toMatchObject({ birthYear: 1980, gender: "M" });
  });

  it("answers bad input with field messages and 400, and writes nothing", async () => {
    const county = await createCounty();
    const other = await createCounty();
    const staff = await staffOf(county);
    const badId = validIdNumber().slice(0, 17) + (validIdNumber().endsWith("0") ? "1" : "0");
    const before = { cases: await prisma.case.count(), audit: await prisma.auditEvent.count(), counters: await prisma.counter.findMany() };

    const all = await postNewCase(staff.id, staffFields(other.code, { idNumber: badId, intakeNote: "  ", phone: "12345", householdSize: "0" }));
    expect(all.status).toBe(400);
    expect(all.data).toMatchObject({
      fieldErrors: {
        idNumber: ["validation.idNumber"],
        intakeNote: ["validation.required"],
        region: ["intake.errors.regionOutOfScope"],
        phone: ["intake.errors.phone"],
        householdSize: [expect.stringMatching(/^intake.errors.householdSize/)],
      },
      values: { name: "王秀兰" },
    });

    // Each on its own, with everything else right.
    for (const [fields, field, key] of [
      [{ idNumber: badId }, "idNumber", "validation.idNumber"],
      [{ intakeNote: "" }, "intakeNote", "validation.required"],
      [{ region: other.code }, "region", "intake.errors.regionOutOfScope"],
      [{ region: `${county.code}999` }, "region", "intake.errors.regionUnknown"],
      [{ source: "ONLINE_REPORT" }, "source", "validation.invalid"],
      [{ name: "" }, "name", "validation.required"],
    ] as const) {
      const region = "region" in fields ? fields.region : county.code;
      const result = await postNewCase(staff.id, staffFields(region, fields));
      expect(result.status, field).toBe(400);
      expect((result.data as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({ [field]: [key] });
    }

    expect(await prisma.case.count()).toBe(before.cases);
    expect(await prisma.auditEvent.count()).toBe(before.audit);
    expect(await prisma.counter.findMany()).toEqual(before.counters);
  });

  it("offers the counties and townships of the user's scope, sends visitors to log in and refuses reviewers", async () => {
    const county = await createCounty();
    const township = await createTownship(county);
    const other = await createCounty();
    const staff = await staffOf(county);
    const page = await responseOf(async () => newCaseLoader(args(await signedInRequest(staff.id, "/staff/cases/new"))));
    expect(page.status).toBe(200);
    const groups = (page.data as { regions: { county: { code: string }; countySelectable: boolean; townships: { code: string }[] }[] }).regions;
    expect(groups.map((g) => g.county.code)).toEqual([county.code]);
    expect(groups[0]!.countySelectable).toBe(true);
    expect(groups[0]!.townships.map((t) => t.code)).toContain(township);
    expect(JSON.stringify(groups)).not.toContain(other.code);

    const anonymous = await responseOf(() => newCaseLoader(args(new Request("http://localhost/staff/cases/new"))));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/staff/cases/new")}`);

    const reviewer = await createUser({ roles: ["REVIEWER"], scopeRegionCode: county.code });
    const refused = await responseOf(async () => newCaseLoader(args(await signedInRequest(reviewer.id, "/staff/cases/new"))));
    expect(refused.status).toBe(403);
    const before = await prisma.case.count();
    const refusedPost = await postNewCase(reviewer.id, staffFields(county.code));
    expect(refusedPost.status).toBe(403);
    expect(await prisma.case.count()).toBe(before);
  });
});

describe("the public /report form", () => {
  it("creates a REPORTED online case in the queue of the office covering the area, and shows its reference", async () => {
    const county = await createCounty("萧县");
    const township = await createTownship(county, "杨楼镇");
    const result = await postReport(reportFields(township));
    expect(result.status).toBe(200);
    const { reference, isSent } = result.data as { reference: string; isSent: boolean };
    expect(isSent).toBe(true);

    const row = await prisma.case.findUniqueOrThrow({ where: { caseNo: reference }, include: { beneficiary: true, ownerOffice: true } });
    expect(row).toMatchObject({ status: "REPORTED", source: "ONLINE_REPORT", category: "ACCIDENT", urgency: "NORMAL", regionCode: township });
    expect(row.ownerOffice.regionCode).toBe(county.code);
    expect(row.beneficiary).toMatchObject({ name: "李梅", phone: "13912345678" });
    expect(row.intakeNote).toContain("失火");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: row.id } });
    expect(audit).toMatchObject({ action: "case.intake", actorId: null });
  });

  it("marks a report of danger to life or health HIGH and keeps an on-behalf reporter's phone in the note", async () => {
    const county = await createCounty();
    const result = await postReport(reportFields(county.code, { reporterRole: "ON_BEHALF", reporterName: "邻居老张", urgent: "on", phone: "0557-5022349" }));
    const { reference } = result.data as { reference: string };
    const row = await prisma.case.findUniqueOrThrow({ where: { caseNo: reference }, include: { beneficiary: true } });
    expect(row.urgency).toBe("HIGH");
    expect(row.beneficiary?.phone).toBeNull();
    expect(row.intakeNote).toContain("邻居老张");
    expect(row.intakeNote).toContain("0557-5022349");
  });

  it("pretends success when the honeypot is filled, and writes nothing", async () => {
    const county = await createCounty();
    const before = { cases: await prisma.case.count(), buckets: await prisma.rateLimitBucket.count() };
    const result = await postReport(reportFields(county.code, { website: "http://spam.example" }));
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ isSent: true, reference: null });
    expect(await prisma.case.count()).toBe(before.cases);
    expect(await prisma.rateLimitBucket.count()).toBe(before.buckets);
  });

  it("answers the sixth report from one address within the hour with 429 and writes no case", async () => {
    const county = await createCounty();
    const ip = randomIp();
    const before = await prisma.case.count();
    for (let i = 0; i < 5; i++) expect((await postReport(reportFields(county.code), ip)).status).toBe(200);
    const sixth = await postReport(reportFields(county.code), ip);
    expect(sixth.status).toBe(429);
    expect(sixth.data).toMatchObject({ isSent: false, formError: "report.errors.rateLimited" });
    expect(await prisma.case.count()).toBe(before + 5);
    // Another address is not affected, and no bucket holds a raw address.
    expect((await postReport(reportFields(county.code))).status).toBe(200);
    expect(await prisma.rateLimitBucket.count({ where: { key: { contains: ip } } })).toBe(0);
  });

  it("answers missing consent, a bad phone and an area no office covers with 400, writing nothing", async () => {
    const county = await createCounty();
    const before = await prisma.case.count();
    const bad = await postReport({ ...reportFields(county.code, { phone: "123", description: "x".repeat(2001) }), consent: "" });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({
      isSent: false,
      fieldErrors: { consent: ["report.errors.consentRequired"], phone: ["intake.errors.phone"], description: [expect.stringMatching(/^validation.tooLong/)] },
    });
    const nowhere = await postReport(reportFields("990000"));
    expect(nowhere.status).toBe(400);
    expect(nowhere.data).toMatchObject({ fieldErrors: { region: ["intake.errors.regionUnknown"] } });
    expect(await prisma.case.count()).toBe(before);
  });

  it("lists only areas that an office covers", async () => {
    const county = await createCounty();
    const page = await responseOf(() => reportLoader(args(new Request("http://localhost/report"))));
    const codes = (page.data as { regions: { county: { code: string } }[] }).regions.map((g) => g.county.code);
    expect(codes).toContain(county.code);
    await prisma.region.upsert({ where: { code: "980000" }, update: {}, create: { code: "980000", name: "无办公室县", level: "COUNTY", parentCode: null, fullName: "无办公室县" } });
    const again = await responseOf(() => reportLoader(args(new Request("http://localhost/report"))));
    expect(JSON.stringify(again.data)).not.toContain("980000");
  });
});

describe("checkRateLimit", () => {
  it("lets exactly `limit` of many concurrent hits through, and opens again in the next window", async () => {
    const key = `test:${crypto.randomUUID()}`;
    const now = new Date("2026-11-23T10:15:00Z");
    const hits = await Promise.all(Array.from({ length: 12 }, () => checkRateLimit(key, { limit: 5, windowSeconds: 3600 }, now)));
    expect(hits.filter(Boolean)).toHaveLength(5);
    expect(await checkRateLimit(key, { limit: 5, windowSeconds: 3600 }, new Date("2026-11-23T10:59:59Z"))).toBe(false);
    expect(await checkRateLimit(key, { limit: 5, windowSeconds: 3600 }, new Date("2026-11-23T11:00:00Z"))).toBe(true);
  });
});

function intake(regionCode: string): IntakeInput {
  return {
    source: "SERVICE_WINDOW",
    category: "DISASTER",
    urgency: "NORMAL",
    regionCode,
    intakeNote: "窗口受理：房屋受灾。",
    beneficiary: { name: "赵大山", householdSize: 2 },
    actorId: null,
  };
}
