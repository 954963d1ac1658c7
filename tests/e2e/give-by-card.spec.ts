import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { buildCheckoutSessionCompletedEvent, fetchStandInSession, signStripeEvent } from "../support/stripe-stand-in.ts";
import { expect, test } from "./fixtures.ts";

// A donor gives by card to a seeded published need. Stripe cannot be reached from here, so the
// e2e server points the app at the Stripe test stand-in (tests/support/stripe-stand-in.ts): the
// donor lands on the stand-in's Checkout page, and the test then plays Stripe's part by posting a
// signed checkout.session.completed to /webhooks/stripe. The receipt shows the gift as received and
// the need's cash progress — read from the case's ledger account — moves by the amount given.
const NEED_TITLE = "张店区7岁女孩确诊白血病，化疗费用缺口大";
const DONOR = "张晓东";

/** "已到账 ¥12,500.00 / 目标 ¥50,000.00" → 1250000 (分). */
function receivedFen(label: string | null): number {
  const match = /已到账 ¥([\d,]+)\.(\d{2})/.exec(label ?? "");
  if (!match) throw new Error(`no received amount in ${label}`);
  return Number(match[1]!.replace(/,/g, "")) * 100 + Number(match[2]);
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

test("a donor gives by card: Checkout at the stand-in, a signed webhook, the receipt, and the progress bar moves", async ({ page }) => {
  await page.goto("/needs");
  await page.getByRole("link", { name: NEED_TITLE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: NEED_TITLE })).toBeVisible();
  const caseNo = new URL(page.url()).pathname.split("/").pop()!;
  const cashBar = page.getByTestId("cash-progress").getByRole("progressbar");
  const before = receivedFen(await cashBar.getAttribute("aria-label"));

  await page.getByRole("link", { name: "捐款", exact: true }).click();
  await expect(page).toHaveURL(`/needs/${caseNo}/give`);
  await expectNoSeriousAxeViolations(page);
  // Sent empty, the form comes back with its messages (and is still accessible).
  await page.getByRole("button", { name: "前往支付" }).click();
  await expect(page.getByText("此项必填。").first()).toBeVisible();
  await expect(page.getByLabel("捐款金额（元）")).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel("捐款金额（元）").fill("200");
  await page.getByLabel("捐赠人姓名").fill(DONOR);
  await page.getByLabel("电子邮箱").fill("e2e.donor@example.com");
  await page.getByRole("button", { name: "前往支付" }).click();

  // Redirected (303) to the Checkout Session's url: a page of the stand-in that says what it is.
  await expect(page.getByRole("heading", { level: 1, name: /Stripe 测试替身/ })).toBeVisible();
  await expect(page.getByTestId("stand-in-amount")).toHaveText("200.00 CNY");
  const checkoutUrl = new URL(page.url());
  const sessionId = checkoutUrl.pathname.split("/").pop()!;
  expect(sessionId).toMatch(/^cs_test_/);
  const session = await fetchStandInSession(checkoutUrl.origin, sessionId);
  expect(session.metadata).toMatchObject({ caseNo });
  const donationId = session.metadata!.donationId!;

  // Stripe's part: the signed event for the paid session, to the app's webhook.
  const { payload, signature } = signStripeEvent(buildCheckoutSessionCompletedEvent(session));
  const delivered = await page.request.post("/webhooks/stripe", { data: payload, headers: { "Content-Type": "application/json", "Stripe-Signature": signature } });
  expect(delivered.status()).toBe(200);
  expect(await delivered.json()).toEqual({ received: true, status: "PROCESSED" });

  // Back from Checkout to the receipt (the session's success_url).
  await page.getByRole("link", { name: /返回网站/ }).click();
  await expect(page).toHaveURL(`/receipts/${donationId}`);
  await expect(page.getByText("款项已到账，感谢您的爱心！")).toBeVisible();
  await expect(page.getByText(DONOR).first()).toBeVisible();

  await page.goto(`/needs/${caseNo}`);
  await expect.poll(async () => receivedFen(await page.getByTestId("cash-progress").getByRole("progressbar").getAttribute("aria-label"))).toBe(before + 20_000);
  await expect(page.getByTestId("givers").getByRole("cell", { name: DONOR })).toBeVisible();
  expect(await page.content()).not.toContain("e2e.donor@example.com");
});
