// One published case of 萧县 waiting for its plan (一案一策, issue 6): a father of 新庄镇 with
// leukaemia whose need lines are each met by a demo user's resource — the cash line by the
// 宿州市慈善协会's 大病救助“暖心”项目, the quilts by the same charity's 棉被 stock, the hospital care by
// the demo volunteer's 住院陪护 offer — so the plan page can be tried (and the e2e journey
// tests/e2e/plan-a-case.spec.ts plans it) from suggestions whose owners can log in and accept.
// Nothing is committed to it yet. Idempotent: written once, in one transaction, under a fixed id.
import { caseIndices } from "~/domain/indices/need-index.ts";
import { formatCaseNo } from "~/domain/intake/intake-rules.ts";
import { dueDateFor } from "~/domain/working-days.ts";
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { caseAccount, ensureAccount } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import { ageBandOf, isUrbanTownship } from "./case-plan.ts";
import type { SeedClock } from "./clock.ts";
import { makeIdNumber } from "./identity.ts";
import { OFFICES } from "./offices.ts";
import { dibaoStandardFen, overridesFor, type CalendarSeed } from "./standards.ts";
import type { UserKey } from "./users.ts";
import { PLAN_DEMO_PERSON } from "./case-data-plan-demo.ts";

export const PLAN_DEMO_CASE_ID = "seed-plan-demo-case";
/** The public title: the e2e journey finds the need by it. */
export const PLAN_DEMO_TITLE = "新庄镇一位父亲确诊淋巴瘤，急需化疗费用和住院陪护";

const COUNTY = "341322";
const REGION = "341322104"; // 新庄镇
const HOUR_MS = 3_600_000;


const NEEDS = [
  { key: "cash", kind: "CASH", title: "化疗及住院费用缺口", category: null, unit: null, target: 2_500_000 },
  { key: "quilts", kind: "ITEM", title: "棉被", category: "BEDDING", unit: "床", target: 3 },
  { key: "care", kind: "SERVICE", title: "住院陪护", category: "CARE", unit: "小时", target: 12 },
] as const;

export async function seedPlanDemo(prisma: PrismaClient, clock: SeedClock, users: Record<UserKey, string>, calendar: CalendarSeed[]) {
  if (await prisma.case.findUnique({ where: { id: PLAN_DEMO_CASE_ID }, select: { id: true } })) return;

  const receivedAt = clock.ago(3.2);
  const at = (hours: number) => clock.after(receivedAt, hours);
  const overrides = overridesFor(calendar, COUNTY);
  const year = shanghaiDate(receivedAt).slice(0, 4);
  const prefix = `JJN-${COUNTY}-${year}-`;
  // The next free number of the county's year, as the app would draw it (syncCounters moves the counter past it).
  const taken = await prisma.case.findMany({ where: { caseNo: { startsWith: prefix } }, select: { caseNo: true } });
  const seq = taken.reduce((max, c) => Math.max(max, Number(c.caseNo.slice(prefix.length)) || 0), 0) + 1;
  const caseNo = formatCaseNo(COUNTY, year, seq);

  const idNumber = makeIdNumber(COUNTY, PLAN_DEMO_PERSON.birthDate, PLAN_DEMO_PERSON.idSeq, PLAN_DEMO_PERSON.sex);
  const crypto = piiCrypto();
  const staffId = users.staffXiao;
  const indices = caseIndices({
    householdSize: PLAN_DEMO_PERSON.householdSize,
    monthlyIncomeFen: PLAN_DEMO_PERSON.monthlyIncomeFen,
    monthlyEssentialFen: PLAN_DEMO_PERSON.monthlyEssentialFen,
    housing: "OWNED_SAFE",
    vulnerableMembers: PLAN_DEMO_PERSON.vulnerableMembers,
    recentAidFen: 0,
    localDibaoMonthlyFen: dibaoStandardFen(COUNTY, isUrbanTownship(REGION)),
    urgency: "HIGH",
    needLines: NEEDS.map((n) => ({ target: n.target, committed: 0, status: "OPEN" })),
    workingDaysWaited: 2,
  });

  await prisma.$transaction(async (tx) => {
    await tx.case.create({
      data: {
        id: PLAN_DEMO_CASE_ID,
        caseNo,
        status: "PUBLISHED",
        version: 3,
        source: "PROACTIVE_HOSPITAL",
        category: "MAJOR_ILLNESS",
        urgency: "HIGH",
        regionCode: REGION,
        ownerOfficeId: OFFICES.xiaoXian.id,
        intakeNote: "县人民医院医务科报告：孙立平确诊淋巴瘤，首个疗程押金无力缴纳，妻子务农，两个孩子在读。县民政局当日受理，次日入户核实。",
        receivedAt,
        responseDueOn: clock.dateOnly(dueDateFor("HIGH", shanghaiDate(receivedAt), overrides)),
        acceptedAt: at(1),
        verifiedAt: at(22),
        publishedAt: at(30),
        povertyIndex: indices.poverty.score,
        needIndex: indices.need.score,
        indexParts: indices,
        alias: "孙先生",
        ageBand: ageBandOf(PLAN_DEMO_PERSON.birthDate, clock.today),
        publicTitle: PLAN_DEMO_TITLE,
        publicStory:
          "萧县新庄镇一位年过五旬的父亲近日确诊淋巴瘤，已住院开始化疗，医生建议完成4个疗程。妻子在家务农，两个孩子一个读初中、一个读小学，家中积蓄已用于首个疗程。经村、镇、县核实，医保报销后仍有约2.5万元费用缺口；住院期间需要有人陪护，家中入冬的被褥也不够。",
        createdAt: receivedAt,
        beneficiary: {
          create: {
            id: `${PLAN_DEMO_CASE_ID}-beneficiary`,
            name: PLAN_DEMO_PERSON.name,
            idNumberEncrypted: crypto.encrypt(idNumber),
            idNumberHash: crypto.hashIdNumber(idNumber),
            phone: PLAN_DEMO_PERSON.phone,
            address: PLAN_DEMO_PERSON.address,
            birthYear: Number(PLAN_DEMO_PERSON.birthDate.slice(0, 4)),
            gender: PLAN_DEMO_PERSON.sex,
            healthNotes: PLAN_DEMO_PERSON.healthNotes,
            householdSize: PLAN_DEMO_PERSON.householdSize,
            monthlyIncomeFen: PLAN_DEMO_PERSON.monthlyIncomeFen,
            monthlyEssentialFen: PLAN_DEMO_PERSON.monthlyEssentialFen,
            housing: "OWNED_SAFE",
            vulnerableMembers: PLAN_DEMO_PERSON.vulnerableMembers,
            consentBy: "孙立平（本人）",
            consentAt: at(26),
            consentMethod: "SIGNED_FORM",
            createdAt: receivedAt,
          },
        },
        needs: {
          create: NEEDS.map((n, sortOrder) => ({
            id: `${PLAN_DEMO_CASE_ID}-need-${n.key}`,
            kind: n.kind,
            title: n.title,
            category: n.category,
            unit: n.unit,
            target: n.target,
            sortOrder,
            createdAt: at(30),
          })),
        },
      },
    });
    await ensureAccount(tx, { code: caseAccount(caseNo), kind: "CASE", name: `${caseNo} 个案账户`, caseId: PLAN_DEMO_CASE_ID });
    await tx.caseUpdate.create({ data: { id: `${PLAN_DEMO_CASE_ID}-update-1`, caseId: PLAN_DEMO_CASE_ID, at: at(30), kind: "PUBLISHED", text: "个案经核实后公开发布。", isPublic: true } });
    const step = (hours: number, action: string, fromState: string | null, toState: string | null, entityType = "Case", detail?: { fields: string[] }) => ({
      at: new Date(receivedAt.getTime() + hours * HOUR_MS),
      actorId: staffId,
      action,
      entityType,
      entityId: PLAN_DEMO_CASE_ID,
      caseId: PLAN_DEMO_CASE_ID,
      fromState,
      toState,
      ...(detail && { detail }),
    });
    await tx.auditEvent.createMany({
      data: [
        step(1, "case.accept", "REPORTED", "ACCEPTED"),
        step(21, "case.viewPersonalData", null, null, "Beneficiary", { fields: ["name", "idNumber", "phone", "address"] }),
        step(22, "case.verify", "ACCEPTED", "VERIFIED"),
        step(30, "case.publish", "VERIFIED", "PUBLISHED"),
      ],
    });
  });
}
