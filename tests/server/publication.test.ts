import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "~/domain/id-number.ts";
import { i18nConfig } from "~/i18n.ts";
import { getPublicNeed } from "~/modules/public/get-public-need.server.ts";
import { suggestPublicFace } from "~/modules/publication/suggest-public-face.server.ts";
import { action as publishAction, loader as publishLoader } from "~/routes/staff+/cases.$caseNo.publish.tsx";
import { prisma } from "~/utils/db.server.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { tError } from "~/utils/validation.ts";
import { createCase, createCounty, createUser, responseOf, signedInRequest } from "../factories/index.ts";

const ID_17 = "34132219830314046";
const ID_NUMBER = `${ID_17}${idNumberCheckChar(ID_17)}`;
const PERSON = { name: "张秀兰", phone: "13856781234", address: "安徽省宿州市萧县龙城镇朱楼村三组 12 号" };

async function setUp(status: "VERIFIED" | "ACCEPTED" = "VERIFIED") {
  const county = await createCounty("萧县");
  const staff = await createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });
  const record = await createCase(county, { status, version: 2 });
  await prisma.beneficiary.update({
    where: { caseId: record.id },
    data: { ...PERSON, gender: "F", idNumberEncrypted: piiCrypto().encrypt(ID_NUMBER), idNumberHash: piiCrypto().hashIdNumber(ID_NUMBER) },
  });
  return { county, staff, record };
}

/** A complete, clean form: three lines (cash, item, service) and a blank row, with consent. */
function goodForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "publish",
    version: "2",
    alias: "张女士",
    ageBand: "ADULT",
    publicTitle: "龙城镇43岁母亲突发脑出血，急需手术费用",
    publicStory: "萧县龙城镇一位43岁的母亲突发脑出血，送医后紧急做了开颅手术，目前仍在重症监护室。丈夫长年在外务工，家中还有一个正读初中的孩子。",
    "lines.0.kind": "CASH",
    "lines.0.title": "医疗费用缺口",
    "lines.0.amount": "30000.50",
    "lines.1.kind": "ITEM",
    "lines.1.title": "棉被",
    "lines.1.amount": "2",
    "lines.1.category": "BEDDING",
    "lines.1.unit": "床",
    "lines.2.kind": "",
    "lines.2.title": "",
    "lines.2.amount": "",
    "lines.3.kind": "SERVICE",
    "lines.3.title": "住院陪护",
    "lines.3.amount": "20",
    "lines.3.category": "CARE",
    consentBy: "丈夫（代为签字）",
    consentAt: "2026-01-05",
    consentMethod: "SIGNED_FORM",
    ...overrides,
  };
}

const publish = async (userId: string, caseNo: string, fields: Record<string, string>) => {
  const request = await signedInRequest(userId, `/staff/cases/${caseNo}/publish`, { method: "POST", body: new URLSearchParams(fields) });
  return responseOf(() => publishAction({ request, params: { caseNo }, context: {} }));
};

type Answer = { formError?: string; fieldErrors: Record<string, string[]>; preview: unknown };

async function expectNothingWritten(caseId: string, caseNo: string, status = "VERIFIED") {
  const after = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, version: true, alias: true, publishedAt: true } });
  expect(after).toEqual({ status, version: 2, alias: null, publishedAt: null });
  expect(await prisma.need.count({ where: { caseId } })).toBe(0);
  expect(await prisma.caseUpdate.count({ where: { caseId } })).toBe(0);
  expect(await prisma.outboxEvent.count({ where: { payload: { path: ["caseNo"], equals: caseNo } } })).toBe(0);
  expect(await prisma.auditEvent.count({ where: { caseId, action: "case.publish" } })).toBe(0);
  expect(await prisma.ledgerAccount.count({ where: { caseId } })).toBe(0);
  const consent = await prisma.beneficiary.findUniqueOrThrow({ where: { caseId }, select: { consentBy: true } });
  expect(consent.consentBy).toBeNull();
}

const i18n = i18next.createInstance();
await i18n.init({ ...i18nConfig, lng: "zh-CN" });
const tr = (key: string, values?: Record<string, unknown>) => i18n.t(key, values ?? {});

describe("publishing a verified case", () => {
  const leaks = [
    ["name", `她叫${PERSON.name}，今年43岁。`, "求助故事中含有受助人的姓名，不能公开。"],
    ["phone", "如需帮助请拨打 138 5678 1234 联系家属。", "求助故事中含有受助人的电话号码，不能公开。"],
    ["idNumber", `身份证号 ${ID_NUMBER}。`, "求助故事中含有受助人的身份证号码，不能公开。"],
    ["address", "家住朱楼村三组12号，房屋老旧。", "求助故事中含有受助人的详细住址，不能公开。"],
  ] as const;

  for (const [kind, story, message] of leaks) {
    it(`refuses a story with the beneficiary's ${kind} (422, field message) and writes nothing`, async () => {
      const { staff, record } = await setUp();
      const result = await publish(staff.id, record.caseNo, goodForm({ publicStory: story }));
      expect(result.status).toBe(422);
      const answer = result.data as Answer;
      expect(answer.formError).toBe("publication.errors.piiFound");
      expect(Object.keys(answer.fieldErrors)).toEqual(["publicStory"]);
      expect(answer.fieldErrors.publicStory![0]).toBe(`publication.pii.found|${JSON.stringify({ field: "publicStory", kind })}`);
      expect(tError(tr, answer.fieldErrors.publicStory![0]!)).toBe(message);
      await expectNothingWritten(record.id, record.caseNo);
    });
  }

  it("names the offending field: a phone number in the title, the name in a need line", async () => {
    const { staff, record } = await setUp();
    const result = await publish(staff.id, record.caseNo, goodForm({ publicTitle: "急需帮助 13856781234", "lines.3.title": "张秀兰住院陪护" }));
    expect(result.status).toBe(422);
    const { fieldErrors } = result.data as Answer;
    expect(tError(tr, fieldErrors.publicTitle![0]!)).toBe("标题中含有受助人的电话号码，不能公开。");
    expect(tError(tr, fieldErrors["lines.3.title"]![0]!)).toBe("需求名称中含有受助人的姓名，不能公开。");
    await expectNothingWritten(record.id, record.caseNo);
  });

  it("refuses to publish without the consent to publication (400) and writes nothing", async () => {
    const { staff, record } = await setUp();
    const result = await publish(staff.id, record.caseNo, goodForm({ consentBy: "", consentAt: "", consentMethod: "" }));
    expect(result.status).toBe(400);
    const { fieldErrors } = result.data as Answer;
    expect(fieldErrors).toMatchObject({
      consentBy: ["publication.errors.consentRequired"],
      consentAt: ["publication.errors.consentRequired"],
      consentMethod: ["publication.errors.consentRequired"],
    });
    await expectNothingWritten(record.id, record.caseNo);
  });

  it("answers bad need lines and missing fields with messages on each cell (400), writing nothing", async () => {
    const { staff, record } = await setUp();
    const result = await publish(staff.id, record.caseNo, goodForm({
      alias: "",
      "lines.0.amount": "0",
      "lines.1.category": "",
      "lines.3.amount": "2.5",
      "lines.4.title": "轮椅",
      consentAt: "2999-01-01",
    }));
    expect(result.status).toBe(400);
    const { fieldErrors } = result.data as Answer;
    expect(fieldErrors).toMatchObject({
      alias: ["validation.required"],
      "lines.0.amount": ["validation.amountPositive"],
      "lines.1.category": ["validation.required"],
      "lines.3.amount": [`publication.errors.wholeNumber|${JSON.stringify({ max: 100000 })}`],
      "lines.4.kind": ["validation.required"],
      consentAt: ["publication.errors.consentInFuture"],
    });
    await expectNothingWritten(record.id, record.caseNo);
  });

  it("asks for at least one need line", async () => {
    const { staff, record } = await setUp();
    const fields = Object.fromEntries(Object.entries(goodForm()).filter(([key]) => !key.startsWith("lines.")));
    const result = await publish(staff.id, record.caseNo, fields);
    expect(result.status).toBe(400);
    expect((result.data as Answer).fieldErrors.lines).toEqual(["publication.errors.atLeastOneLine"]);
    await expectNothingWritten(record.id, record.caseNo);
  });

  it("previews the public card and page without writing anything, flagging leaks as it goes", async () => {
    const { staff, record } = await setUp();
    const clean = await publish(staff.id, record.caseNo, goodForm({ intent: "preview", consentBy: "" }));
    expect(clean.status).toBe(200);
    const preview = (clean.data as Answer).preview as { alias: string; needs: { kind: string; target: number }[]; updates: { text: string }[] };
    expect(preview.alias).toBe("张女士");
    expect(preview.needs.map((n) => [n.kind, n.target])).toEqual([["CASH", 3_000_050], ["ITEM", 2], ["SERVICE", 20]]);
    expect(preview.updates[0]!.text).toBe("个案经核实后公开发布。");
    expect(JSON.stringify(clean.data)).not.toContain(PERSON.phone);

    const leaky = await publish(staff.id, record.caseNo, goodForm({ intent: "preview", publicStory: `${PERSON.name}的故事` }));
    expect(leaky.status).toBe(200);
    expect((leaky.data as Answer).fieldErrors.publicStory).toHaveLength(1);
    await expectNothingWritten(record.id, record.caseNo);
  });

  it("publishes: PUBLISHED, need lines, consent, public update, ledger account, outbox row and audit — and the public page shows no personal data", async () => {
    const { staff, record } = await setUp();
    const result = await publish(staff.id, record.caseNo, goodForm());
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe(`/staff/cases/${record.caseNo}/publish`);

    const after = await prisma.case.findUniqueOrThrow({ where: { id: record.id } });
    expect(after).toMatchObject({ status: "PUBLISHED", version: 3, alias: "张女士", ageBand: "ADULT" });
    expect(after.publishedAt).not.toBeNull();

    const needs = await prisma.need.findMany({ where: { caseId: record.id }, orderBy: { sortOrder: "asc" } });
    expect(needs.map((n) => [n.sortOrder, n.kind, n.title, n.category, n.unit, n.target])).toEqual([
      [0, "CASH", "医疗费用缺口", null, null, 3_000_050],
      [1, "ITEM", "棉被", "BEDDING", "床", 2],
      [2, "SERVICE", "住院陪护", "CARE", "小时", 20],
    ]);

    const beneficiary = await prisma.beneficiary.findUniqueOrThrow({ where: { caseId: record.id } });
    expect(beneficiary).toMatchObject({ consentBy: "丈夫（代为签字）", consentMethod: "SIGNED_FORM" });
    expect(beneficiary.consentAt?.toISOString()).toBe("2026-01-04T16:00:00.000Z");

    const updates = await prisma.caseUpdate.findMany({ where: { caseId: record.id } });
    expect(updates.map((u) => [u.kind, u.text, u.isPublic])).toEqual([["PUBLISHED", "个案经核实后公开发布。", true]]);
    expect(await prisma.ledgerAccount.findUnique({ where: { code: `case:${record.caseNo}` }, select: { kind: true, caseId: true } })).toEqual({ kind: "CASE", caseId: record.id });
    const outbox = await prisma.outboxEvent.findMany({ where: { payload: { path: ["caseNo"], equals: record.caseNo } } });
    expect(outbox.map((o) => [o.topic, o.kind, o.payload])).toEqual([["SEARCH", "case.upsert", { caseNo: record.caseNo }]]);

    const audit = await prisma.auditEvent.findMany({ where: { caseId: record.id, action: "case.publish" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: staff.id, fromState: "VERIFIED", toState: "PUBLISHED" });
    const detail = JSON.stringify(audit[0]!.detail);
    for (const secret of [PERSON.name, PERSON.phone, ID_NUMBER, "丈夫", "张女士"]) expect(detail).not.toContain(secret);

    const page = await getPublicNeed(record.caseNo);
    expect(page?.publicTitle).toBe("龙城镇43岁母亲突发脑出血，急需手术费用");
    const publicJson = JSON.stringify(page);
    for (const secret of [PERSON.name, PERSON.phone, ID_NUMBER, "朱楼村"]) expect(publicJson).not.toContain(secret);
  });

  it("lets only one of two simultaneous publishes of the same version through; the other gets 409", async () => {
    const { staff, record } = await setUp();
    const results = await Promise.all([publish(staff.id, record.caseNo, goodForm()), publish(staff.id, record.caseNo, goodForm())]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    expect((results.find((r) => r.status === 409)!.data as Answer).formError).toBe("errors.conflictBody");
    expect(await prisma.need.count({ where: { caseId: record.id } })).toBe(3);
    expect(await prisma.caseUpdate.count({ where: { caseId: record.id } })).toBe(1);
    expect(await prisma.outboxEvent.count({ where: { payload: { path: ["caseNo"], equals: record.caseNo } } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { caseId: record.id, action: "case.publish" } })).toBe(1);
  });

  it("refuses to publish a case that is not verified yet (422) and writes nothing", async () => {
    const { staff, record } = await setUp("ACCEPTED");
    const result = await publish(staff.id, record.caseNo, goodForm());
    expect(result.status).toBe(422);
    expect((result.data as Answer).formError).toBe("caseActions.transitionError.notAllowedFromStatus");
    await expectNothingWritten(record.id, record.caseNo, "ACCEPTED");
  });

  it("refuses another county's staff (403) and answers a stale version with 409", async () => {
    const { staff, record } = await setUp();
    const otherCounty = await createCounty("张店区");
    const outsider = await createUser({ roles: ["STAFF"], scopeRegionCode: otherCounty.code });
    expect((await publish(outsider.id, record.caseNo, goodForm())).status).toBe(403);
    expect((await publish(staff.id, record.caseNo, goodForm({ version: "1" }))).status).toBe(409);
    await expectNothingWritten(record.id, record.caseNo);
  });

  it("offers an alias and age band worked out on the server, and records the view of the consent", async () => {
    const { staff, record } = await setUp();
    const request = await signedInRequest(staff.id, `/staff/cases/${record.caseNo}/publish`);
    const result = await responseOf(() => publishLoader({ request, params: { caseNo: record.caseNo }, context: {} }));
    expect(result.status).toBe(200);
    const { form } = result.data as { form: { isEditable: boolean; suggestion: { alias: string; ageBand: string } } };
    expect(form.isEditable).toBe(true);
    expect(form.suggestion).toEqual({ alias: "张女士", ageBand: "ADULT" });
    for (const secret of [PERSON.name, PERSON.phone, ID_NUMBER]) expect(JSON.stringify(result.data)).not.toContain(secret);
    expect(await prisma.auditEvent.count({ where: { caseId: record.id, action: "case.viewPersonalData" } })).toBe(1);
  });
});

describe("alias and age band suggestions", () => {
  const cases: [string, string | null, string | null, number | null, string | null, string | null][] = [
    // name, gender, ID number, birthYear → alias, age band (on 2026-03-10)
    ["张秀兰", "F", ID_NUMBER, null, "张女士", "ADULT"],
    ["陈国庆", "M", null, 1974, "陈先生", "ADULT"],
    ["李思雨", "F", null, 2010, "李同学", "CHILD"],
    ["王德福", "M", null, 1950, "王老人", "SENIOR"],
    ["欧阳明", "男", null, 2000, "欧阳先生", "YOUNG_ADULT"],
    ["阿卜杜拉·艾合买提", "M", null, 1990, null, "ADULT"],
    ["赵敏", null, null, null, null, null],
  ];
  for (const [name, gender, idNumber, birthYear, alias, ageBand] of cases) {
    it(`${name} → ${alias ?? "no alias"}, ${ageBand ?? "no band"}`, () => {
      expect(suggestPublicFace({ name, gender, idNumber, birthYear }, "2026-03-10")).toEqual({ alias, ageBand });
    });
  }
});
