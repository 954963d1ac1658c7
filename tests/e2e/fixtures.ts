import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/seed/demo-logins.ts";

type Role = (typeof DEMO_LOGINS)[number]["role"];

/** `login({ role })`: signs in through the real form as that role's demo account. */
export const test = base.extend<{ login: (opts: { role: Role }) => Promise<Page> }>({
  login: async ({ page }, use) => {
    await use(async ({ role }) => {
      const account = DEMO_LOGINS.find((l) => l.role === role);
      if (!account) throw new Error(`no demo login for role ${role}`);
      await page.goto("/login");
      await page.getByLabel(/电子邮箱|Email/).fill(account.email);
      await page.getByLabel(/密码|Password/).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: /登录|Log in/ }).click();
      await page.waitForURL((u) => !u.pathname.startsWith("/login"));
      return page;
    });
  },
});

export { expect };
