import { expect, test } from "./fixtures.ts";

// One journey: a visitor reports a neighbour in need in a township of 萧县 and gets a reference;
// the county's staff then find that case in their intake queue, waiting to be accepted.
test("a visitor reports someone in need and the county's staff see it in their queue", async ({ page, login }) => {
  await page.goto("/report");
  await expect(page.getByRole("heading", { level: 1, name: "求助 / 主动报告" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "隐私说明" })).toBeVisible();

  await page.getByLabel("替他人报告（发现有人需要帮助）").check();
  await page.getByLabel("需要帮助的人的姓名").fill("村东头独居的刘奶奶");
  await page.getByLabel(/您的姓名/).fill("邻居老周");
  await page.getByLabel("联系电话").fill("13955571234");
  // 杨楼镇 has no service station of its own, so 萧县民政局 owns the case.
  await page.getByLabel("所在地区").selectOption("341322102");
  await page.getByLabel("遇到的困难").selectOption("MAJOR_ILLNESS");
  await page.getByLabel("情况说明").fill("老人摔伤后卧床，子女在外地打工，家里没有人照顾，看病的钱也拿不出来。");
  await page.getByLabel("情况危急：有生命或健康危险").check();
  await page.getByLabel(/我已阅读隐私说明/).check();
  await page.getByRole("button", { name: "提交", exact: true }).click();

  await expect(page.getByRole("heading", { name: "已收到，谢谢您" })).toBeVisible();
  const reference = (await page.getByTestId("report-reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^JJN-341322-\d{4}-\d{4}$/);
  await expect(page.getByText("请拨打社会救助热线 12349")).toBeVisible();
  // Nothing about the report travels in the address.
  expect(new URL(page.url()).pathname).toBe("/report");
  expect(new URL(page.url()).search).toBe("");

  await login({ role: "staff" });
  await page.goto("/staff?status=REPORTED");
  const row = page.getByTestId("queue-row").filter({ hasText: reference });
  await expect(row).toBeVisible();
  await expect(row).toContainText("待受理");
  await expect(row).toContainText("杨楼镇");
  await expect(row).toContainText("紧急");
});
