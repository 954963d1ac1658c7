import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditCodeCheckChar, isValidCreditCode, validateCreditCode } from "./credit-code.ts";

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Independent oracle: GB 32100-2015 defines weight i as 3^(i-1) mod 31 and the check as
// 31 − (Σ mod 31), with 31 meaning "0".
function expectedCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * (3 ** i % 31);
  const check = 31 - (sum % 31);
  return CHARSET[check === 31 ? 0 : check]!;
}

describe("validateCreditCode: valid codes", () => {
  // Published codes, each checked against the oracle below rather than trusted.
  it.each([
    ["91350100M000100Y43", "Fuzhou-registered enterprise (letter in the organisation code)"],
    ["91440300708461136T", "腾讯科技（深圳）有限公司"],
    ["914403001922038216", "华为技术有限公司"],
    ["91110108551385082Q", "Beijing 海淀区 enterprise"],
    ["91350100m000100y43", "lower case is normalised"],
    [" 91440300708461136T\n", "surrounding blanks are trimmed"],
  ])("%s (%s)", (input) => {
    const value = input.trim().toUpperCase();
    expect(expectedCheckChar(value)).toBe(value[17]);
    expect(validateCreditCode(input)).toEqual({ ok: true, value });
    expect(isValidCreditCode(input)).toBe(true);
  });

  it("agrees with the standard's formula on random codes", () => {
    const charsetChar = fc.constantFrom(...CHARSET.split(""));
    fc.assert(
      fc.property(
        fc.tuple(fc.array(charsetChar, { minLength: 2, maxLength: 2 }), fc.stringMatching(/^\d{6}$/), fc.array(charsetChar, { minLength: 9, maxLength: 9 })),
        ([head, region, orgCode]) => {
          const first17 = head.join("") + region + orgCode.join("");
          expect(creditCodeCheckChar(first17)).toBe(expectedCheckChar(first17));
          expect(isValidCreditCode(first17 + expectedCheckChar(first17))).toBe(true);
        },
      ),
    );
  });
});

describe("validateCreditCode: invalid codes", () => {
  it.each([
    ["wrong check character", "91350100M000100Y44", "checksum"],
    ["one character mistyped", "91440300708461137T", "checksum"],
    ["adjacent characters swapped", "91440300704861136T", "checksum"],
    ["17 characters", "91350100M000100Y4", "format"],
    ["19 characters", "91350100M000100Y433", "format"],
    ["letter I (never used)", "91350100M000100I43", "format"],
    ["letter O (never used)", "91350100M0O0100Y43", "format"],
    ["letters Z, S, V (never used)", "9135010ZS000100V43", "format"],
    ["letter in the region code", "9135A100M000100Y43", "format"],
    ["old 15-digit business licence number", "110000000000001", "format"],
    ["9-digit organisation code alone", "70846113-6", "format"],
    ["spaces inside", "9135 0100 M000 100Y 43", "format"],
    ["empty", "", "format"],
  ])("%s: %j → %s", (_label, input, reason) => {
    expect(validateCreditCode(input)).toEqual({ ok: false, reason });
    expect(isValidCreditCode(input)).toBe(false);
  });

  it("creditCodeCheckChar refuses characters outside the charset", () => {
    expect(() => creditCodeCheckChar("91350100M000100I4")).toThrow(RangeError);
  });
});
