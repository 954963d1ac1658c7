import { describe, expect, it } from "vitest";
import { CASE_STATUSES, FINAL_STATUSES } from "./case-status.ts";
import { checkTransfer, type TransferCheckInput } from "./case-transfer.ts";

// 萧县 (341322) in 宿州市 (3413), 安徽省 (34); 埇桥区 (341302) is another county of the same city.
const base: TransferCheckInput = {
  caseStatus: "ACCEPTED",
  caseRegionCode: "341322",
  ownerOfficeId: "office-xiaoxian",
  target: { id: "office-town", regionCode: "341322101" },
  actorScopeRegionCode: "341322",
};

describe("checkTransfer", () => {
  it.each(CASE_STATUSES)("from %s", (status) => {
    const result = checkTransfer({ ...base, caseStatus: status });
    expect(result).toEqual(FINAL_STATUSES.includes(status) ? { ok: false, refusal: "finalStatus" } : { ok: true });
  });

  it.each([
    ["the same office", { target: { id: "office-xiaoxian", regionCode: "341322" } }, "sameOffice"],
    ["an office outside the county scope", { target: { id: "office-yongqiao", regionCode: "341302" } }, "officeOutOfScope"],
    ["the city office, for county staff", { target: { id: "office-suzhou", regionCode: "3413" } }, "officeOutOfScope"],
    ["another county, for city staff", { actorScopeRegionCode: "3413", target: { id: "office-yongqiao", regionCode: "341302" } }, "officeOffBranch"],
    ["another county, for nationwide staff", { actorScopeRegionCode: null, target: { id: "office-yongqiao", regionCode: "341302" } }, "officeOffBranch"],
  ] as const)("refuses %s", (_label, change, refusal) => {
    expect(checkTransfer({ ...base, ...change })).toEqual({ ok: false, refusal });
  });

  it.each([
    ["a township station of the county", {}],
    ["the city office, for city staff", { actorScopeRegionCode: "3413", target: { id: "office-suzhou", regionCode: "3413" } }],
    ["another office of the same county", { target: { id: "office-xiaoxian-2", regionCode: "341322" } }],
    ["the province office, for nationwide staff", { actorScopeRegionCode: null, target: { id: "office-anhui", regionCode: "34" } }],
  ] as const)("allows %s", (_label, change) => {
    expect(checkTransfer({ ...base, ...change })).toEqual({ ok: true });
  });

  it("checks the final status before anything else", () => {
    expect(checkTransfer({ ...base, caseStatus: "CLOSED", target: { id: "office-xiaoxian", regionCode: "341322" } })).toEqual({ ok: false, refusal: "finalStatus" });
  });
});
