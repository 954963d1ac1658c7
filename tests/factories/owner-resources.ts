// Rows for the owner-resources tests (organisation sign-up, projects, supply and volunteer offers).
import crypto from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { creditCodeCheckChar } from "~/domain/credit-code.ts";
import type { RoleName } from "~/domain/permissions.ts";
import { prisma } from "~/utils/db.server.ts";
import { createCounty, createUser, responseOf, signedInRequest } from "./index.ts";

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A fresh 统一社会信用代码 registered in the county, with a correct check character or a wrong one. */
export function makeCreditCode(countyCode: string, isValid = true) {
  const body = Array.from({ length: 9 }, () => CHARSET[crypto.randomInt(CHARSET.length)]).join("");
  const first17 = `51${countyCode}${body}`;
  const check = creditCodeCheckChar(first17);
  return `${first17}${isValid ? check : CHARSET[(CHARSET.indexOf(check) + 1) % CHARSET.length]}`;
}

type OrgStatus = "PENDING" | "VETTED" | "REJECTED" | "SUSPENDED";

/** An organisation with one OWNER member (an ORG_MEMBER user), in a fresh county with an office. */
export async function createOrganizationWithOwner(opts: { status?: OrgStatus; roles?: RoleName[] } = {}) {
  const county = await createCounty();
  const owner = await createUser({ roles: opts.roles ?? ["ORG_MEMBER"] });
  const status = opts.status ?? "VETTED";
  const organization = await prisma.organization.create({
    data: {
      name: `测试慈善协会${crypto.randomBytes(3).toString("hex")}`,
      kind: "CHARITY",
      creditCode: makeCreditCode(county.code),
      status,
      statusReason: status === "SUSPENDED" ? "物资去向待核查" : null,
      regionCode: county.code,
      description: "县慈善协会，开展大病救助和冬季送温暖。",
      contactName: "机构联系人乙",
      contactPhone: "0557-1234567",
      vettedAt: status === "VETTED" ? new Date() : null,
      members: { create: { userId: owner.id, role: "OWNER" } },
    },
  });
  return { county, owner, organization };
}

export function createProjectRow(organizationId: string, regionCode: string, data: { reservedFen?: number; budgetFen?: number; status?: "DRAFT" | "ACTIVE" | "PAUSED" | "CLOSED" } = {}) {
  return prisma.project.create({
    data: {
      organizationId,
      title: "大病医疗救助",
      summary: "为重大疾病家庭提供医疗费用资助。",
      description: "项目详细介绍。",
      categories: ["MAJOR_ILLNESS"],
      regionCodes: [regionCode],
      conditionTags: [],
      perCaseCapFen: 500_000,
      budgetFen: data.budgetFen ?? 10_000_000,
      reservedFen: data.reservedFen ?? 0,
      status: data.status ?? "ACTIVE",
    },
  });
}

export function createSupplyOfferRow(organizationId: string, regionCode: string, data: { quantityReserved?: number; quantity?: number } = {}) {
  return prisma.supplyOffer.create({
    data: {
      organizationId,
      itemName: "棉被",
      itemCategory: "BEDDING",
      unit: "床",
      quantity: data.quantity ?? 50,
      quantityReserved: data.quantityReserved ?? 0,
      regionCodes: [regionCode],
      description: "冬季救助储备棉被。",
    },
  });
}

export function createVolunteerOfferRow(userId: string, regionCode: string, data: { hoursReserved?: number; hoursOffered?: number; status?: "DRAFT" | "ACTIVE" | "PAUSED" | "CLOSED" } = {}) {
  return prisma.volunteerOffer.create({
    data: {
      userId,
      title: "住院陪护",
      description: "可在县医院陪护。",
      skills: ["CARE"],
      regionCodes: [regionCode],
      availability: "周末全天",
      hoursOffered: data.hoursOffered ?? 40,
      hoursReserved: data.hoursReserved ?? 0,
      status: data.status ?? "ACTIVE",
    },
  });
}

/** Form fields, with repeated keys for checkbox groups. */
export function formBody(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return body;
}

type RouteFn = (args: LoaderFunctionArgs) => Promise<unknown>;
const context = {} as LoaderFunctionArgs["context"];

/** GET a loader as the user. */
export async function getAs(userId: string, loader: RouteFn, url: string, params: Record<string, string> = {}) {
  return responseOf(async () => loader({ request: await signedInRequest(userId, url), params, context }));
}

/** POST a form to an action as the user. */
export async function postAs(userId: string, action: RouteFn, url: string, fields: Record<string, string | string[]>, params: Record<string, string> = {}) {
  return responseOf(async () => action({ request: await signedInRequest(userId, url, { method: "POST", body: formBody(fields) }), params, context }));
}

/** SEARCH outbox rows naming this kind and id. */
export async function searchRowsFor(kind: string, id: string) {
  const rows = await prisma.outboxEvent.findMany({ where: { topic: "SEARCH", kind }, orderBy: { id: "asc" } });
  return rows.filter((r) => (r.payload as { id?: string } | null)?.id === id);
}
