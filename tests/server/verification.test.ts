import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "~/domain/id-number.ts";
import { addDays } from "~/domain/iso-date.ts";
import { monthsBefore } from "~/domain/missed-aid/missed-aid-hints.ts";
import type { Programme } from "~/generated/prisma/client.ts";
import { findDuplicates } from "~/modules/verification/find-duplicates.server.ts";
import { action as verifyAction, loader as verifyLoader } from "~/routes/staff+/cases.$caseNo.verify.tsx";
import { prisma } from "~/utils/db.server.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { createCase, createCounty, createUser, responseOf, signedInRequest } from "../factories/index.ts";

const STANDARD_FEN = 70_000;
const today = () => shanghaiDate(new Date());
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** A valid 18-digit ID number nobody else in this worker's database has. */
function freshIdNumber() {
  const r = crypto.randomBytes(4).readUInt32BE(0);
  const year = 1940 + (r % 60);
  const month = 1 + ((r >>> 8) % 12);
  const dayOfMonth = 1 + ((r >>> 12) % 28);
  const seq = String((r >>> 17) % 1000).padStart(3, "0");
  const first17 = `110101${year}${String(month).padStart(2, "0")}${String(dayOfMonth).padStart(2, "0")}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

async function withIdNumber(caseId: string, idNumber: string) {
  const crypto = piiCrypto();
  await prisma.beneficiary.update({ where: { caseId }, data: { idNumberEncrypted: crypto.encrypt(idNumber), idNumberHash: crypto.hashIdNumber(idNumber) } });
  return crypto.hashIdNumber(idNumber);
}

async function setup(options: { idNumber?: string | null } = {}) {
  const county = await createCounty();
  await prisma.localStandard.create({ data: { regionCode: county.code, kind: "DIBAO_URBAN", monthlyFen: STANDARD_FEN, effectiveFrom: day("2025-01-01") } });
  const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });
  const c = await createCase(county, { status: "ACCEPTED", acceptedAt: new Date() });
  const idNumber = options.idNumber === null ? null : (options.idNumber ?? freshIdNumber());
  const idNumberHash = idNumber ? await withIdNumber(c.id, idNumber) : null;
  return { county, staff, c, idNumber, idNumberHash };
}

async function post(userId: string, caseNo: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  const request = await signedInRequest(userId, `/staff/cases/${caseNo}/verify`, { method: "POST", body });
  return responseOf(() => verifyAction({ request, params: { caseNo }, context: {} }));
}

async function load(userId: string, caseNo: string) {
  const request = await signedInRequest(userId, `/staff/cases/${caseNo}/verify`);
  return responseOf(() => verifyLoader({ request, params: { caseNo }, context: {} }));
}

const household = {
  householdSize: "4",
  monthlyIncome: "2400",
  monthlyEssential: "1800.50",
  housing: "DILAPIDATED",
  vulnerableMembers: ["SERIOUS_ILLNESS", "CHILD"],
};

/** An earlier case and assistance records of the same person: the duplicate check's material. */
async function seedHistory(hash: string, county: { code: string; officeId: string }) {
  const elsewhere = await createCounty("外县");
  const recent = await createCase(elsewhere, { status: "PUBLISHED", receivedAt: new Date(Date.now() - 60 * 86_400_000) });
  const old = await createCase(county, { status: "CLOSED", receivedAt: new Date(Date.now() - 400 * 86_400_000) });
  await prisma.beneficiary.updateMany({ where: { caseId: { in: [recent.id, old.id] } }, data: { idNumberHash: hash } });
  const record = (programme: Programme, startedOn: string, endedOn: string | null, caseId: string | null = null) =>
    prisma.assistanceRecord.create({ data: { idNumberHash: hash, programme, regionCode: county.code, amountFen: 200_000, startedOn: day(startedOn), endedOn: endedOn ? day(endedOn) : null, caseId } });
  const eightMonthsAgo = monthsBefore(today(), 8);
  const thirteenMonthsAgo = monthsBefore(today(), 13);
  return {
    recent,
    old,
    recentRecord: await record("TEMPORARY_AID", eightMonthsAgo, eightMonthsAgo),
    oldRecord: await record("TEMPORARY_AID", thirteenMonthsAgo, thirteenMonthsAgo),
    running: await record("DISABILITY_SUBSIDY", monthsBefore(today(), 20), null),
  };
}

describe("duplicate check by the ID number's keyed hash", () => {
  it("finds other cases and recent or running assistance of the same person, not old ones nor the case itself", async () => {
    const { county, staff, c, idNumberHash } = await setup();
    const history = await seedHistory(idNumberHash!, county);
    const ownRecord = await prisma.assistanceRecord.create({
      data: { idNumberHash: idNumberHash!, programme: "JIUJINAN", regionCode: county.code, amountFen: 100_000, startedOn: day(today()), endedOn: day(today()), caseId: c.id },
    });

    const hits = await findDuplicates(prisma, { caseId: c.id, idNumberHash, scopeRegionCode: staff.scopeRegionCode, today: today() });
    expect(hits.cases.map((h) => h.caseNo)).toEqual([history.recent.caseNo]);
    expect(hits.cases[0]).toMatchObject({ status: "PUBLISHED", isInScope: false, officeName: "外县民政局" });
    expect(hits.records.map((r) => r.id).sort()).toEqual([history.recentRecord.id, history.running.id].sort());
    expect(hits.records.map((r) => r.id)).not.toContain(history.oldRecord.id);
    expect(hits.records.map((r) => r.id)).not.toContain(ownRecord.id);

    // The page shows the same hits, masks the number and never sends it in full.
    const page = await load(staff.id, c.caseNo);
    expect(page.status).toBe(200);
    const view = page.data as { duplicates: typeof hits; idNumberMasked: string; hasIdNumber: boolean };
    expect(view.duplicates.cases.map((h) => h.caseNo)).toEqual([history.recent.caseNo]);
    expect(view.idNumberMasked).toMatch(/^1101\*{10}\w{4}$/);
    const idNumber = piiCrypto().decrypt((await prisma.beneficiary.findUniqueOrThrow({ where: { caseId: c.id } })).idNumberEncrypted!);
    expect(JSON.stringify(page.data)).not.toContain(idNumber);
    expect(await prisma.auditEvent.count({ where: { caseId: c.id, action: "case.viewPersonalData", actorId: staff.id } })).toBe(1);
  });

  it("finds nothing for a person without history or without an ID number", async () => {
    const { staff, c, idNumberHash } = await setup();
    expect(await findDuplicates(prisma, { caseId: c.id, idNumberHash, scopeRegionCode: staff.scopeRegionCode, today: today() })).toMatchObject({ cases: [], records: [] });
    expect(await findDuplicates(prisma, { caseId: c.id, idNumberHash: null, scopeRegionCode: null, today: today() })).toMatchObject({ cases: [], records: [] });
  });
});

describe("completing verification", () => {
  it("refuses to complete without acknowledging the duplicates: 400, still ACCEPTED, nothing written", async () => {
    const { county, staff, c, idNumberHash } = await setup();
    await seedHistory(idNumberHash!, county);
    const result = await post(staff.id, c.caseNo, { intent: "verify", version: "0", ...household });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ fieldErrors: { acknowledgeDuplicates: ["casework.verify.acknowledgeRequired"] } });
    const view = result.data as { duplicates: { cases: unknown[]; records: unknown[] } };
    expect(view.duplicates.cases).toHaveLength(1);
    expect(view.duplicates.records).toHaveLength(2);

    const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id }, include: { beneficiary: true } });
    expect(after).toMatchObject({ status: "ACCEPTED", version: 0, povertyIndex: null, needIndex: null });
    expect(after.beneficiary).toMatchObject({ householdSize: 3, monthlyIncomeFen: null, housing: null });
    expect(await prisma.auditEvent.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("with the acknowledgement: VERIFIED, household and indices stored, parts summing to the scores, audited by field name", async () => {
    const { county, staff, c, idNumberHash } = await setup();
    await seedHistory(idNumberHash!, county);
    await prisma.case.update({ where: { id: c.id }, data: { verificationDueOn: day(addDays(today(), 3)) } });
    const result = await post(staff.id, c.caseNo, { intent: "verify", version: "0", ...household, acknowledgeDuplicates: "on" });
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe(`/staff/cases/${c.caseNo}/verify`);

    const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id }, include: { beneficiary: true } });
    expect(after).toMatchObject({ status: "VERIFIED", version: 1, verificationDueOn: null });
    expect(after.verifiedAt).toBeInstanceOf(Date);
    expect(after.beneficiary).toMatchObject({ householdSize: 4, monthlyIncomeFen: 240_000, monthlyEssentialFen: 180_050, housing: "DILAPIDATED", vulnerableMembers: ["SERIOUS_ILLNESS", "CHILD"] });

    const parts = after.indexParts as {
      poverty: { score: number; parts: { key: string; points: number; max: number }[] };
      need: { score: number; parts: { key: string; points: number; max: number }[] };
      inputs: { standard: { monthlyFen: number; kind: string }; recentAidFen: number };
    };
    const sum = (ps: { points: number }[]) => ps.reduce((s, p) => s + p.points, 0);
    expect(parts.poverty.parts.map((p) => p.key)).toEqual(["incomeGap", "spendingBurden", "housing", "vulnerableMembers", "recentAid"]);
    expect(parts.need.parts.map((p) => p.key)).toEqual(["poverty", "urgency", "unmetNeed", "waiting"]);
    expect(sum(parts.poverty.parts)).toBe(after.povertyIndex);
    expect(sum(parts.need.parts)).toBe(after.needIndex);
    expect(parts.poverty.score).toBe(after.povertyIndex);
    expect(parts.inputs.standard).toMatchObject({ monthlyFen: STANDARD_FEN, kind: "DIBAO_URBAN" });
    // Only the record that started in the last 12 months counts as recent aid.
    expect(parts.inputs.recentAidFen).toBe(200_000);
    expect(after.povertyIndex).toBeGreaterThan(50);

    const audit = await prisma.auditEvent.findMany({ where: { caseId: c.id, action: "case.verify" } });
    expect(audit).toEqual([expect.objectContaining({ actorId: staff.id, fromState: "ACCEPTED", toState: "VERIFIED" })]);
    expect(audit[0]!.detail).toEqual({
      fields: ["householdSize", "monthlyIncomeFen", "monthlyEssentialFen", "housing", "vulnerableMembers"],
      duplicateHits: 3,
      duplicatesAcknowledged: true,
    });
    expect(JSON.stringify(audit[0]!.detail)).not.toMatch(/240000|DILAPIDATED|SERIOUS_ILLNESS/);

    // Afterwards the tab is read-only and shows the stored scores.
    const page = await load(staff.id, c.caseNo);
    expect(page.data).toMatchObject({ status: "VERIFIED", canVerify: false, isIndexPreview: false, indices: { poverty: { score: after.povertyIndex } } });
  });

  it("completes without any acknowledgement when there is nothing to acknowledge", async () => {
    const { staff, c } = await setup();
    const result = await post(staff.id, c.caseNo, { intent: "verify", version: "0", ...household });
    expect(result.status).toBe(303);
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("VERIFIED");
  });

  it.each([
    ["a negative income", { monthlyIncome: "-100" }, "monthlyIncome", "casework.validation.notNegative"],
    ["an amount with three decimals", { monthlyEssential: "10.001" }, "monthlyEssential", "validation.amountFormat"],
    ["household size 0", { householdSize: "0" }, "householdSize", 'casework.validation.householdSize|{"max":30}'],
    ["an unknown housing condition", { housing: "CASTLE" }, "housing", "validation.invalid"],
    ["an unknown vulnerable tag", { vulnerableMembers: ["CHILD", "ALIEN"] }, "vulnerableMembers.1", "validation.invalid"],
    ["no income when completing", { monthlyIncome: "" }, "monthlyIncome", "validation.required"],
  ])("answers %s with 400 and a field message, writing nothing", async (_label, override, field, message) => {
    const { staff, c } = await setup();
    const result = await post(staff.id, c.caseNo, { intent: "verify", version: "0", ...household, ...override });
    expect(result.status).toBe(400);
    expect((result.data as { fieldErrors: Record<string, string[]> }).fieldErrors[field]).toEqual([message]);
    // The form comes back filled in (without any ID number).
    expect((result.data as { values: Record<string, string> }).values).toMatchObject({ householdSize: (override as { householdSize?: string }).householdSize ?? "4" });
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "ACCEPTED", version: 0, povertyIndex: null });
    expect(await prisma.beneficiary.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({ householdSize: 3, monthlyIncomeFen: null });
    expect(await prisma.auditEvent.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("needs a valid ID number when none is on file: a bad one or none gives 400 and writes nothing", async () => {
    const { staff, c } = await setup({ idNumber: null });
    const bad = await post(staff.id, c.caseNo, { intent: "verify", version: "0", ...household, idNumber: "110101199001011230" });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ fieldErrors: { idNumber: ["validation.idNumber"] } });
    expect(JSON.stringify(bad.data)).not.toContain("110101199001011230");

    const missing = await post(staff.id, c.caseNo, { intent: "verify", version: "0", ...household });
    expect(missing.status).toBe(400);
    expect(missing.data).toMatchObject({ fieldErrors: { idNumber: ["casework.verify.idNumberRequired"] } });

    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "ACCEPTED", version: 0 });
    expect(await prisma.beneficiary.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({ idNumberHash: null, householdSize: 3 });
    expect(await prisma.auditEvent.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("stores an ID number entered at verification encrypted and hashed, and lists it as a field name only", async () => {
    const { staff, c } = await setup({ idNumber: null });
    const idNumber = freshIdNumber();
    const result = await post(staff.id, c.caseNo, { intent: "verify", version: "0", ...household, idNumber: idNumber.toLowerCase() });
    expect(result.status).toBe(303);
    const b = await prisma.beneficiary.findUniqueOrThrow({ where: { caseId: c.id } });
    expect(b.idNumberHash).toBe(piiCrypto().hashIdNumber(idNumber));
    expect(piiCrypto().decrypt(b.idNumberEncrypted!)).toBe(idNumber);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.verify" } });
    expect((audit.detail as { fields: string[] }).fields).toContain("idNumber");
    expect(JSON.stringify(audit.detail)).not.toContain(idNumber.slice(6, 14));
  });

  it("answers a stale version with 409 and changes nothing", async () => {
    const { staff, c } = await setup();
    await prisma.case.update({ where: { id: c.id }, data: { version: 3 } });
    const result = await post(staff.id, c.caseNo, { intent: "verify", version: "2", ...household });
    expect(result.status).toBe(409);
    expect(result.data).toMatchObject({ formError: "errors.conflictBody" });
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "ACCEPTED", version: 3 });
    expect(await prisma.beneficiary.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({ householdSize: 3 });
  });

  it("refuses a case that is not ACCEPTED with 422", async () => {
    const county = await createCounty();
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code });
    const c = await createCase(county, { status: "REPORTED" });
    const result = await post(staff.id, c.caseNo, { intent: "save", version: "0", ...household });
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ formError: "caseActions.transitionError.notAllowedFromStatus" });
    expect(await prisma.beneficiary.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({ householdSize: 3 });
  });

  it("gives staff of another county 403 on the page and the form, and writes nothing", async () => {
    const { c } = await setup();
    const other = await createCounty();
    const stranger = await createUser({ roles: ["STAFF"], scopeRegionCode: other.code });
    expect((await load(stranger.id, c.caseNo)).status).toBe(403);
    expect((await post(stranger.id, c.caseNo, { intent: "verify", version: "0", ...household })).status).toBe(403);
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "ACCEPTED", version: 0 });
    expect(await prisma.auditEvent.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("lets exactly one of two simultaneous submissions of the same version win; the other gets 409", async () => {
    const { staff, c } = await setup();
    const colleague = await createUser({ roles: ["STAFF"], scopeRegionCode: staff.scopeRegionCode });
    const results = await Promise.all([
      post(staff.id, c.caseNo, { intent: "verify", version: "0", ...household }),
      post(colleague.id, c.caseNo, { intent: "verify", version: "0", ...household, householdSize: "5" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id }, include: { beneficiary: true } });
    expect(after).toMatchObject({ status: "VERIFIED", version: 1 });
    expect(await prisma.auditEvent.count({ where: { caseId: c.id, action: "case.verify" } })).toBe(1);
    // The household data is the winner's, not a mix.
    const winner = results[0]!.status === 303 ? 4 : 5;
    expect(after.beneficiary?.householdSize).toBe(winner);
  });
});

describe("saving without completing", () => {
  it("stores the household data and indices, bumps the version, stays ACCEPTED and audits the update", async () => {
    const { staff, c } = await setup();
    const result = await post(staff.id, c.caseNo, { intent: "save", version: "0", householdSize: "2", monthlyIncome: "500", vulnerableMembers: "ELDERLY" });
    expect(result.status).toBe(303);
    const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id }, include: { beneficiary: true } });
    expect(after).toMatchObject({ status: "ACCEPTED", version: 1 });
    expect(after.povertyIndex).toEqual(expect.any(Number));
    expect(after.needIndex).toEqual(expect.any(Number));
    expect(after.beneficiary).toMatchObject({ householdSize: 2, monthlyIncomeFen: 50_000, monthlyEssentialFen: null, housing: null, vulnerableMembers: ["ELDERLY"] });
    const audit = await prisma.auditEvent.findMany({ where: { caseId: c.id, action: "case.household.update" } });
    expect(audit).toHaveLength(1);
    expect((audit[0]!.detail as { fields: string[] }).fields).toEqual(["householdSize", "monthlyIncomeFen", "vulnerableMembers"]);

    // The same form again is stale now.
    expect((await post(staff.id, c.caseNo, { intent: "save", version: "0", householdSize: "2" })).status).toBe(409);
  });

  it("uses the rural 低保 standard of the county for a case in a 镇, and shows the missed-aid hints", async () => {
    const county = await createCounty();
    const townCode = `${county.code}100`;
    await prisma.region.create({ data: { code: townCode, name: "测试镇", level: "TOWNSHIP", parentCode: county.code, fullName: `${county.name} 测试镇` } });
    await prisma.localStandard.createMany({
      data: [
        { regionCode: county.code, kind: "DIBAO_URBAN", monthlyFen: 80_000, effectiveFrom: day("2025-01-01") },
        { regionCode: county.code, kind: "DIBAO_RURAL", monthlyFen: 60_000, effectiveFrom: day("2024-01-01") },
        { regionCode: county.code, kind: "DIBAO_RURAL", monthlyFen: 65_000, effectiveFrom: day("2025-01-01") },
        // Not in force yet.
        { regionCode: county.code, kind: "DIBAO_RURAL", monthlyFen: 99_000, effectiveFrom: day(addDays(today(), 30)) },
      ],
    });
    const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code });
    const c = await createCase({ code: townCode, officeId: county.officeId }, { status: "ACCEPTED" });
    await withIdNumber(c.id, freshIdNumber());
    const result = await post(staff.id, c.caseNo, { intent: "save", version: "0", householdSize: "3", monthlyIncome: "1000", monthlyEssential: "900", housing: "RENTED", vulnerableMembers: ["SERIOUS_ILLNESS", "DISABLED"] });
    expect(result.status).toBe(303);
    const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect((after.indexParts as { inputs: { standard: unknown } }).inputs.standard).toEqual({ kind: "DIBAO_RURAL", monthlyFen: 65_000, regionCode: county.code });

    const page = await load(staff.id, c.caseNo);
    const hints = (page.data as { hints: { programme: string; department: string | null }[] }).hints;
    expect(hints).toEqual([
      expect.objectContaining({ programme: "DIBAO", department: null }),
      expect.objectContaining({ programme: "MEDICAL_AID", department: "MEDICAL_INSURANCE" }),
      expect.objectContaining({ programme: "DISABILITY_SUBSIDY", department: "DISABLED_PERSONS_FEDERATION" }),
    ]);
  });
});

describe("assistance records on the verify tab", () => {
  it("adds a record under the person's ID hash, audited by programme only; bad dates give 400 and nothing", async () => {
    const { staff, c, idNumberHash } = await setup();
    const bad = await post(staff.id, c.caseNo, { intent: "addRecord", programme: "DIBAO", startedOn: "2026-03-01", endedOn: "2026-02-01" });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ formId: "record", fieldErrors: { endedOn: ["casework.validation.endBeforeStart"] } });
    const zero = await post(staff.id, c.caseNo, { intent: "addRecord", programme: "DIBAO", startedOn: "2026-03-01", amount: "0" });
    expect(zero.data).toMatchObject({ fieldErrors: { amount: ["validation.amountPositive"] } });
    expect(await prisma.assistanceRecord.count({ where: { idNumberHash: idNumberHash! } })).toBe(0);

    const ok = await post(staff.id, c.caseNo, { intent: "addRecord", programme: "DIBAO", startedOn: monthsBefore(today(), 2), amount: "630" });
    expect(ok.status).toBe(303);
    const records = await prisma.assistanceRecord.findMany({ where: { idNumberHash: idNumberHash! } });
    expect(records).toEqual([expect.objectContaining({ programme: "DIBAO", amountFen: 63_000, endedOn: null, regionCode: c.regionCode })]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "assistanceRecord.create" } });
    expect(audit.detail).toEqual({ programme: "DIBAO" });
    // The case itself did not change, so an open verify form is still current.
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(0);
  });

  it("needs the ID number on file first (422)", async () => {
    const { staff, c } = await setup({ idNumber: null });
    const result = await post(staff.id, c.caseNo, { intent: "addRecord", programme: "DIBAO", startedOn: "2026-03-01" });
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ formError: "casework.records.idNumberFirst" });
  });
});
