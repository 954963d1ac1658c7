// Rows for server tests, created through the real client on the worker's own database. Each call
// uses fresh unique keys so tests in one worker never collide.
import crypto from "node:crypto";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { RoleName } from "~/domain/permissions.ts";
import { prisma } from "~/utils/db.server.ts";
import { hashPassword } from "~/utils/password.server.ts";
import { createUserSession } from "~/utils/session.server.ts";

const unique = () => crypto.randomBytes(4).toString("hex");

/**
 * A province › city › county chain under a made-up code (9x, not a real province), returned as its
 * county. The sequence lives in the worker's database, so codes stay unique across the test files
 * that share it.
 */
export async function createCounty(name = `测试县${unique()}`) {
  const { value: seq } = await prisma.counter.upsert({
    where: { name: "test:county" },
    update: { value: { increment: 1 } },
    create: { name: "test:county", value: 1 },
  });
  const province = `9${Number(process.env.VITEST_POOL_ID ?? 0) % 10}`;
  const city = `${province}${String(Math.floor(seq / 100) % 100).padStart(2, "0")}`;
  const county = `${city}${String(seq % 100).padStart(2, "0")}`;
  for (const [code, level, parentCode] of [[province, "PROVINCE", null], [city, "CITY", province], [county, "COUNTY", city]] as const) {
    await prisma.region.upsert({ where: { code }, update: {}, create: { code, name: code === county ? name : code, level, parentCode, fullName: name } });
  }
  const office = await prisma.office.create({ data: { name: `${name}民政局`, regionCode: county } });
  return { code: county, name, officeId: office.id };
}

let passwordHash: Promise<string> | undefined;

export async function createUser(opts: { roles: RoleName[]; scopeRegionCode?: string | null; officeId?: string | null; password?: string }) {
  passwordHash ??= hashPassword("test-password-123");
  return prisma.user.create({
    data: {
      email: `user-${unique()}@test.jjn.cn`,
      passwordHash: opts.password ? await hashPassword(opts.password) : await passwordHash,
      displayName: `测试用户${unique()}`,
      roles: opts.roles,
      scopeRegionCode: opts.scopeRegionCode ?? null,
      officeId: opts.officeId ?? null,
    },
  });
}

let caseSeq = 0;

export async function createCase(county: { code: string; officeId: string }, data: Partial<Prisma.CaseUncheckedCreateInput> = {}) {
  caseSeq += 1;
  return prisma.case.create({
    data: {
      caseNo: `JJN-${county.code}-2026-T${unique()}${caseSeq}`,
      source: "HOTLINE_12349",
      category: "MAJOR_ILLNESS",
      urgency: "HIGH",
      regionCode: county.code,
      ownerOfficeId: county.officeId,
      intakeNote: "测试受理记录",
      responseDueOn: new Date("2026-11-24"),
      ...data,
      beneficiary: { create: { name: "测试受助人", phone: "13800000000", address: "测试村 1 号", householdSize: 3 } },
    },
  });
}

/** A request as a signed-in user would send it: the session cookie from a real login. */
export async function signedInRequest(userId: string, url: string, init: RequestInit = {}) {
  const login = await createUserSession(userId, new Request("http://localhost/login"), "/");
  const cookie = login.headers.get("Set-Cookie")?.split(";")[0] ?? "";
  return new Request(`http://localhost${url}`, { ...init, headers: { ...(init.headers ?? {}), Cookie: cookie } });
}

/** Runs a loader/action and returns the Response it threw or returned (redirects and errors alike). */
export async function responseOf(run: () => Promise<unknown>): Promise<{ status: number; headers: Headers; data?: unknown }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, headers: result.headers };
    if (isDataWithInit(result)) return { status: result.init?.status ?? 200, headers: new Headers(result.init?.headers), data: result.data };
    return { status: 200, headers: new Headers(), data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers };
    if (isDataWithInit(thrown)) return { status: thrown.init?.status ?? 500, headers: new Headers(thrown.init?.headers), data: thrown.data };
    throw thrown;
  }
}

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}
