import { describe, expect, it } from "vitest";
import { loader, meta } from "~/routes/_public+/receipts.$donationId.tsx";
import { BENEFICIARY_SECRETS, createDonation, createFund, createPublishedCase } from "../factories/receipts.ts";
import { responseOf } from "../factories/index.ts";

type LoaderData = Awaited<ReturnType<typeof loader>>;

const EMAIL = "Private.Donor@example.com";

function load(donationId: string, locale: "zh-CN" | "en" = "zh-CN", query = "") {
  const request = new Request(`http://localhost/receipts/${donationId}?lng=${locale}${query}`);
  return responseOf(() => loader({ request, params: { donationId }, context: {} }));
}

async function loaded(donationId: string, locale: "zh-CN" | "en" = "zh-CN", query = "") {
  const response = await load(donationId, locale, query);
  expect(response.status).toBe(200);
  const data = response.data as LoaderData;
  // The capability link shows the gift, never who can be written to, nor whom it helped.
  const json = JSON.stringify(data);
  expect(json.toLowerCase()).not.toContain(EMAIL.toLowerCase());
  for (const secret of BENEFICIARY_SECRETS) expect(json).not.toContain(secret);
  return data;
}

const metaOf = (data: LoaderData) => meta({ data } as unknown as Parameters<typeof meta>[0]);
// A timed <meta refresh> fails WCAG 2.2.1: the page polls with JavaScript instead, never by reloading.
const refreshOf = (data: LoaderData) => metaOf(data).find((m) => "httpEquiv" in m);

describe("/receipts/:donationId", () => {
  it("answers 404 for an unknown id, an empty one and an overlong one", async () => {
    expect((await load("cnosuchdonation0000000000")).status).toBe(404);
    expect((await load("")).status).toBe(404);
    expect((await load("x".repeat(500))).status).toBe(404);
  });

  it("a card gift waiting for the webhook says so and is polled (no timed reload of the page)", async () => {
    const { caseRow } = await createPublishedCase();
    const gift = await createDonation({ caseId: caseRow.id, amountFen: 30_000, status: "PENDING", paidAt: null, donorName: "赵女士", donorEmail: EMAIL });

    const data = await loaded(gift.id);

    expect(data.receipt.status).toBe("PENDING");
    expect(data.statusNote).toContain("正在等待支付结果确认");
    expect(data.isAwaitingCard).toBe(true);
    expect(refreshOf(data)).toBeUndefined();
    expect(metaOf(data)).toContainEqual({ name: "robots", content: "noindex, nofollow" });
    expect(data.donorName).toBe("赵女士");
    expect(data.receipt.case).toEqual({ caseNo: caseRow.caseNo, publicTitle: caseRow.publicTitle, isPublic: true });

    const en = await loaded(gift.id, "en");
    expect(en.statusNote).toContain("Waiting for the payment to be confirmed");

  });

  it("a pending transfer waits for the office without polling every 5 seconds", async () => {
    const { caseRow } = await createPublishedCase();
    const pledge = await createDonation({ caseId: caseRow.id, amountFen: 100_000, method: "TRANSFER", status: "PENDING", paidAt: null, donorEmail: EMAIL });
    const data = await loaded(pledge.id);
    expect(data.statusNote).toContain("等待您的转账到账");
    expect(data.isAwaitingCard).toBe(false);
    expect(refreshOf(data)).toBeUndefined();
  });

  it("a paid gift shows its number, amount, method, case and the paid status, and does not refresh", async () => {
    const { caseRow } = await createPublishedCase();
    const paidAt = new Date("2026-02-01T16:30:00Z");
    const gift = await createDonation({ caseId: caseRow.id, amountFen: 123_456, donorName: "李明", donorEmail: EMAIL, paidAt });

    const data = await loaded(gift.id);

    expect(data.receipt).toMatchObject({ receiptNo: gift.receiptNo, amountFen: 123_456, method: "CARD", status: "PAID" });
    expect(new Date(data.receipt.date).toISOString()).toBe(paidAt.toISOString());
    expect(data.statusNote).toBe("款项已到账，感谢您的爱心！");
    expect(data.isAwaitingCard).toBe(false);
    expect(data.redirectNote).toBeNull();
    expect(data.meta.title).toBe(`捐款收据 ${gift.receiptNo}`);
  });

  it("a refunded gift says it was refunded", async () => {
    const { caseRow } = await createPublishedCase();
    const gift = await createDonation({ caseId: caseRow.id, amountFen: 5_000, status: "REFUNDED", donorEmail: EMAIL });
    expect((await loaded(gift.id)).statusNote).toBe("这笔捐款已退款，原路退回。");
    expect((await loaded(gift.id, "en")).statusNote).toContain("refunded");
  });

  it.each(["FAILED", "EXPIRED", "HELD"] as const)("a %s gift has its own note and no refresh", async (status) => {
    const { caseRow } = await createPublishedCase();
    const gift = await createDonation({ caseId: caseRow.id, amountFen: 5_000, status, paidAt: null });
    const data = await loaded(gift.id);
    expect(data.statusNote.length).toBeGreaterThan(0);
    expect(data.statusNote).not.toContain("等待");
    expect(data.isAwaitingCard).toBe(false);
  });

  it("an anonymous gift shows 爱心人士, whatever name was typed", async () => {
    const { caseRow } = await createPublishedCase();
    const gift = await createDonation({ caseId: caseRow.id, amountFen: 5_000, isAnonymous: true, donorName: "真实姓名不显示", donorEmail: EMAIL });
    const data = await loaded(gift.id);
    expect(data.donorName).toBe("爱心人士");
    expect(JSON.stringify(data)).not.toContain("真实姓名不显示");
    expect((await loaded(gift.id, "en")).donorName).toBe("Anonymous donor");

    const nameless = await createDonation({ caseId: caseRow.id, amountFen: 5_000, donorName: "  " });
    expect((await loaded(nameless.id)).donorName).toBe("爱心人士");
  });

  it("a gift that landed after the case was covered says it went to the region's relief fund", async () => {
    const { caseRow, county } = await createPublishedCase();
    const fund = await createFund(county.code, "测试县救急难公益基金");
    const gift = await createDonation({ caseId: caseRow.id, fundId: fund.id, redirectedToFund: true, amountFen: 8_000, donorEmail: EMAIL });
    const data = await loaded(gift.id);
    expect(data.redirectNote).toBe("您付款时该个案的需求已经全部筹足，这笔捐款已转入测试县救急难公益基金，用于救助本地区其他急难家庭。");
    expect(data.receipt.fund?.name).toBe("测试县救急难公益基金");
  });

  it("a case no longer public shows only its number", async () => {
    const { caseRow } = await createPublishedCase();
    const { prisma } = await import("~/utils/db.server.ts");
    await prisma.case.update({ where: { id: caseRow.id }, data: { status: "WITHDRAWN" } });
    const gift = await createDonation({ caseId: caseRow.id, amountFen: 5_000 });
    const data = await loaded(gift.id);
    expect(data.receipt.case).toEqual({ caseNo: caseRow.caseNo, publicTitle: null, isPublic: false });
    expect(JSON.stringify(data)).not.toContain(caseRow.publicTitle!);
  });
});
