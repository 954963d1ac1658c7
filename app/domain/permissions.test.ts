import { describe, expect, it } from "vitest";
import { ACTIONS, ROLES, can, decide, isStaff, scopeCovers, type Action, type RoleName } from "./permissions.ts";

const XIAO_XIAN = "341322"; // 安徽省宿州市萧县
const LONGCHENG = "341322100"; // 萧县龙城镇
const ZHANGDIAN = "370303"; // 山东省淄博市张店区

// Expected answers for every role × action, for a target inside the actor's scope.
const EXPECTED: Record<RoleName, Action[]> = {
  DONOR: [],
  VOLUNTEER: ["volunteer.manage"],
  ORG_MEMBER: ["org.manage"],
  STAFF: ["case.read", "case.work", "organization.vet", "fund.record"],
  REVIEWER: ["case.read", "grant.review"],
  ADMIN: ["admin.manage"],
};

describe("permissions: every role × every action", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can({ roles: [role], scopeRegionCode: XIAO_XIAN }, action, { regionCode: LONGCHENG })).toBe(allowed);
      });
    }
  }
});

describe("region scope", () => {
  const xiaoXianStaff = { roles: ["STAFF"] as RoleName[], scopeRegionCode: XIAO_XIAN };

  it.each([
    [XIAO_XIAN, XIAO_XIAN, true],
    [XIAO_XIAN, LONGCHENG, true],
    [XIAO_XIAN, ZHANGDIAN, false],
    [XIAO_XIAN, "3413", false], // the city above the county is outside a county scope
    ["34", LONGCHENG, true],
    [null, ZHANGDIAN, true],
  ] as const)("scope %s covers %s: %s", (scope, region, expected) => {
    expect(scopeCovers(scope, region)).toBe(expected);
  });

  it("refuses a county's staff a case of another county, saying why", () => {
    expect(decide(xiaoXianStaff, "case.read", { regionCode: ZHANGDIAN })).toEqual({ allowed: false, reason: "scope" });
  });

  it("refuses region-bound actions without a target region", () => {
    expect(decide(xiaoXianStaff, "case.work")).toEqual({ allowed: false, reason: "regionRequired" });
  });

  it("combines roles", () => {
    const reviewer = { roles: ["STAFF", "REVIEWER"] as RoleName[], scopeRegionCode: XIAO_XIAN };
    expect(can(reviewer, "grant.review", { regionCode: LONGCHENG })).toBe(true);
    expect(can(reviewer, "admin.manage")).toBe(false);
  });

  it.each(ROLES.map((r) => [r, ["STAFF", "REVIEWER"].includes(r)] as const))("isStaff(%s) is %s", (role, expected) => {
    expect(isStaff({ roles: [role], scopeRegionCode: null })).toBe(expected);
  });
});
