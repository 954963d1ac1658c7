import { expect, test } from "./fixtures.ts";

// One journey through the public resource pages as an anonymous visitor: the relief fund's books,
// the charity projects (and one project and its organisation), volunteer offers, and the closed
// cases' disclosures with their CSV export. Checks what is on the page, not the seeded amounts.
test("a visitor looks at the fund, projects, an organisation, volunteer offers and disclosures", async ({ page }) => {
  await page.goto("/fund");
  await expect(page.getByRole("heading", { level: 1, name: "救急难公益基金" })).toBeVisible();
  const fund = page.getByTestId("fund-panel").first();
  await expect(fund.getByRole("heading", { level: 2 })).toContainText("救急难公益基金");
  await expect(fund.getByTestId("fund-balance")).toContainText("¥");
  await expect(fund.getByRole("heading", { name: "使用规则" })).toBeVisible();
  // Money in is both drawn and tabled; the seed puts public finance into the funds.
  await expect(fund.getByRole("table", { name: "资金来源" })).toContainText("公共财政");

  await page.goto("/projects");
  await expect(page.getByRole("heading", { level: 1, name: "慈善救助项目" })).toBeVisible();
  const card = page.getByTestId("project-card").first();
  await expect(card).toBeVisible();
  await expect(card.getByRole("progressbar")).toBeVisible();
  const title = (await card.getByRole("heading", { level: 2 }).textContent())?.trim() ?? "";
  expect(title).not.toBe("");
  await card.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "资助规则" })).toBeVisible();
  await expect(page.getByText("单个个案资助上限")).toBeVisible();

  // The project's organisation: vetted, with what it has given.
  const orgLink = page.locator('main a[href^="/organizations/"]').first();
  const orgName = (await orgLink.textContent())?.trim() ?? "";
  await orgLink.click();
  await expect(page.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
  await expect(page.getByText("已通过民政部门认证")).toBeVisible();
  await expect(page.getByRole("heading", { name: "已提供的帮助" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "救助项目" })).toBeVisible();

  await page.goto("/volunteer");
  await expect(page.getByRole("heading", { level: 1, name: "志愿服务" })).toBeVisible();
  await expect(page.getByTestId("volunteer-offer").first()).toBeVisible();
  await expect(page.getByTestId("volunteer-offer").first()).toContainText("尚可安排");
  await expect(page.getByRole("heading", { name: "如何提供志愿服务" })).toBeVisible();
  await expect(page.getByRole("link", { name: "注册成为志愿者" })).toHaveAttribute("href", /\/signup/);

  await page.goto("/disclosures");
  await expect(page.getByRole("heading", { level: 1, name: "救助公示" })).toBeVisible();
  const row = page.getByTestId("disclosure-row").first();
  await expect(row).toBeVisible();
  await expect(row.getByRole("link", { name: /^JJN-/ })).toHaveAttribute("href", /^\/needs\/JJN-/);

  const csv = await page.request.get("/disclosures.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf-8")).toContain("个案编号,地区,类别,结案日期");
});

test("an unknown project answers 404 with the error page", async ({ page }) => {
  const response = await page.goto("/projects/no-such-project");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});
