import { idNumberCheckChar } from "../../app/domain/id-number.ts";
import { CLOSED_CASES } from "../../prisma/seed/case-data-closed.ts";
import { INTAKE_CASES } from "../../prisma/seed/case-data-intake.ts";
import { PUBLISHED_CASES } from "../../prisma/seed/case-data-published.ts";
import { PLAN_DEMO_PERSON } from "../../prisma/seed/case-data-plan-demo.ts";
import { expect, test } from "./fixtures.ts";

// Every public page of the seeded site, crawled link by link, must be free of every seeded
// beneficiary's name, ID number, phone number and address (DESIGN: privacy).
const PRIVATE_PREFIXES = ["/staff", "/account", "/org", "/admin", "/logout", "/login", "/signup", "/build", "/webhooks"];
const MAX_PAGES = 400;

const planDemo = { person: PLAN_DEMO_PERSON, regionCode: "341322104" };
const secrets = [...PUBLISHED_CASES, ...CLOSED_CASES, ...INTAKE_CASES, planDemo].flatMap(({ person, regionCode }) => {
  const first17 = `${regionCode.slice(0, 6)}${person.birthDate.replaceAll("-", "")}${String(person.idSeq).padStart(3, "0")}`;
  return [person.name, first17 + idNumberCheckChar(first17), person.phone, person.address].filter((s): s is string => !!s);
});

test("no public page shows a beneficiary's personal data", async ({ request }) => {
  // A few hundred pages, one at a time: minutes on a busy 2-core machine.
  test.setTimeout(300_000);
  expect(secrets.length).toBeGreaterThan(40);
  const queue = ["/", "/needs", "/fund", "/projects", "/volunteer", "/disclosures", "/report", "/complaints/new", "/disclosures.csv", "/needs?lng=en"];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < MAX_PAGES) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(500);
    const body = await response.text();
    for (const secret of secrets) expect(body.includes(secret), `${path} shows ${secret.slice(0, 1)}…`).toBe(false);
    for (const [, href] of body.matchAll(/href="([^"#]+)"/g)) {
      if (!href || !href.startsWith("/") || href.startsWith("//")) continue;
      const clean = href.replaceAll("&amp;", "&");
      const isPrivate = PRIVATE_PREFIXES.some((p) => clean === p || clean.startsWith(`${p}/`) || clean.startsWith(`${p}?`));
      if (isPrivate || /\.(css|js|svg|png|ico)(\?|$)/.test(clean)) continue;
      if (!seen.has(clean)) queue.push(clean);
    }
  }
  console.log(`privacy crawl: ${seen.size} public pages checked against ${secrets.length} personal details`);
  // The crawl reached the published needs, projects, organisations and disclosures.
  expect([...seen].filter((p) => p.startsWith("/needs/")).length).toBeGreaterThan(5);
  expect([...seen].some((p) => p.startsWith("/organizations/"))).toBe(true);
  expect([...seen].some((p) => p.startsWith("/projects/"))).toBe(true);
});
