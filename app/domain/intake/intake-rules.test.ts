import { describe, expect, it } from "vitest";
import { caseCounterName, formatCaseNo, isMainlandPhone, pickOwnerOffice, reportUrgency } from "./intake-rules.ts";

describe("pickOwnerOffice", () => {
  const county = { id: "county", regionCode: "341322" };
  const station = { id: "station", regionCode: "341322100" };
  const city = { id: "city", regionCode: "3413" };

  it("prefers the region's own office, then the nearest ancestor's", () => {
    expect(pickOwnerOffice([county, station, city], "341322100")?.id).toBe("station");
    expect(pickOwnerOffice([county, station, city], "341322102")?.id).toBe("county");
    expect(pickOwnerOffice([city], "341322102")?.id).toBe("city");
    expect(pickOwnerOffice([county, station], "341302001")).toBeNull();
  });

  it("gives a tie to the office listed first", () => {
    const second = { id: "second", regionCode: "341322" };
    expect(pickOwnerOffice([county, second], "341322102")?.id).toBe("county");
  });

  it("never treats a sibling with a common prefix as an ancestor", () => {
    expect(pickOwnerOffice([{ id: "other-town", regionCode: "341322101" }], "341322100")).toBeNull();
  });
});

describe("case numbers", () => {
  it("formats the county, the year and a four-digit running number", () => {
    expect(formatCaseNo("341322", "2026", 22)).toBe("JJN-341322-2026-0022");
    expect(formatCaseNo("150781", "2027", 12345)).toBe("JJN-150781-2027-12345");
    expect(caseCounterName("341322", "2026")).toBe("case:341322:2026");
  });

  it.each([
    ["3413", "2026", 1],
    ["341322", "26", 1],
    ["341322", "2026", 0],
    ["341322", "2026", 1.5],
  ])("refuses %s / %s / %s", (county, year, seq) => {
    expect(() => formatCaseNo(county, year, seq)).toThrow(RangeError);
  });
});

describe("isMainlandPhone", () => {
  it.each([
    "13812345678",
    "199 1234 5678",
    "+86 13812345678",
    "0557-5022349",
    "05575022349",
    "010-12345678",
    "0533-2182349-801",
  ])("accepts %s", (phone) => expect(isMainlandPhone(phone)).toBe(true));

  it.each([
    "12812345678", // no 12x mobile prefix
    "1381234567", // one digit short
    "138123456789",
    "5022349", // a landline without its area code cannot be dialled from elsewhere
    "0557-0022349", // local numbers do not start with 0
    "phone",
    "",
  ])("refuses %s", (phone) => expect(isMainlandPhone(phone)).toBe(false));
});

describe("reportUrgency", () => {
  it.each([
    [true, "HIGH"],
    [false, "NORMAL"],
  ] as const)("danger %s → %s", (danger, urgency) => expect(reportUrgency(danger)).toBe(urgency));
});
