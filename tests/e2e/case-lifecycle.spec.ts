import { idNumberCheckChar } from "../../app/domain/id-number.ts";
import { ZHANG_XIULAN } from "../../prisma/seed/case-data-published.ts";
import { expect, test } from "./fixtures.ts";

// The seeded person with a published case and a 临时救助 record 8 months ago: calling the hotline
// again about her must show both as possible duplicates before the case can be verified.
const first17 = `341322${ZHANG_XIULAN.birthDate.replaceAll("-", "")}${String(ZHANG_XIULAN.idSeq).padStart(3, "0")}`;
const idNumber = first17 + idNumberCheckChar(first17);

test("hotline intake → verification with the duplicate → publish → public need without personal data → close → disclosure", async ({ page, login }) => {
  test.setTimeout(90_000);
  await login({ role: "staff" });

  // 12349 热线 intake.
  await page.goto("/staff/cases/new");
  await page.locator('select[name="source"]').selectOption("HOTLINE_12349");
  await page.locator('select[name="category"]').selectOption("MAJOR_ILLNESS");
  await page.locator('select[name="urgency"]').selectOption("HIGH");
  await page.locator('select[name="region"]').selectOption("341322100");
  await page.getByLabel("姓名").fill(ZHANG_XIULAN.name);
  await page.getByLabel("身份证号").fill(idNumber);
  await page.getByLabel("联系电话").fill(ZHANG_XIULAN.phone);
  await page.getByLabel("住址").fill(ZHANG_XIULAN.address);
  await page.getByLabel("家庭人口").fill("4");
  await page.getByLabel("受理记录").fill("丈夫来电：术后康复费用无力承担，请求再次救助。");
  await page.getByRole("button", { name: "登记个案" }).click();
  await page.waitForURL(/\/staff\/cases\/JJN-341322-\d{4}-\d{4}$/);
  const caseUrl = new URL(page.url()).pathname;
  const caseNo = caseUrl.split("/").pop()!;
  await expect(page.getByTestId("case-status")).toHaveText("待受理");

  await page.getByRole("button", { name: "受理", exact: true }).click();
  await expect(page.getByTestId("case-status")).toHaveText("已受理");

  // Verification: the duplicate check shows the published case and the recent assistance record.
  await page.goto(`${caseUrl}/verify`);
  const duplicates = page.getByTestId("duplicate-check");
  await expect(duplicates.getByTestId("duplicate-cases")).toContainText("求助中");
  await expect(duplicates.getByTestId("duplicate-records")).toContainText("临时救助");
  await page.getByLabel("家庭月收入（元）").fill("2800");
  await page.locator('input[name="monthlyEssential"]').fill("6500");
  await page.locator('select[name="housing"]').selectOption("OWNED_SAFE");
  await page.locator('input[name="vulnerableMembers"][value="SERIOUS_ILLNESS"]').check();
  // Completing without acknowledging the duplicates is refused …
  await page.getByRole("button", { name: "完成核实", exact: true }).click();
  await expect(page.getByText("发现疑似重复救助，请先查看查重结果并勾选确认。").first()).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("已受理");
  // … and goes through once they are acknowledged.
  await page.locator('input[name="acknowledgeDuplicates"]').check();
  await page.getByRole("button", { name: "完成核实", exact: true }).click();
  await expect(page.getByTestId("case-status")).toHaveText("已核实");

  // Publish: the PII guard refuses the beneficiary's name in the story, then the anonymised text goes out.
  await page.goto(`${caseUrl}/publish`);
  await page.getByLabel("化名").fill("张女士");
  await page.locator('select[name="ageBand"]').selectOption("ADULT");
  await page.getByLabel("标题").fill("龙城镇一位母亲术后康复费用告急");
  await page.getByLabel("求助故事（匿名化）").fill(`${ZHANG_XIULAN.name}突发脑出血，术后需要长期康复。`);
  await page.locator('select[name="lines.0.kind"]').selectOption("CASH");
  await page.locator('input[name="lines.0.title"]').fill("康复治疗费用缺口");
  await page.locator('input[name="lines.0.amount"]').fill("20000");
  await page.getByLabel("授权人").fill("本人");
  await page.getByLabel("授权日期").fill(new Date().toISOString().slice(0, 10));
  await page.locator('select[name="consentMethod"]').selectOption("SIGNED_FORM");
  await page.getByRole("button", { name: "确认发布", exact: true }).click();
  await expect(page.getByText(/含有受助人的姓名/).first()).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("已核实");

  await page.getByLabel("求助故事（匿名化）").fill("萧县龙城镇一位四十多岁的母亲突发脑出血，术后需要长期康复治疗，家庭难以承担。");
  await page.getByRole("button", { name: "确认发布", exact: true }).click();
  await expect(page.getByTestId("case-status")).toHaveText("求助中");

  // The public page shows the need and nothing personal.
  const publicPage = await page.context().newPage();
  await publicPage.goto(`/needs/${caseNo}`);
  await expect(publicPage.getByRole("heading", { level: 1, name: "龙城镇一位母亲术后康复费用告急" })).toBeVisible();
  await expect(publicPage.getByText("康复治疗费用缺口")).toBeVisible();
  const html = await publicPage.content();
  for (const secret of [ZHANG_XIULAN.name, idNumber, ZHANG_XIULAN.phone, ZHANG_XIULAN.address]) expect(html).not.toContain(secret);

  // Close from PUBLISHED (a reason is required) and publish the disclosure.
  await page.goto(`${caseUrl}/close`);
  await page.getByLabel("救助结果").fill("经临时救助和慈善项目衔接，康复治疗已落实，家庭生活恢复稳定。");
  await page.getByLabel("结案原因").fill("医保二次报销后缺口已由临时救助解决。");
  await page.getByRole("button", { name: "确认结案并公示" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("已结案");

  await publicPage.goto("/disclosures");
  await expect(publicPage.getByText(caseNo).first()).toBeVisible();
  const csv = await publicPage.request.get("/disclosures.csv");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(caseNo);
});
