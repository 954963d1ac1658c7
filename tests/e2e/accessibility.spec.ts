import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

// Every public page of the seeded site, in Chinese and in English, checked with axe-core against
// WCAG 2.0/2.1 A and AA: no serious or critical violation. The case numbers, project and
// organisation are found by following the seeded site's own links, not hard-coded.
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING_IMPACTS = new Set(["serious", "critical"]);
const LOCALES = [
  { code: "zh-CN", notFoundTitle: "页面不存在" },
  { code: "en", notFoundTitle: "Page not found" },
] as const;

type Discovered = { needPublished: string; needClosed: string; project: string; organization: string };
type PublicPage = {
  name: string;
  path: string | ((found: Discovered) => string);
  status?: number;
  /** Send the form empty first, so the page is checked with its field messages showing. */
  withErrors?: boolean;
};

const PAGES: PublicPage[] = [
  { name: "home", path: "/" },
  { name: "needs", path: "/needs" },
  { name: "needs search with results", path: `/needs?q=${encodeURIComponent("白血病")}` },
  { name: "published need", path: (f) => f.needPublished },
  { name: "closed need", path: (f) => f.needClosed },
  { name: "fund", path: "/fund" },
  { name: "projects", path: "/projects" },
  { name: "project", path: (f) => f.project },
  { name: "volunteer", path: "/volunteer" },
  { name: "organization", path: (f) => f.organization },
  { name: "disclosures", path: "/disclosures" },
  { name: "report", path: "/report" },
  { name: "report with errors", path: "/report", withErrors: true },
  { name: "complaint", path: "/complaints/new" },
  { name: "complaint with errors", path: "/complaints/new", withErrors: true },
  { name: "login", path: "/login" },
  { name: "login with errors", path: "/login", withErrors: true },
  { name: "signup", path: "/signup" },
  { name: "signup with errors", path: "/signup", withErrors: true },
  { name: "404 (no route)", path: "/no-such-page-for-axe", status: 404 },
  { name: "404 (unknown project)", path: "/projects/no-such-project", status: 404 },
];

async function firstHref(request: APIRequestContext, from: string, pattern: RegExp): Promise<string> {
  const response = await request.get(from);
  expect(response.status(), from).toBe(200);
  const html = await response.text();
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")).find((h) => pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern} on ${from}`);
  return href;
}

/** The seeded pages whose address depends on the data, found by following the site's links. */
async function discover(request: APIRequestContext): Promise<Discovered> {
  const project = await firstHref(request, "/projects", /^\/projects\/[^/?#]+$/);
  return {
    // /needs lists PUBLISHED cases only; /disclosures lists the CLOSED ones.
    needPublished: await firstHref(request, "/needs", /^\/needs\/JJN-[^/?#]+$/),
    needClosed: await firstHref(request, "/disclosures", /^\/needs\/JJN-[^/?#]+$/),
    project,
    organization: await firstHref(request, project, /^\/organizations\/[^/?#]+$/),
  };
}

let discovered: Promise<Discovered> | undefined;
async function pathOf(request: APIRequestContext, entry: PublicPage): Promise<string> {
  if (typeof entry.path === "string") return entry.path;
  discovered ??= discover(request);
  return entry.path(await discovered);
}

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (process.env.A11Y_VERBOSE) {
    // Everything below the bar, and what axe could not decide (e.g. contrast over a gradient), for a person to review.
    for (const v of results.violations) console.log(`[a11y] ${label} violation ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
    for (const v of results.incomplete) console.log(`[a11y] ${label} review ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
    console.log(`[a11y] ${label}: ${results.passes.length} rules passed`);
  }
  const blocking = results.violations.filter((v) => v.impact && BLOCKING_IMPACTS.has(v.impact));
  const report = blocking
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${n.target.map(String).join(" ")}\n      ${(n.failureSummary ?? "").replaceAll("\n", "\n      ")}`)
        .join("\n");
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : "";
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n");
  expect(blocking.map((v) => v.id), `${label}: serious/critical axe violations\n${report}`).toEqual([]);
}

for (const locale of LOCALES) {
  test.describe(`accessibility (${locale.code})`, () => {
    for (const entry of PAGES) {
      test(`${entry.name} has no serious or critical axe violations`, async ({ page, request }) => {
        const path = await pathOf(request, entry);
        // The header's switch is `?lng=…`; the root loader keeps the choice in a cookie.
        await page.goto(`/?lng=${locale.code}`);
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(entry.status ?? 200);
        await expect(page.locator("html")).toHaveAttribute("lang", locale.code);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        // Error pages name the document too, in the page's language (WCAG 2.4.2).
        if (entry.status === 404) await expect(page).toHaveTitle(new RegExp(locale.notFoundTitle));
        if (path.startsWith("/needs?q=")) await expect(page.locator('main a[href^="/needs/JJN-"]').first()).toBeVisible();
        await page.waitForLoadState("networkidle");
        if (entry.withErrors) {
          // Forms are noValidate, so an empty form reaches the server and comes back with messages.
          await page.locator('main form[method="post"] button[type="submit"]').last().click();
          await expect(page.locator('main [aria-invalid="true"]').first()).toBeVisible();
        }
        await expectNoSeriousViolations(page, `${locale.code} ${path}${entry.withErrors ? " (with errors)" : ""}`);
      });
    }
  });
}

test("the skip link is the first Tab stop and moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到正文" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await expect(skip).toHaveAttribute("href", "#main");
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  // The next Tab stop is inside the main content, past the header's links.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
});
