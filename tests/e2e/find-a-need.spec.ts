import { expect, test } from "./fixtures.ts";

// A giver who reads English finds a need: switches the site to English, searches with an English
// word typed wrongly, narrows the list by region and category with the plain GET form, and opens a
// need to see how far each line is covered.
test("switch to English, search with a typo, filter by region and category, open a need", async ({ page }) => {
  await page.goto("/needs");
  await expect(page.getByRole("heading", { level: 1, name: "急难需求" })).toBeVisible();
  await page.getByRole("link", { name: /English/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Needs" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // "acident" is "accident" with a letter missing; the seeded accident need is written in Chinese.
  await page.getByRole("searchbox").fill("acident");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=acident/);
  await expect(page.getByRole("link", { name: /黄口镇45岁父亲/ })).toBeVisible();
  await expect(page.getByText("Found: 1")).toBeVisible();

  // Region (萧县, a county with several needs) and category together; the counts sit in the options.
  await page.goto("/needs");
  const region = page.getByLabel("Region");
  await expect(region.locator("option", { hasText: "萧县" })).toHaveText(/萧县 \(\d+\)/);
  await region.selectOption("341322");
  await page.getByLabel("Category").selectOption("DISASTER");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/region=341322/);
  await expect(page).toHaveURL(/category=DISASTER/);
  const results = page.locator("main a[href^='/needs/JJN-']");
  await expect(results).not.toHaveCount(0);
  for (const href of await results.evaluateAll((links) => links.map((a) => a.getAttribute("href")))) expect(href).toMatch(/^\/needs\/JJN-341322-/);
  // The 满洲里 disaster need is outside 萧县.
  await expect(page.getByText(/蘑菇气/)).toHaveCount(0);

  await results.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const bars = page.getByRole("progressbar");
  await expect(bars.first()).toBeVisible();
  // The money received (from the ledger) and every goods and service line have their own bar, in English.
  await expect(page.getByRole("progressbar", { name: /^Received ¥[\d,.]+ of ¥[\d,.]+$/ })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: /^Goods/ }).first()).toBeVisible();
  await expect(page.getByRole("progressbar", { name: /^Service/ }).first()).toBeVisible();
});
