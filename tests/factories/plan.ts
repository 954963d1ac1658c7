// Rows for the plan tests (tests/server/plan-picks.test.ts): a published case whose lines carry
// the item category / service type the engine matches on, resources that qualify for it, and the
// people who own them. Unique keys per call, like factories/index.ts.
import crypto from "node:crypto";
import type { CaseCategory, NeedKind } from "~/generated/prisma/client.ts";
import { caseAccount, ensureAccount, ensureSystemAccounts } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createCase, createUser } from "./index.ts";
import { createOrganization } from "./pledges.ts";

const unique = () => crypto.randomBytes(4).toString("hex");
type County = { code: string; officeId: string };

export type PlanLineSpec = { kind: NeedKind; target: number; title?: string; category?: string; unit?: string };

/**
 * A PUBLISHED case (or another status) with need lines in order. `idNumberHash` ties its
 * beneficiary to other cases and records of the same person (the duplicate-aid check).
 */
export async function createPlanCase(county: County, lines: PlanLineSpec[], opts: { status?: "PUBLISHED" | "VERIFIED" | "CLOSED"; category?: CaseCategory; idNumberHash?: string } = {}) {
  const row = await createCase(county, {
    status: opts.status ?? "PUBLISHED",
    category: opts.category ?? "MAJOR_ILLNESS",
    alias: "张女士",
    ageBand: "ADULT",
    publicTitle: "测试方案个案",
    publicStory: "一户家庭突遭变故，急需帮助。",
    publishedAt: opts.status === "VERIFIED" ? null : new Date(),
  });
  if (opts.idNumberHash) await prisma.beneficiary.update({ where: { caseId: row.id }, data: { idNumberHash: opts.idNumberHash } });
  const needs = [];
  for (const [index, line] of lines.entries()) {
    needs.push(
      await prisma.need.create({
        data: {
          caseId: row.id,
          kind: line.kind,
          title: line.title ?? (line.kind === "CASH" ? "医疗费用" : line.kind === "ITEM" ? "棉被" : "住院陪护"),
          category: line.category ?? (line.kind === "ITEM" ? "BEDDING" : line.kind === "SERVICE" ? "CARE" : null),
          unit: line.unit ?? (line.kind === "ITEM" ? "床" : line.kind === "SERVICE" ? "小时" : null),
          target: line.target,
          sortOrder: index,
        },
      }),
    );
  }
  await ensureSystemAccounts(prisma);
  await ensureAccount(prisma, { code: caseAccount(row.caseNo), kind: "CASE", name: `${row.caseNo} 个案账户`, caseId: row.id });
  return { ...row, needs };
}

export const staffOf = (county: County) => createUser({ roles: ["STAFF"], scopeRegionCode: county.code, officeId: county.officeId });

/** A vetted organisation of the county with a fresh member (ORG_MEMBER) who owns its resources. */
export async function createOwnerOrganization(county: County) {
  const member = await createUser({ roles: ["ORG_MEMBER"] });
  const organization = await createOrganization(county.code, [member.id]);
  return { organization, member };
}

export function createPlanProject(organizationId: string, data: { budgetFen?: number; reservedFen?: number; perCaseCapFen?: number; status?: "ACTIVE" | "PAUSED"; regionCodes?: string[] } = {}) {
  return prisma.project.create({
    data: {
      organizationId,
      title: `大病救助测试项目${unique()}`,
      summary: "测试项目",
      description: "测试项目",
      categories: ["MAJOR_ILLNESS"],
      regionCodes: data.regionCodes ?? [],
      conditionTags: [],
      perCaseCapFen: data.perCaseCapFen ?? 1_000_000,
      budgetFen: data.budgetFen ?? 5_000_000,
      reservedFen: data.reservedFen ?? 0,
      status: data.status ?? "ACTIVE",
    },
  });
}

export function createPlanSupplyOffer(owner: { organizationId?: string; userId?: string }, data: { quantity: number; quantityReserved?: number; itemCategory?: string; itemName?: string; regionCodes?: string[] }) {
  return prisma.supplyOffer.create({
    data: {
      organizationId: owner.organizationId ?? null,
      userId: owner.userId ?? null,
      itemName: data.itemName ?? "棉被",
      itemCategory: data.itemCategory ?? "BEDDING",
      unit: "床",
      quantity: data.quantity,
      quantityReserved: data.quantityReserved ?? 0,
      regionCodes: data.regionCodes ?? [],
      description: "测试物资",
    },
  });
}

export function createPlanVolunteerOffer(owner: { organizationId?: string; userId?: string }, data: { hoursOffered: number; hoursReserved?: number; skills?: string[]; regionCodes?: string[] }) {
  return prisma.volunteerOffer.create({
    data: {
      organizationId: owner.organizationId ?? null,
      userId: owner.userId ?? null,
      title: `住院陪护${unique()}`,
      description: "测试志愿服务",
      skills: data.skills ?? ["CARE"],
      regionCodes: data.regionCodes ?? [],
      availability: "周末全天",
      hoursOffered: data.hoursOffered,
      hoursReserved: data.hoursReserved ?? 0,
    },
  });
}

/** A volunteer (VOLUNTEER role) with one offer of `hoursOffered` hours of care (anywhere unless told). */
export async function createVolunteerWithOffer(hoursOffered: number, regionCodes: string[] = []) {
  const volunteer = await createUser({ roles: ["VOLUNTEER"] });
  const offer = await createPlanVolunteerOffer({ userId: volunteer.id }, { hoursOffered, regionCodes });
  return { volunteer, offer };
}

/** A fresh keyed-hash-like value standing for one person's ID number. */
export const personHash = () => `test-hash-${unique()}${unique()}`;
