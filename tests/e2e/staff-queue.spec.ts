import { expect, test } from "./fixtures.ts";

// One journey: a county's staff member logs in, sees the queue of their county, switches the
// site to English and back, and logs out.
test("staff log in, see their queue, switch language and log out", async ({ page, login }) => {
  await login({ role: "staff" });

  await page.goto("/staff");
  await expect(page.getByRole("heading", { level: 1, name: "个案工作台" })).toBeVisible();
  await expect(page.getByText("辖区：安徽省 宿州市 萧县")).toBeVisible();
  const rows = page.getByTestId("queue-row");
  await expect(rows.first()).toBeVisible();
  // Only 萧县's cases: every row's area is inside the county.
  for (const area of await rows.locator("td:nth-child(5)").allTextContents()) expect(area).toContain("萧县");

  // Overdue items are flagged.
  await expect(page.getByText("已超时").first()).toBeVisible();

  await page.getByRole("link", { name: /English/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Case desk" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The choice is kept in a cookie: a plain navigation stays in English.
  await page.goto("/needs");
  await expect(page.getByRole("heading", { level: 1, name: "Needs" })).toBeVisible();

  await page.getByRole("link", { name: /中文/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "急难需求" })).toBeVisible();

  await page.getByRole("button", { name: "退出" }).click();
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fstaff/);
});

test("a county's staff cannot open another county's case", async ({ page, login }) => {
  await login({ role: "staff" });
  const response = await page.goto("/staff/cases/JJN-370303-2026-0001");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});
