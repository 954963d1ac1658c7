import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

// Owners keep their resources (issue 4 point 4): a member of a vetted charity publishes a project,
// the public sees it on /projects, the member pauses it and it is gone from the list; a volunteer
// registers an offer of time and finds it on /volunteer. The search index follows through the
// outbox; only /needs searches the index (projects are listed from the database), so the check
// there is that a new project's document leaves the needs search as it was.

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1_000)}`;

/** A visitor with no session, in a browser context of their own. */
async function anonymousPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "zh-CN" });
  return context.newPage();
}

/** Waits until the outbox worker has applied every SEARCH row written so far (see /healthz). */
async function searchOutboxDrained(page: Page) {
  await expect
    .poll(async () => {
      const health = (await (await page.request.get("/healthz")).json()) as { outbox: { topics: { SEARCH: { pending: number } } } | null };
      return health.outbox?.topics.SEARCH.pending;
    }, { timeout: 20_000 })
    .toBe(0);
}

test("an organisation member publishes a project, the public sees it, and it leaves /projects when paused", async ({ login, browser }) => {
  const title = `社区助医应急项目 ${stamp()}`;
  const page = await login({ role: "org-charity" });

  await page.goto("/org");
  await expect(page.getByRole("heading", { level: 1, name: "机构工作台" })).toBeVisible();
  await page.getByRole("link", { name: "宿州市慈善协会" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /宿州市慈善协会/ })).toBeVisible();
  const deskUrl = page.url();

  await page.getByRole("link", { name: "新建项目" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "新建慈善救助项目" })).toBeVisible();
  await page.getByLabel("项目名称").fill(title);
  await page.getByLabel("一句话简介").fill("为突发重病家庭垫付住院押金。");
  await page.getByLabel("详细介绍").fill("面向萧县突发重病、住院押金有困难的家庭，经民政部门核实后按一案一策安排资助。");
  await page.getByRole("group", { name: "救助类别" }).getByRole("checkbox").first().check();
  await page.getByRole("group", { name: "服务地区" }).getByRole("checkbox").first().check();
  await page.getByLabel("单个个案资助上限（元）").fill("5000");
  await page.getByLabel("项目预算（元）").fill("100000");
  await page.getByRole("button", { name: "发布", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: `项目：${title}` })).toBeVisible();
  const projectUrl = page.url();
  await page.goto(deskUrl);
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toBeVisible();
  await expect(row).toContainText("进行中");

  const visitor = await anonymousPage(browser);
  await visitor.goto("/projects");
  await expect(visitor.getByRole("link", { name: "登录" })).toBeVisible();
  await expect(visitor.getByTestId("project-card").filter({ hasText: title })).toHaveCount(1);

  // The project's document is in the index now; the needs search shows needs only, as before.
  await searchOutboxDrained(visitor);
  await visitor.goto(`/needs?q=${encodeURIComponent(title)}`);
  await expect(visitor.getByText("没有符合条件的需求。")).toBeVisible();
  await visitor.goto(`/needs?q=${encodeURIComponent("白血病")}`);
  await expect(visitor.getByRole("link", { name: /白血病/ }).first()).toBeVisible();
  await expect(visitor.getByText("共 1 条")).toBeVisible();

  await page.goto(projectUrl);
  await page.getByRole("button", { name: "暂停", exact: true }).click();
  await expect(page.getByRole("button", { name: "恢复", exact: true })).toBeVisible();
  await page.goto(deskUrl);
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("暂停");

  await visitor.goto("/projects");
  await expect(visitor.getByRole("heading", { level: 1, name: "慈善救助项目" })).toBeVisible();
  await expect(visitor.getByText(title)).toHaveCount(0);
  await searchOutboxDrained(visitor);
  await visitor.goto(`/needs?q=${encodeURIComponent("白血病")}`);
  await expect(visitor.getByText("共 1 条")).toBeVisible();
  // Someone acting for an organisation finds the way to apply from the login page.
  await visitor.goto("/login");
  await expect(visitor.getByRole("link", { name: "申请机构入驻" })).toHaveAttribute("href", "/org/register");
  await visitor.context().close();
});

test("a volunteer registers an offer of time and finds it on /volunteer", async ({ login }) => {
  const title = `周末住院陪护 ${stamp()}`;
  const page = await login({ role: "volunteer" });

  await page.goto("/account/offers/new");
  await expect(page.getByRole("heading", { level: 1, name: "登记志愿服务" })).toBeVisible();
  await page.getByLabel("服务名称").fill(title);
  await page.getByLabel("服务介绍").fill("有两年医院陪护经验，可以帮助住院病人打饭、陪同检查。");
  await page.getByRole("group", { name: "服务内容" }).getByRole("checkbox").first().check();
  await page.getByRole("group", { name: "服务地区" }).getByRole("checkbox").first().check();
  await page.getByLabel("服务时间").fill("周末全天");
  await page.getByLabel("可提供时长（小时）").fill("20");
  await page.getByRole("button", { name: "发布", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: `志愿服务：${title}` })).toBeVisible();
  await page.goto("/account/offers");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("进行中");

  await page.goto("/volunteer");
  await expect(page.getByRole("heading", { level: 1, name: "志愿服务" })).toBeVisible();
  await expect(page.getByTestId("volunteer-offer").filter({ hasText: title })).toHaveCount(1);
});
