// 救急难公益基金 of 萧县 and 满洲里, and the money put into them: 公共财政, 福彩公益金, an enterprise's
// transfer, 节余低保资金 and a gift straight to the fund.
import type { CaseCategory, ContributionSource, PrismaClient } from "~/generated/prisma/client.ts";
import type { SeedClock } from "./clock.ts";
import { receiptNoFor } from "./numbers.ts";
import { DONORS_ACCOUNT, ensureAccount, fundAccount, postLedgerTransaction } from "~/modules/ledger/post-ledger-transaction.server.ts";
import type { UserKey } from "./users.ts";

const ALL_CATEGORIES: CaseCategory[] = ["MAJOR_ILLNESS", "ACCIDENT", "DISASTER", "DEATH_OF_BREADWINNER", "EDUCATION", "OTHER"];

export const FUNDS = {
  xiaoXian: {
    id: "seed-fund-xiaoxian",
    name: "萧县救急难公益基金",
    regionCode: "341322",
    description:
      "由县级财政预算安排、福彩公益金和社会捐赠共同筹集，用于对遭遇突发性、紧迫性、临时性急难，现有救助政策暂时无法覆盖或救助后仍有困难的家庭给予先行救助和补充救助。单个家庭一次救助最高 2 万元；超过 5000 元的由复核人一事一议审批；紧急情况可先行救助 3000 元以内，事后补办手续。",
    scopeCategories: ALL_CATEGORIES,
    perCaseCapFen: 2_000_000,
    reviewThresholdFen: 500_000,
    advanceCapFen: 300_000,
  },
  manZhouLi: {
    id: "seed-fund-manzhouli",
    name: "满洲里市救急难公益基金",
    regionCode: "150781",
    description:
      "满洲里市设立的救急难专项资金，统筹财政资金、福彩公益金和节余低保资金，对因病、因灾、因意外事故导致基本生活陷入困境的家庭及时给予救助。单户最高 1.5 万元，超过 3000 元须一事一议。",
    scopeCategories: ALL_CATEGORIES,
    perCaseCapFen: 1_500_000,
    reviewThresholdFen: 300_000,
    advanceCapFen: 200_000,
  },
} as const;

export type FundKey = keyof typeof FUNDS;

const CONTRIBUTIONS: Array<{ key: string; fund: FundKey; source: ContributionSource; amountFen: number; counterparty: string; memo: string; daysAgo: number }> = [
  { key: "xiaoxian-finance", fund: "xiaoXian", source: "PUBLIC_FINANCE", amountFen: 30_000_000, counterparty: "萧县财政局", memo: "年度县级财政预算安排救急难资金", daysAgo: 88 },
  { key: "xiaoxian-lottery", fund: "xiaoXian", source: "WELFARE_LOTTERY", amountFen: 15_000_000, counterparty: "萧县民政局（福彩公益金）", memo: "福彩公益金划拨救急难公益基金", daysAgo: 74 },
  { key: "xiaoxian-enterprise", fund: "xiaoXian", source: "ENTERPRISE", amountFen: 5_000_000, counterparty: "萧县鑫源粮油有限公司", memo: "企业定向捐赠（对公转账）", daysAgo: 61 },
  { key: "manzhouli-finance", fund: "manZhouLi", source: "PUBLIC_FINANCE", amountFen: 20_000_000, counterparty: "满洲里市财政局", memo: "年度市级财政预算安排救急难资金", daysAgo: 86 },
  { key: "manzhouli-lottery", fund: "manZhouLi", source: "WELFARE_LOTTERY", amountFen: 8_000_000, counterparty: "满洲里市民政局（福彩公益金）", memo: "福彩公益金划拨", daysAgo: 70 },
  { key: "manzhouli-dibao-surplus", fund: "manZhouLi", source: "DIBAO_SURPLUS", amountFen: 2_000_000, counterparty: "满洲里市民政局", memo: "统筹节余低保资金用于救急难", daysAgo: 40 },
];

/** A transfer straight to 萧县's fund (a Donation with a fund and no case). */
/** Receipt sequence 1; the cases' gifts follow (cases.ts). */
const FUND_GIFT = { id: "seed-donation-fund-01", receiptSeq: 1, amountFen: 100_000, donorName: "萧县工商业联合会（商会）", daysAgo: 33 };

export async function seedFunds(prisma: PrismaClient, clock: SeedClock, users: Record<UserKey, string>) {
  for (const fund of Object.values(FUNDS)) {
    await prisma.reliefFund.upsert({ where: { id: fund.id }, update: {}, create: { ...fund, scopeCategories: [...fund.scopeCategories], createdAt: clock.ago(100) } });
    await ensureAccount(prisma, { code: fundAccount(fund.id), kind: "FUND", name: fund.name, fundId: fund.id });
  }
  for (const c of CONTRIBUTIONS) {
    const fund = FUNDS[c.fund];
    await prisma.$transaction((tx) =>
      postLedgerTransaction(tx, {
        kind: "FUND_CONTRIBUTION",
        idempotencyKey: `seed:contribution:${c.key}`,
        memo: c.memo,
        contributionSource: c.source,
        counterparty: c.counterparty,
        createdById: users.staffXiao,
        occurredAt: clock.ago(c.daysAgo),
        entries: [
          { accountCode: DONORS_ACCOUNT, amountFen: -c.amountFen },
          { accountCode: fundAccount(fund.id), amountFen: c.amountFen },
        ],
      }),
    );
  }

  const paidAt = clock.ago(FUND_GIFT.daysAgo);
  // Seeding a database the app has already used (tests do): its receipt numbers may be taken.
  let receiptSeq = FUND_GIFT.receiptSeq;
  if (!(await prisma.donation.findUnique({ where: { id: FUND_GIFT.id }, select: { id: true } }))) {
    while (await prisma.donation.findUnique({ where: { receiptNo: receiptNoFor(paidAt, receiptSeq) }, select: { id: true } })) receiptSeq++;
  }
  await prisma.$transaction(async (tx) => {
    await tx.donation.upsert({
      where: { id: FUND_GIFT.id },
      update: {},
      create: {
        id: FUND_GIFT.id,
        receiptNo: receiptNoFor(paidAt, receiptSeq),
        fundId: FUNDS.xiaoXian.id,
        amountFen: FUND_GIFT.amountFen,
        method: "TRANSFER",
        status: "PAID",
        donorName: FUND_GIFT.donorName,
        createdAt: clock.after(paidAt, -48),
        paidAt,
      },
    });
    await postLedgerTransaction(tx, {
      kind: "DONATION",
      idempotencyKey: `seed:donation:${FUND_GIFT.id}`,
      memo: "对公转账捐赠萧县救急难公益基金",
      counterparty: FUND_GIFT.donorName,
      donationId: FUND_GIFT.id,
      createdById: users.staffXiao,
      occurredAt: paidAt,
      entries: [
        { accountCode: DONORS_ACCOUNT, amountFen: -FUND_GIFT.amountFen },
        { accountCode: fundAccount(FUNDS.xiaoXian.id), amountFen: FUND_GIFT.amountFen },
      ],
    });
  });
}
