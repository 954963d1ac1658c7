import { expect, test } from "./fixtures.ts";

// The seeded need 「张店区7岁女孩确诊白血病，化疗费用缺口大」 found by a Chinese word and by pinyin,
// through the plain GET form (works without JavaScript).
test("search needs by a Chinese word and by pinyin", async ({ page }) => {
  await page.goto("/needs");
  await page.getByRole("searchbox").fill("白血病");
  await page.getByRole("button", { name: "应用" }).click();
  await expect(page).toHaveURL(/q=%E7%99%BD%E8%A1%80%E7%97%85/);
  await expect(page.getByRole("link", { name: /白血病/ }).first()).toBeVisible();
  await expect(page.getByText("共 1 条")).toBeVisible();

  await page.goto("/needs?q=baixuebing");
  await expect(page.getByRole("link", { name: /白血病/ }).first()).toBeVisible();

  await page.goto("/needs?q=%E7%99%BD%E8%A1%80%E7%97%85&category=DISASTER");
  await expect(page.getByText("没有符合条件的需求。")).toBeVisible();
});
