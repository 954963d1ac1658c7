import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ancestorRegionCodes, countyCodeOf, isWithinRegion, regionsOnSameBranch, REGION_LEVEL_LENGTHS } from "./region-codes.ts";

// 萧县 (341322) in 宿州市 (3413), 安徽省 (34); 埇桥区 (341302) is another county of the same city.
describe("ancestorRegionCodes", () => {
  it.each([
    ["341322100201", ["341322100201", "341322100", "341322", "3413", "34"]],
    ["341322100", ["341322100", "341322", "3413", "34"]],
    ["341322", ["341322", "3413", "34"]],
    ["3413", ["3413", "34"]],
    ["34", ["34"]],
    // Not a level length: the code still leads, and only real levels above it follow.
    ["3413221", ["3413221", "341322", "3413", "34"]],
  ])("%s → %j", (code, expected) => {
    expect(ancestorRegionCodes(code)).toEqual(expected);
  });

  const levelCode = fc
    .constantFrom(...REGION_LEVEL_LENGTHS)
    .chain((length) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length }));

  it("lists the code, then every region it lies within, nearest first", () => {
    fc.assert(
      fc.property(levelCode, (code) => {
        const chain = ancestorRegionCodes(code);
        expect(chain[0]).toBe(code);
        expect(chain).toHaveLength(REGION_LEVEL_LENGTHS.indexOf(code.length as (typeof REGION_LEVEL_LENGTHS)[number]) + 1);
        for (const [i, ancestor] of chain.entries()) {
          expect(isWithinRegion(code, ancestor)).toBe(true);
          if (i > 0) expect(ancestor.length).toBeLessThan(chain[i - 1]!.length);
        }
      }),
    );
  });
});

describe("countyCodeOf", () => {
  it.each([
    ["341322100201", "341322"],
    ["341322100", "341322"],
    ["341322", "341322"],
    ["3413", null],
    ["34", null],
    ["abcdef", null],
    ["", null],
  ])("%s → %s", (code, expected) => {
    expect(countyCodeOf(code)).toBe(expected);
  });
});

describe("isWithinRegion", () => {
  it.each([
    ["341322100", "341322100", true],
    ["341322100", "341322", true],
    ["341322100", "34", true],
    ["341322", "341322100", false],
    ["341302", "341322", false],
    ["341322101", "341322100", false],
  ] as const)("%s within %s → %s", (code, area, expected) => {
    expect(isWithinRegion(code, area)).toBe(expected);
  });
});

describe("regionsOnSameBranch", () => {
  it.each([
    ["341322", "341322", true],
    ["341322", "3413", true],
    ["3413", "341322101", true],
    ["341322", "341302", false],
    ["341322101", "341322102", false],
  ] as const)("%s ~ %s → %s", (a, b, expected) => {
    expect(regionsOnSameBranch(a, b)).toBe(expected);
    expect(regionsOnSameBranch(b, a)).toBe(expected);
  });
});
