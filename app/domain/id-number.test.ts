import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageOn, idNumberCheckChar, isValidIdNumber, maskIdNumber, validateIdNumber } from "./id-number.ts";

// Independent oracle: ISO 7064 MOD 11-2 as the standard states it (weight of position i is
// 2^(i-1) mod 11, counted from the right with the check character at i = 1).
function withCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return first17 + (check === 10 ? "X" : String(check));
}

describe("validateIdNumber: valid numbers", () => {
  it.each([
    // The worked example in GB 11643-1999 (Beijing 朝阳区, born 1949-12-31, female).
    ["GB 11643 worked example", "11010519491231002X", "110105", { year: 1949, month: 12, day: 31 }, "F"],
    ["lower-case x is accepted", "11010519491231002x", "110105", { year: 1949, month: 12, day: 31 }, "F"],
    ["surrounding blanks are trimmed", " 11010519491231002X ", "110105", { year: 1949, month: 12, day: 31 }, "F"],
    ["Anhui 砀山县, male", withCheckChar("34132219900101123"), "341322", { year: 1990, month: 1, day: 1 }, "M"],
    ["Shenzhen 福田区, male", withCheckChar("44030419850716051"), "440304", { year: 1985, month: 7, day: 16 }, "M"],
    ["leap day 2000, female", withCheckChar("51010720000229002"), "510107", { year: 2000, month: 2, day: 29 }, "F"],
    ["earliest accepted year", withCheckChar("62010219000101001"), "620102", { year: 1900, month: 1, day: 1 }, "M"],
    ["Urumqi, 1999-12-31", withCheckChar("65010219991231999"), "650102", { year: 1999, month: 12, day: 31 }, "M"],
  ] as const)("%s: %s", (_label, input, regionCode, birthDate, sex) => {
    expect(validateIdNumber(input)).toEqual({
      ok: true,
      value: input.trim().toUpperCase(),
      birthDate,
      sex,
      regionCode,
    });
    expect(isValidIdNumber(input)).toBe(true);
  });

  it("computes the same check characters as the standard's formula", () => {
    expect(idNumberCheckChar("11010519491231002")).toBe("X");
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        expect(first17 + idNumberCheckChar(first17)).toBe(withCheckChar(first17));
      }),
    );
  });
});

describe("validateIdNumber: invalid numbers", () => {
  it.each([
    ["wrong check digit", "110105194912310021", "checksum"],
    ["one digit mistyped", "11010519491231012X", "checksum"],
    ["two digits swapped, still a real date", "11010519491213002X", "checksum"],
    ["30 February", withCheckChar("11010519900230002"), "birthdate"],
    ["29 February in a common year", withCheckChar("11010520230229002"), "birthdate"],
    ["month 13", withCheckChar("11010519901301002"), "birthdate"],
    ["day 00", withCheckChar("11010519900100002"), "birthdate"],
    ["born before 1900", withCheckChar("11010518991231002"), "birthdate"],
    ["17 digits", "11010519491231002", "format"],
    ["19 characters", "11010519491231002X1", "format"],
    ["15-digit first-generation number", "110105491231002", "format"],
    ["letters", "11010519491231ABCD", "format"],
    ["X in the middle", "1101051949123X0021", "format"],
    ["spaces inside", "110105 19491231 002X", "format"],
    ["full-width digits", "１１０１０５１９４９１２３１００２Ｘ", "format"],
    ["empty", "", "format"],
  ])("%s: %s → %s", (_label, input, reason) => {
    expect(validateIdNumber(input)).toEqual({ ok: false, reason });
    expect(isValidIdNumber(input)).toBe(false);
  });

  it("catches every single-digit typo", () => {
    const valid = "11010519491231002X";
    for (let position = 0; position < 17; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === valid[position]) continue;
        const typo = valid.slice(0, position) + digit + valid.slice(position + 1);
        expect(isValidIdNumber(typo), typo).toBe(false);
      }
    }
  });
});

describe("maskIdNumber", () => {
  it.each([
    ["341322199001011233", "3413**********1233"],
    ["11010519491231002x", "1101**********002X"],
    ["110105 19491231 002X", "1101**********002X"],
    ["12345678", "********"], // too short to show anything safely
    ["", ""],
  ])("%s → %s", (input, expected) => expect(maskIdNumber(input)).toBe(expected));

  it("never shows the birth date of a valid number", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        const masked = maskIdNumber(withCheckChar(first17));
        expect(masked).toHaveLength(18);
        expect(masked.slice(4, 14)).toBe("**********");
      }),
    );
  });
});

describe("ageOn", () => {
  const bornNewYear1990 = withCheckChar("34132219900101123");
  const bornLeapDay2000 = withCheckChar("51010720000229002");

  it.each([
    [bornNewYear1990, "2025-12-31", 35],
    [bornNewYear1990, "2026-01-01", 36], // birthday counts
    [bornNewYear1990, "1990-01-01", 0],
    ["11010519491231002X", "2025-12-30", 75],
    ["11010519491231002X", "2025-12-31", 76],
    [bornLeapDay2000, "2025-02-28", 24],
    [bornLeapDay2000, "2025-03-01", 25], // common year: a year older on 1 March
    [bornLeapDay2000, "2024-02-29", 24],
    [{ year: 2010, month: 6, day: 15 }, "2028-06-14", 17],
    [{ year: 2010, month: 6, day: 15 }, { year: 2028, month: 6, day: 15 }, 18],
  ] as const)("ageOn(%j, %j) = %i", (who, on, expected) => {
    expect(ageOn(who, on)).toBe(expected);
  });

  it.each([
    ["invalid ID number", "110105194912310021", "2025-01-01"],
    ["onDate before birth", "11010519491231002X", "1949-12-30"],
    ["onDate not ISO", "11010519491231002X", "2025/01/01"],
    ["impossible birth date", { year: 2023, month: 2, day: 29 }, "2025-01-01"],
  ] as const)("throws for %s", (_label, who, on) => {
    expect(() => ageOn(who, on)).toThrow(RangeError);
  });
});
