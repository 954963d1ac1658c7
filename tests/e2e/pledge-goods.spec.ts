import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

// The seeded published need of 圣泉镇 (a house fire) asks for 4 sets of winter clothes (冬衣) that
// nobody has pledged yet in the demo data.
const NEED_TITLE = /圣泉镇一户农家突发火灾/;
const LINE = "冬衣";
const ORGANIZATION = "宿州市慈善协会";

/** "物资 · 冬衣: 已落实 2 套 / 4 套" → 2: the public progress of the line, read from its accessible label. */
async function coveredOnPublicPage(page: Page, caseNo: string): Promise<number> {
  await page.goto(`/needs/${caseNo}`);
  const bar = page.getByRole("progressbar", { name: new RegExp(`${LINE}: `) });
  const label = (await bar.getAttribute("aria-label")) ?? "";
  const match = /已落实 (\d+)/.exec(label);
  if (!match) throw new Error(`no progress in "${label}"`);
  return Number(match[1]);
}

test("an organisation pledges goods against a published need; the office confirms and marks them delivered", async ({ page, login }) => {
  test.setTimeout(90_000);

  // Find the need from the public list.
  await page.goto("/needs");
  await page.getByRole("link", { name: NEED_TITLE }).first().click();
  await page.waitForURL(/\/needs\/JJN-341322-\d{4}-\d{4}$/);
  const caseNo = new URL(page.url()).pathname.split("/").pop()!;
  const before = await coveredOnPublicPage(page, caseNo);

  // The charity's member pledges 2 sets on behalf of the vetted charity.
  await login({ role: "org-charity" });
  await page.goto(`/needs/${caseNo}/pledge`);
  await expect(page.getByRole("heading", { level: 1, name: "认领物资" })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(LINE) }).check();
  await page.getByLabel("认领数量").fill("2");
  await page.getByLabel("认领身份").selectOption({ label: ORGANIZATION });
  await expect(page.getByLabel(/联系方式/)).toHaveValue("org.charity@demo.jjn.cn");
  await page.getByRole("button", { name: "提交认领" }).click();
  await expect(page.getByTestId("pledge-sent")).toContainText("认领已提交");

  // The public page shows the line's progress moved by the pledge, and never the contact.
  expect(await coveredOnPublicPage(page, caseNo)).toBe(before + 2);
  expect(await page.content()).not.toContain("org.charity@demo.jjn.cn");

  // The owning office's staff confirm, then mark the goods delivered.
  await page.context().clearCookies();
  await login({ role: "staff" });
  await page.goto(`/staff/cases/${caseNo}/pledges`);
  const row = page.getByTestId("case-commitments").locator("tr").filter({ hasText: ORGANIZATION }).filter({ hasText: LINE }).filter({ hasText: "已认领" }).first();
  await expect(row).toContainText("org.charity@demo.jjn.cn");
  const rowId = await row.getAttribute("data-testid");
  await row.getByRole("button", { name: "确认认领" }).click();
  const same = page.getByTestId(rowId!);
  await expect(same.getByTestId("commitment-status")).toHaveText("已确认");
  await same.getByRole("button", { name: "登记送达" }).click();
  await expect(same.getByTestId("commitment-status")).toHaveText("已送达");
  await expect(same).toContainText(/送达（.+）/);

  // Delivered goods still count on the public page.
  expect(await coveredOnPublicPage(page, caseNo)).toBe(before + 2);
});
