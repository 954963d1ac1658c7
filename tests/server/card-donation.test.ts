// The card gift form of /needs/:caseNo/give against the Stripe test stand-in (tests/support): what
// a valid gift writes and sends to Stripe, and that bad input, a closed need, a missing key or a
// Stripe outage write nothing.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { clientRateLimitKey } from "~/modules/rate-limit/client-key.server.ts";
import { action as giveAction, loader as giveLoader } from "~/routes/_public+/needs.$caseNo.give.tsx";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { createGivableCase } from "../factories/donations.ts";
import { createUser, responseOf, signedInRequest } from "../factories/index.ts";
import { STAND_IN_SECRET_KEY, STAND_IN_WEBHOOK_SECRET } from "../support/stripe-stand-in.ts";
import { stripeStandInForFile, withStripeSettings } from "../support/stripe-test-env.ts";

const standIn = stripeStandInForFile();

type Answer = { formError?: string; fieldErrors: Record<string, string[]>; values: Record<string, string> };
/** Where Stripe sends the donor back: PUBLIC_URL when set, else the request's origin. */
const siteUrl = () => getEnv().PUBLIC_URL ?? "http://localhost";
const GOOD = { amount: "200", donorName: "李明", email: "liming@example.com" };

/** Each test is its own client, so the rate limit of one does not reach another. */
const newClient = () => `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;

function give(caseNo: string, fields: Record<string, string>, client = newClient(), init: { cookie?: string; lang?: string } = {}) {
  const headers: Record<string, string> = { "x-forwarded-for": client, "Content-Type": "application/x-www-form-urlencoded" };
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.lang) headers["Accept-Language"] = init.lang;
  const request = new Request(`http://localhost/needs/${caseNo}/give`, { method: "POST", body: new URLSearchParams(fields), headers });
  return responseOf(() => giveAction({ request, params: { caseNo }, context: {} }));
}

function load(caseNo: string) {
  return responseOf(() => giveLoader({ request: new Request(`http://localhost/needs/${caseNo}/give`), params: { caseNo }, context: {} }));
}

/** Nothing of a gift was written: no donation, no commitment, the line untouched, no session at Stripe. */
async function expectNothingWritten(caseId: string, needId: string, sessionsBefore: number) {
  expect(await prisma.donation.count({ where: { caseId } })).toBe(0);
  expect(await prisma.commitment.count({ where: { caseId } })).toBe(0);
  expect(await prisma.need.findUniqueOrThrow({ where: { id: needId }, select: { committed: true, status: true } })).toEqual({ committed: 0, status: "OPEN" });
  expect(standIn().createdCount()).toBe(sessionsBefore);
}

describe("/needs/:caseNo/give — the page", () => {
  it("offers the card form with the cap of the open cash line", async () => {
    const { c } = await createGivableCase({ lines: [{ target: 500_000, committed: 120_000 }] });
    const page = await load(c.caseNo);
    expect(page.status).toBe(200);
    expect((page.data as { form: unknown }).form).toMatchObject({ caseNo: c.caseNo, isOpen: true, capFen: 380_000, isCardEnabled: true });
  });

  it("hides the card form without Stripe keys (the transfer option stays)", async () => {
    const { c } = await createGivableCase();
    await withStripeSettings({}, async () => {
      const page = await load(c.caseNo);
      expect((page.data as { form: unknown }).form).toMatchObject({ isOpen: true, isCardEnabled: false });
    });
    // The secret key alone is not enough: without the webhook secret the payment could not be recorded.
    await withStripeSettings({ STRIPE_SECRET_KEY: "sk_test_x" }, async () => {
      expect(((await load(c.caseNo)).data as { form: { isCardEnabled: boolean } }).form.isCardEnabled).toBe(false);
    });
  });

  it.each([
    ["a fulfilled case", { status: "FULFILLED" as const }],
    ["a case whose cash line is covered", { lines: [{ target: 100_000, committed: 100_000 }] }],
    ["a case with goods lines only", { lines: [{ kind: "ITEM" as const, target: 10, unit: "床" }] }],
  ])("says %s takes no gifts (no form)", async (_label, opts) => {
    const { c } = await createGivableCase(opts);
    const page = await load(c.caseNo);
    expect(page.status).toBe(200);
    expect((page.data as { form: unknown }).form).toMatchObject({ isOpen: false, capFen: 0 });
  });

  it("answers 404 for a case that is not public", async () => {
    const { c } = await createGivableCase({ status: "VERIFIED" });
    expect((await load(c.caseNo)).status).toBe(404);
    expect((await load("JJN-000000-2026-0000")).status).toBe(404);
  });
});

describe("/needs/:caseNo/give — a card gift", () => {
  it("creates a PENDING card donation and a CNY Checkout Session carrying its ids, then redirects (303) to Stripe", async () => {
    const { c, cashLine } = await createGivableCase();
    const result = await give(c.caseNo, { ...GOOD, amount: "200.50" });
    expect(result.status).toBe(303);
    const location = result.headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^${standIn().url}/c/pay/cs_test_`));

    const donation = await prisma.donation.findFirstOrThrow({ where: { caseId: c.id } });
    expect(donation).toMatchObject({
      status: "PENDING",
      method: "CARD",
      amountFen: 20_050,
      currency: "cny",
      needId: cashLine!.id,
      donorName: "李明",
      isAnonymous: false,
      donorEmail: "liming@example.com",
      userId: null,
      redirectedToFund: false,
    });
    expect(donation.receiptNo).toMatch(/^RC-\d{4}-\d{6,}$/);
    expect(donation.expiresAt).not.toBeNull();

    const session = standIn().sessions.get(donation.stripeCheckoutSessionId!)!;
    expect(session.url).toBe(location);
    expect(session).toMatchObject({
      mode: "payment",
      amount_total: 20_050,
      currency: "cny",
      customer_email: "liming@example.com",
      client_reference_id: donation.id,
      metadata: { donationId: donation.id, caseNo: c.caseNo, locale: "zh-CN" },
      success_url: `${siteUrl()}/receipts/${donation.id}`,
      cancel_url: `${siteUrl()}/needs/${c.caseNo}`,
    });
    // Nothing is reserved before the money is in.
    expect(await prisma.need.findUniqueOrThrow({ where: { id: cashLine!.id }, select: { committed: true } })).toEqual({ committed: 0 });
    expect(await prisma.commitment.count({ where: { caseId: c.id } })).toBe(0);
    expect(await prisma.ledgerTransaction.count({ where: { donationId: donation.id } })).toBe(0);
  });

  it("accepts exactly the cap and exactly ¥1", async () => {
    const { c } = await createGivableCase({ lines: [{ target: 30_000, committed: 10_000 }] });
    expect((await give(c.caseNo, { ...GOOD, amount: "200" })).status).toBe(303);
    expect((await give(c.caseNo, { ...GOOD, amount: "1" })).status).toBe(303);
    expect((await prisma.donation.findMany({ where: { caseId: c.id }, orderBy: { amountFen: "asc" } })).map((d) => d.amountFen)).toEqual([100, 20_000]);
  });

  it("gives anonymously without a name, stores the donor's language for the receipt, and files a signed-in donor's gift under the account", async () => {
    const { c } = await createGivableCase();
    const anonymous = await give(c.caseNo, { amount: "50", anonymous: "on", email: "anon@example.com" }, newClient(), { lang: "en" });
    expect(anonymous.status).toBe(303);
    const first = await prisma.donation.findFirstOrThrow({ where: { caseId: c.id, donorEmail: "anon@example.com" } });
    expect(first).toMatchObject({ isAnonymous: true, donorName: null });
    expect(standIn().sessions.get(first.stripeCheckoutSessionId!)!.metadata).toMatchObject({ locale: "en" });

    const donor = await createUser({ roles: ["DONOR"] });
    const signedIn = await signedInRequest(donor.id, "/");
    const cookie = signedIn.headers.get("Cookie")!;
    expect((await give(c.caseNo, GOOD, newClient(), { cookie })).status).toBe(303);
    expect(await prisma.donation.findFirstOrThrow({ where: { caseId: c.id, donorEmail: GOOD.email } })).toMatchObject({ userId: donor.id });
  });

  it.each([
    ["an amount over what the line still needs", { amount: "3000.01" }, "amount", 'cardGift.errors.overCap|{"max":"¥3,000.00"}'],
    ["less than ¥1", { amount: "0.99" }, "amount", "cardGift.errors.belowMinimum"],
    ["a zero amount", { amount: "0" }, "amount", "cardGift.errors.belowMinimum"],
    ["an amount with three decimals", { amount: "10.005" }, "amount", "validation.amountFormat"],
    ["a negative amount", { amount: "-10" }, "amount", "validation.amountFormat"],
    ["words for an amount", { amount: "两百" }, "amount", "validation.amountFormat"],
    ["no amount", { amount: "" }, "amount", "validation.required"],
    ["a bad email", { email: "not-an-email" }, "email", "validation.email"],
    ["no email", { email: "" }, "email", "validation.required"],
    ["no name and not anonymous", { donorName: "" }, "donorName", "cardGift.errors.nameOrAnonymous"],
    ["a name that is too long", { donorName: "名".repeat(41) }, "donorName", 'validation.tooLong|{"max":40}'],
  ])("answers %s with 400, a field message, and writes nothing", async (_label, change, field, message) => {
    const { c, cashLine } = await createGivableCase({ lines: [{ target: 300_000 }] });
    const sessionsBefore = standIn().createdCount();
    const countersBefore = await prisma.counter.findMany({ where: { name: { startsWith: "receipt:" } } });
    const client = newClient();
    const result = await give(c.caseNo, { ...GOOD, ...change }, client);
    expect(result.status).toBe(400);
    const answer = result.data as Answer;
    expect(answer.formError).toBe("validation.formHasErrors");
    expect(answer.fieldErrors[field]).toEqual([message]);
    expect(answer.values.email).toBe("email" in change ? change.email : GOOD.email);
    await expectNothingWritten(c.id, cashLine!.id, sessionsBefore);
    expect(await prisma.counter.findMany({ where: { name: { startsWith: "receipt:" } } })).toEqual(countersBefore);
    // Bad input does not even count against the client's rate limit.
    const key = clientRateLimitKey("card-gift", new Request("http://localhost/", { headers: { "x-forwarded-for": client } }));
    expect(await prisma.rateLimitBucket.findUnique({ where: { key } })).toBeNull();
  });

  it("shows every message at once: the name rule too when other fields are wrong", async () => {
    const { c, cashLine } = await createGivableCase();
    const sessionsBefore = standIn().createdCount();
    const result = await give(c.caseNo, { amount: "", donorName: "", email: "" });
    expect(result.status).toBe(400);
    expect((result.data as Answer).fieldErrors).toEqual({
      amount: ["validation.required"],
      email: ["validation.required"],
      donorName: ["cardGift.errors.nameOrAnonymous"],
    });
    await expectNothingWritten(c.id, cashLine!.id, sessionsBefore);
  });

  it("refuses a gift to a case that takes none (409) and writes nothing", async () => {
    const { c, cashLine } = await createGivableCase({ lines: [{ target: 100_000, committed: 100_000 }] });
    const sessionsBefore = standIn().createdCount();
    const result = await give(c.caseNo, GOOD);
    expect(result.status).toBe(409);
    expect((result.data as Answer).formError).toBe("cardGift.errors.nothingOpen");
    expect(await prisma.donation.count({ where: { caseId: c.id } })).toBe(0);
    expect(standIn().createdCount()).toBe(sessionsBefore);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: cashLine!.id } })).committed).toBe(100_000);
  });

  it("answers 404 without Stripe keys and writes nothing", async () => {
    const { c, cashLine } = await createGivableCase();
    const sessionsBefore = standIn().createdCount();
    await withStripeSettings({}, async () => {
      expect((await give(c.caseNo, GOOD)).status).toBe(404);
    });
    await expectNothingWritten(c.id, cashLine!.id, sessionsBefore);
  });

  it.each([
    ["Stripe answers with an error", "failing"],
    ["Stripe cannot be reached", "unreachable"],
  ] as const)("answers 503 when %s, and rolls back the pending donation and its receipt number", async (_label, how) => {
    const { c, cashLine } = await createGivableCase();
    const counters = () => prisma.counter.findMany({ where: { name: { startsWith: "receipt:" } }, orderBy: { name: "asc" } });
    const before = await counters();
    const sessionsBefore = standIn().createdCount();
    standIn().setCreateFailing(how === "failing");
    try {
      const settings = { STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY, STRIPE_WEBHOOK_SECRET: STAND_IN_WEBHOOK_SECRET, STRIPE_API_URL: how === "failing" ? standIn().url : "http://127.0.0.1:9" };
      const result = await withStripeSettings(settings, () => give(c.caseNo, GOOD));
      expect(result.status).toBe(503);
      expect((result.data as Answer).formError).toBe("cardGift.errors.paymentUnavailable");
    } finally {
      standIn().setCreateFailing(false);
    }
    await expectNothingWritten(c.id, cashLine!.id, sessionsBefore);
    expect(await counters()).toEqual(before);
  });

  it("rate-limits one client to 10 gifts an hour (429 after that, nothing written)", async () => {
    const { c } = await createGivableCase();
    const client = newClient();
    for (let i = 0; i < 10; i++) expect((await give(c.caseNo, GOOD, client)).status).toBe(303);
    const sessionsBefore = standIn().createdCount();
    const eleventh = await give(c.caseNo, GOOD, client);
    expect(eleventh.status).toBe(429);
    expect((eleventh.data as Answer).formError).toBe("cardGift.errors.rateLimited");
    expect(await prisma.donation.count({ where: { caseId: c.id } })).toBe(10);
    expect(standIn().createdCount()).toBe(sessionsBefore);
    expect((await give(c.caseNo, GOOD, newClient())).status).toBe(303);
  });
});
