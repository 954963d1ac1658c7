import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANONYMOUS_DONOR_NAME, buildDisclosure, type DisclosureRecords } from "./build-disclosure.ts";

const EMPTY: DisclosureRecords = { grants: [], projectCommitments: [], organizationPledges: [], donations: [], goods: [], services: [], disbursements: [] };

describe("buildDisclosure", () => {
  it("lists every source once, by kind and name, with the seed's shape", () => {
    const result = buildDisclosure({
      ...EMPTY,
      grants: [
        { fundName: "萧县救急难公益基金", amountFen: 300_000 },
        { fundName: "萧县救急难公益基金", amountFen: 700_000 },
      ],
      projectCommitments: [{ projectTitle: "大病救助“暖心”项目", organizationName: "宿州市慈善协会", amountFen: 800_000 }],
      organizationPledges: [{ organizationName: "萧县鑫源粮油有限公司", amountFen: 50_000 }],
      donations: [
        { donorName: null, isAnonymous: true, amountFen: 20_000 },
        { donorName: "李明", isAnonymous: false, amountFen: 150_000 },
        { donorName: "王芳", isAnonymous: true, amountFen: 30_000 },
        { donorName: "李明", isAnonymous: false, amountFen: 10_000 },
        { donorName: "  ", isAnonymous: false, amountFen: 1 },
      ],
      goods: [
        { title: "棉被", unit: "床", quantity: 1 },
        { title: "棉被", unit: "床", quantity: 1 },
        { title: "大米", unit: "袋", quantity: 2 },
      ],
      services: [
        { title: "术后陪护", hours: 8 },
        { title: "术后陪护", hours: 4 },
      ],
      disbursements: [
        { payeeKind: "HOSPITAL", payeeName: "萧县人民医院", amountFen: 300_000 },
        { payeeKind: "HOSPITAL", payeeName: "萧县人民医院", amountFen: 1_500_000 },
        { payeeKind: "BENEFICIARY", payeeName: "周建军", amountFen: 200_000 },
      ],
    });

    expect(result.content).toEqual({
      sources: [
        { kind: "FUND", name: "萧县救急难公益基金", amountFen: 1_000_000 },
        { kind: "PROJECT", name: "大病救助“暖心”项目（宿州市慈善协会）", amountFen: 800_000 },
        { kind: "ORGANIZATION", name: "萧县鑫源粮油有限公司", amountFen: 50_000 },
        { kind: "DONORS", name: "李明", amountFen: 160_000 },
        { kind: "DONORS", name: ANONYMOUS_DONOR_NAME, amountFen: 50_001 },
      ],
      goods: [
        { name: "棉被", quantity: 2, unit: "床" },
        { name: "大米", quantity: 2, unit: "袋" },
      ],
      hours: [{ service: "术后陪护", hours: 12 }],
      payments: [
        { payeeKind: "HOSPITAL", payeeName: "萧县人民医院", amountFen: 1_800_000 },
        { payeeKind: "BENEFICIARY", payeeName: "受助人", amountFen: 200_000 },
      ],
    });
    expect(result.totalInFen).toBe(2_060_001);
    expect(result.totalOutFen).toBe(2_000_000);
    expect(JSON.stringify(result.content)).not.toContain("周建军");
    expect(JSON.stringify(result.content)).not.toContain("王芳");
  });

  it("is empty with zero totals for a case that received nothing", () => {
    expect(buildDisclosure(EMPTY)).toEqual({ content: { sources: [], goods: [], hours: [], payments: [] }, totalInFen: 0, totalOutFen: 0 });
  });

  it("keeps every 分: the totals are the sums of the inputs, whatever their grouping", () => {
    const amount = fc.integer({ min: 1, max: 10_000_000 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ fundName: fc.constantFrom("甲基金", "乙基金"), amountFen: amount })),
        fc.array(fc.record({ donorName: fc.option(fc.constantFrom("张三", "李四")), isAnonymous: fc.boolean(), amountFen: amount })),
        fc.array(fc.record({ payeeKind: fc.constantFrom("HOSPITAL", "BENEFICIARY", "SUPPLIER"), payeeName: fc.constantFrom("医院", "某人"), amountFen: amount })),
        (grants, donations, disbursements) => {
          const result = buildDisclosure({ ...EMPTY, grants, donations, disbursements });
          const sum = (xs: { amountFen: number }[]) => xs.reduce((s, x) => s + x.amountFen, 0);
          expect(result.totalInFen).toBe(sum(grants) + sum(donations));
          expect(result.totalOutFen).toBe(sum(disbursements));
          expect(sum(result.content.sources)).toBe(result.totalInFen);
          expect(result.content.payments.every((p) => p.payeeKind !== "BENEFICIARY" || p.payeeName === "受助人")).toBe(true);
        },
      ),
    );
  });
});
