// The rows the donations benchmark needs, written straight to its own database (the public give
// form is rate-limited, and 10,000 round trips through it would measure the form, not the webhook):
// a city with four counties, their offices and relief funds (one county has none of its own, so
// its overflow goes to the city's fund), published cases with cash lines, the ledger's system and
// case accounts, then per batch the PENDING card donations with their Checkout Sessions and the
// checkout.session.completed events Stripe would send for them.
import { formatReceiptNo, receiptCounterName } from "~/domain/pledges/pledge-rules.ts";
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { caseAccount, ensureSystemAccounts, fundAccount } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { buildCheckoutSession, buildCheckoutSessionCompletedEvent, type StripeEventShape } from "../../support/stripe-stand-in.ts";

/** mulberry32: small, fast and seeded, so every run builds the same world and the same order. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const randomInt = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const YEAR = "2026";
const CITY = { code: "3413", name: "宿州市" };
const COUNTIES = [
  { code: "341302", name: "埇桥区", hasFund: true },
  { code: "341321", name: "砀山县", hasFund: true },
  { code: "341322", name: "萧县", hasFund: true },
  { code: "341323", name: "灵璧县", hasFund: false },
] as const;
const CATEGORIES = ["MAJOR_ILLNESS", "ACCIDENT", "DISASTER", "DEATH_OF_BREADWINNER", "EDUCATION"] as const;
const ALIASES = ["王女士", "李先生", "张阿姨", "刘大爷", "陈同学", "赵女士", "孙先生", "周奶奶"];
const DONOR_NAMES = ["李明", "王芳", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"];

/**
 * `fillsUp`: a small case whose gifts are all ¥100 and whose one line needs fewer of them than it
 * gets, so it is covered exactly, turns FULFILLED, and the gifts after that go to the relief fund.
 * The other cases have one or two larger lines that gifts of every size fill only in part.
 */
export type BenchCase = { id: string; caseNo: string; cashLineIds: string[]; targetFen: number; fillsUp: boolean };

/** One case in this many fills up. */
const FILL_UP_EVERY = 8;
export const FILL_UP_GIFT_FEN = 10_000;

/** Regions, offices, funds (with their accounts) and the ledger's system accounts. */
export async function createWorld(prisma: PrismaClient) {
  await prisma.region.createMany({
    data: [
      { code: "34", name: "安徽省", level: "PROVINCE", parentCode: null, fullName: "安徽省" },
      { code: CITY.code, name: CITY.name, level: "CITY", parentCode: "34", fullName: `安徽省 ${CITY.name}` },
      ...COUNTIES.map((c) => ({ code: c.code, name: c.name, level: "COUNTY" as const, parentCode: CITY.code, fullName: `安徽省 ${CITY.name} ${c.name}` })),
    ],
  });
  const offices = new Map<string, string>();
  for (const county of COUNTIES) {
    const office = await prisma.office.create({ data: { name: `${county.name}民政局`, regionCode: county.code }, select: { id: true } });
    offices.set(county.code, office.id);
  }
  const fundRegions = [{ code: CITY.code, name: CITY.name }, ...COUNTIES.filter((c) => c.hasFund)];
  for (const region of fundRegions) {
    const fund = await prisma.reliefFund.create({
      data: { name: `${region.name}救急难公益基金`, regionCode: region.code, description: "基准测试用基金", scopeCategories: [], perCaseCapFen: 2_000_000, reviewThresholdFen: 500_000, advanceCapFen: 300_000 },
      select: { id: true, name: true },
    });
    await prisma.ledgerAccount.create({ data: { code: fundAccount(fund.id), kind: "FUND", name: fund.name, fundId: fund.id } });
  }
  await ensureSystemAccounts(prisma);
  return { offices };
}

/**
 * `count` PUBLISHED cases spread over the four counties, each with its ledger account: most with
 * one or two cash lines (a gift that no longer fits its line moves to the other one, and one that
 * fits neither goes to the fund), one in eight a small "fills up" case (see BenchCase).
 */
export async function createCases(
  prisma: PrismaClient,
  world: { offices: Map<string, string> },
  opts: { batch: number; count: number; giftsPerCase: number; meanGiftFen: number; random: () => number },
) {
  const cases: BenchCase[] = [];
  const now = new Date();
  for (let i = 0; i < opts.count; i += 1) {
    const county = COUNTIES[i % COUNTIES.length]!;
    const caseNo = `JJN-${county.code}-${YEAR}-B${opts.batch}${String(i + 1).padStart(4, "0")}`;
    const fillsUp = i % FILL_UP_EVERY === FILL_UP_EVERY - 1;
    // A regular case needs 0.8× to 2× what its gifts bring on average; a small one 60 % of it, in ¥100s.
    const targetFen = fillsUp
      ? FILL_UP_GIFT_FEN * Math.round(opts.giftsPerCase * 0.6)
      : Math.round((opts.giftsPerCase * opts.meanGiftFen * randomInt(opts.random, 80, 200)) / 100 / 100) * 100;
    const lineCount = !fillsUp && opts.random() < 0.25 ? 2 : 1;
    const first = lineCount === 2 ? Math.round((targetFen * 0.6) / 100) * 100 : targetFen;
    const c = await prisma.case.create({
      data: {
        caseNo,
        status: "PUBLISHED",
        source: "HOTLINE_12349",
        category: CATEGORIES[i % CATEGORIES.length]!,
        urgency: i % 3 === 0 ? "HIGH" : "NORMAL",
        regionCode: county.code,
        ownerOfficeId: world.offices.get(county.code)!,
        intakeNote: "基准测试个案（无个人信息）",
        responseDueOn: now,
        acceptedAt: now,
        verifiedAt: now,
        publishedAt: now,
        alias: ALIASES[i % ALIASES.length]!,
        ageBand: "ADULT",
        publicTitle: `${county.name}急难个案 ${caseNo}`,
        publicStory: "家庭突遭变故，生活陷入困境，急需社会各界帮助。",
        needs: {
          create: [
            { kind: "CASH", title: "医疗费用缺口", target: first, sortOrder: 0 },
            ...(lineCount === 2 ? [{ kind: "CASH" as const, title: "康复与生活费用", target: targetFen - first, sortOrder: 1 }] : []),
          ],
        },
      },
      select: { id: true, needs: { select: { id: true }, orderBy: { sortOrder: "asc" } } },
    });
    cases.push({ id: c.id, caseNo, cashLineIds: c.needs.map((n) => n.id), targetFen, fillsUp });
  }
  await prisma.ledgerAccount.createMany({ data: cases.map((c) => ({ code: caseAccount(c.caseNo), kind: "CASE" as const, name: `个案 ${c.caseNo}`, caseId: c.id })) });
  return cases;
}

export type PlannedGift = { donationId: string; sessionId: string; caseNo: string; amountFen: number; event: StripeEventShape };

/**
 * `count` PENDING card donations over the given cases, as the give form leaves them (receipt
 * number from the year's counter, Checkout Session id, the line the donor gave to), and the
 * checkout.session.completed event of each — built from a Checkout Session in Stripe's shape with
 * the donation's id in its metadata, exactly as start-card-donation creates it.
 */
export async function createPendingGifts(prisma: PrismaClient, cases: BenchCase[], opts: { batch: number; count: number; random: () => number; appUrl: string }): Promise<PlannedGift[]> {
  const counter = await prisma.counter.upsert({
    where: { name: receiptCounterName(YEAR) },
    update: { value: { increment: opts.count } },
    create: { name: receiptCounterName(YEAR), value: opts.count },
  });
  const firstSeq = counter.value - opts.count + 1;
  const createdAt = new Date();
  const gifts: PlannedGift[] = [];
  const rows = [];
  for (let i = 0; i < opts.count; i += 1) {
    const c = cases[Math.floor(opts.random() * cases.length)]!;
    const needId = c.cashLineIds[Math.floor(opts.random() * c.cashLineIds.length)]!;
    // ¥10 to ¥500, one gift in four with 角/分 (amounts are integer 分 throughout); ¥100 to a small case.
    const amountFen = c.fillsUp ? FILL_UP_GIFT_FEN : randomInt(opts.random, 10, 500) * 100 + (opts.random() < 0.25 ? randomInt(opts.random, 1, 99) : 0);
    const tag = `b${opts.batch}_${String(i).padStart(5, "0")}`;
    const donationId = `bench_donation_${tag}`;
    const sessionId = `cs_test_bench_${tag}`;
    const isAnonymous = opts.random() < 0.3;
    const locale = opts.random() < 0.2 ? "en" : "zh-CN";
    rows.push({
      id: donationId,
      receiptNo: formatReceiptNo(YEAR, firstSeq + i),
      caseId: c.id,
      needId,
      amountFen,
      currency: "cny",
      method: "CARD" as const,
      status: "PENDING" as const,
      donorName: isAnonymous ? null : DONOR_NAMES[i % DONOR_NAMES.length]!,
      isAnonymous,
      donorEmail: `donor-${tag}@example.com`,
      stripeCheckoutSessionId: sessionId,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 24 * 60 * 60 * 1000),
    });
    const session = buildCheckoutSession({
      id: sessionId,
      amountFen,
      currency: "cny",
      metadata: { donationId, caseNo: c.caseNo, locale },
      customerEmail: `donor-${tag}@example.com`,
      clientReferenceId: donationId,
      locale: locale === "en" ? "en" : "zh",
      successUrl: `${opts.appUrl}/receipts/${donationId}`,
      cancelUrl: `${opts.appUrl}/needs/${c.caseNo}`,
    });
    const event = buildCheckoutSessionCompletedEvent(session);
    event.id = `evt_test_bench_${tag}`;
    gifts.push({ donationId, sessionId, caseNo: c.caseNo, amountFen, event });
  }
  await prisma.donation.createMany({ data: rows });
  return gifts;
}
