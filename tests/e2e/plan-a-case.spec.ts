import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

// 一案一策 (issue 6): staff of 萧县 plan a published need from the engine's suggestions — a charity
// project, a supply offer and a volunteer offer — and the owners accept on /account/assignments;
// the public need page then lists them as givers with the lines covered. The need is the one
// prisma/seed/plan-demo.ts seeds for this journey (nothing committed to it beforehand).
const NEED_TITLE = /新庄镇一位父亲确诊淋巴瘤/;
const PROJECT = "大病救助“暖心”项目"; // 宿州市慈善协会 (org-charity)
const QUILTS = "棉被"; // 宿州市慈善协会's stock
const CARE = "住院陪护与生活照料"; // the demo volunteer's offer
const CHARITY = "宿州市慈善协会";
const VOLUNTEER = "陈晓燕";

/** The plan's section of one need line, by its heading "资金 · …". */
const lineSection = (page: Page, heading: RegExp) => page.getByTestId("plan-line").filter({ has: page.getByRole("heading", { level: 3, name: heading }) });

async function pickSuggestion(page: Page, line: Locator, title: string, amount?: string) {
  const suggestion = line.getByTestId("plan-suggestion").filter({ has: page.getByTestId("suggestion-title").filter({ hasText: new RegExp(`^${title}$`) }) }).first();
  await expect(suggestion).toBeVisible();
  const field = suggestion.getByLabel(/选用(金额|数量|时长)/);
  if (amount !== undefined) await field.fill(amount);
  await suggestion.getByRole("button", { name: "选用" }).click();
  await page.waitForURL(/\/plan(#.*)?$/);
}

async function switchUser(page: Page) {
  await page.context().clearCookies();
}

/** The accessible label of a line's public progress bar, e.g. "物资 · 棉被: 已落实 3 床 / 3 床". */
const progressOf = (page: Page, line: string) => page.getByRole("progressbar", { name: new RegExp(`· ${line}: `) }).getAttribute("aria-label");

test("staff plan a need from suggestions; the charity and the volunteer accept; the public page shows it", async ({ page, login }) => {
  test.setTimeout(120_000);

  // The need, found as the public finds it.
  await page.goto("/needs");
  await page.getByRole("link", { name: NEED_TITLE }).first().click();
  await page.waitForURL(/\/needs\/JJN-341322-\d{4}-\d{4}$/);
  // A client-side navigation changes the URL before the new page has rendered: wait for its heading.
  await expect(page.getByRole("heading", { level: 1, name: NEED_TITLE })).toBeVisible();
  const caseNo = new URL(page.url()).pathname.split("/").pop()!;
  expect(await progressOf(page, "棉被")).toContain("已落实 0 床 / 3 床");
  await expect(page.getByTestId("givers")).not.toContainText(CHARITY);

  // Staff of 萧县 open the case file and its plan tab.
  await login({ role: "staff" });
  await page.goto(`/staff/cases/${caseNo}`);
  await page.getByRole("link", { name: "方案", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "一案一策：救助方案" })).toBeVisible();

  const cash = lineSection(page, /资金 · 化疗及住院费用缺口/);
  await expect(cash.getByTestId("plan-suggestion").filter({ hasText: PROJECT })).toContainText("匹配度");
  await pickSuggestion(page, cash, PROJECT, "8000");
  await expect(cash.getByTestId("plan-commitment").filter({ hasText: PROJECT })).toContainText("已认领");
  await expect(cash.getByTestId("line-state")).toContainText("¥17,000.00");

  const quilts = lineSection(page, /物资 · 棉被/);
  await pickSuggestion(page, quilts, QUILTS);
  await expect(quilts.getByTestId("line-state")).toHaveText("已全部落实");

  const care = lineSection(page, /服务 · 住院陪护/);
  await pickSuggestion(page, care, CARE);
  await expect(care.getByTestId("plan-commitment").filter({ hasText: VOLUNTEER })).toContainText("已认领");

  // The printable sheet lists the three picks and who made them.
  await page.getByRole("link", { name: "打印方案（一案一策表）" }).click();
  const sheet = page.getByTestId("plan-sheet");
  await expect(sheet.getByRole("heading", { level: 1 })).toHaveText("“救急难”一案一策救助方案");
  for (const name of [PROJECT, QUILTS, CARE]) await expect(sheet).toContainText(name);
  await expect(sheet).toContainText(caseNo);

  // The charity's member accepts the project and the quilts.
  await switchUser(page);
  await login({ role: "org-charity" });
  await page.goto("/account");
  await page.getByRole("link", { name: /方案选用与服务登记/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "方案选用与服务登记" })).toBeVisible();
  for (const title of [PROJECT, QUILTS]) {
    const card = page.getByTestId("assignment").filter({ hasText: caseNo }).filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(title) }) });
    await expect(card.getByTestId("assignment-status")).toHaveText("已认领");
    await card.getByRole("button", { name: "接受" }).click();
    await expect(card.getByTestId("assignment-status")).toHaveText("已确认");
  }

  // So does the volunteer.
  await switchUser(page);
  await login({ role: "volunteer" });
  await page.goto("/account/assignments");
  const assignment = page.getByTestId("assignment").filter({ hasText: caseNo });
  await expect(assignment).toContainText(CARE);
  await assignment.getByRole("button", { name: "接受" }).click();
  await expect(assignment.getByTestId("assignment-status")).toHaveText("已确认");

  // The public page: the lines are covered and the givers are named.
  await switchUser(page);
  await page.goto(`/needs/${caseNo}`);
  expect(await progressOf(page, "棉被")).toContain("已落实 3 床 / 3 床");
  expect(await progressOf(page, "住院陪护")).toContain("已落实 12 小时 / 12 小时");
  const givers = page.getByTestId("givers");
  await expect(givers).toContainText(CHARITY);
  await expect(givers).toContainText(VOLUNTEER);
  await expect(givers).toContainText("¥8,000.00");
});
