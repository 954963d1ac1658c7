// Card payments delivered together are recorded together (ADR 009): one statement, one transaction
// and one commit for the batch, each payment still exactly once and answered only after the commit.
// A payment of the batch that must take the statement-by-statement road, or that fails, leaves the
// others recorded as usual. "Together" is read off PostgreSQL itself: rows written by one
// transaction carry the same xmin.
import { describe, expect, it } from "vitest";
import { caseAccount } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createGivableCase, expectLedgerBalanced } from "../factories/donations.ts";
import { deliverStripeEvent, startCardGift } from "../support/card-gifts.ts";
import { buildAsyncPaymentSucceededEvent, buildCheckoutSessionCompletedEvent, paymentIntentIdOf } from "../support/stripe-stand-in.ts";
import { stripeStandInForFile } from "../support/stripe-test-env.ts";

const standIn = stripeStandInForFile();

const startGift = (caseNo: string, yuan: string) => startCardGift(standIn(), caseNo, yuan);

/** The transaction that last wrote each donation row. */
async function writersOf(donationIds: string[]): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ xmin: string }[]>`SELECT "xmin"::text AS "xmin" FROM "Donation" WHERE "id" = ANY(${donationIds})`;
  return rows.map((r) => r.xmin);
}

const postingsOf = (donationId: string) => prisma.ledgerTransaction.count({ where: { donationId, kind: "DONATION" } });

describe("payments delivered together", () => {
  it("are recorded in one transaction, each once, and every delivery is answered after it", async () => {
    const { c } = await createGivableCase({ lines: [{ target: 1_000_000 }] });
    const gifts = [];
    for (const yuan of ["100", "200", "300", "400", "500", "600"]) gifts.push(await startGift(c.caseNo, yuan));
    const events = gifts.map((g) => buildCheckoutSessionCompletedEvent(g.session));

    // The first delivery starts a batch alone; the others, with two repeats, wait for the next one.
    const answers = await Promise.all([...events, events[2]!, events[4]!].map((e) => deliverStripeEvent(e)));

    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(answers.filter((a) => a.body.status === "PROCESSED")).toHaveLength(6);
    expect(answers.filter((a) => a.body.duplicate === true)).toHaveLength(2);
    for (const g of gifts) {
      expect(await prisma.donation.findUniqueOrThrow({ where: { id: g.donation.id }, select: { status: true } })).toEqual({ status: "PAID" });
      expect(await postingsOf(g.donation.id)).toBe(1);
    }
    const writers = await writersOf(gifts.map((g) => g.donation.id));
    expect(new Set(writers.slice(1)).size).toBe(1);
    expect((await prisma.ledgerAccount.findUniqueOrThrow({ where: { code: caseAccount(c.caseNo) } })).balanceFen).toBe(210_000);
    expect(await prisma.need.findFirstOrThrow({ where: { caseId: c.id }, select: { committed: true, delivered: true } })).toEqual({ committed: 210_000, delivered: 210_000 });
    expect(await expectLedgerBalanced([caseAccount(c.caseNo)])).toEqual({ sum: 0, accountsOffCache: [] });
  });

  it("answer 200 to every delivery of a gift that completes its case, sent ten times at once as both events (no deadlock with the statement-by-statement road)", async () => {
    // The gift's first delivery leaves its batch for the statement-by-statement road (it completes
    // the case) while its repeats wait in the next batch: both roads take the donation's lock before
    // the inbox row, so the repeats queue instead of deadlocking. The race is narrow: this test
    // caught it (1–4 answers 500 per run) while batches were split smaller; now it rarely would.
    const statuses: number[] = [];
    for (let round = 0; round < 8; round++) {
      const { c } = await createGivableCase({ lines: [{ target: 60_000 }] });
      const gift = await startGift(c.caseNo, "600");
      const completed = buildCheckoutSessionCompletedEvent(gift.session);
      const succeeded = buildAsyncPaymentSucceededEvent(gift.session);
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => deliverStripeEvent(i % 2 ? completed : succeeded)));
      statuses.push(...answers.map((a) => a.status));
      expect(await postingsOf(gift.donation.id)).toBe(1);
      expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id }, select: { status: true } })).toEqual({ status: "FULFILLED" });
    }
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });

  it("record the others when one fails and one completes its case, and answer the failed one 500 with nothing of it written", async () => {
    const open = await createGivableCase({ lines: [{ target: 1_000_000 }] });
    const closing = await createGivableCase({ lines: [{ target: 100_000, committed: 40_000, delivered: 40_000 }] });
    const first = await startGift(open.c.caseNo, "100");
    const plain = await startGift(open.c.caseNo, "200");
    const failing = await startGift(open.c.caseNo, "300");
    const completing = await startGift(closing.c.caseNo, "600");
    const alsoPlain = await startGift(open.c.caseNo, "400");
    // Another gift already holds the failing payment's PaymentIntent id: the unique index refuses it.
    const blocker = await startGift(open.c.caseNo, "1");
    await prisma.donation.update({ where: { id: blocker.donation.id }, data: { stripePaymentIntentId: paymentIntentIdOf(failing.session.id) } });

    const events = [first, plain, failing, completing, alsoPlain].map((g) => buildCheckoutSessionCompletedEvent(g.session));
    const answers = await Promise.all(events.map((e) => deliverStripeEvent(e)));

    expect(answers.map((a) => a.status)).toEqual([200, 200, 500, 200, 200]);
    for (const g of [first, plain, completing, alsoPlain]) {
      expect(await prisma.donation.findUniqueOrThrow({ where: { id: g.donation.id }, select: { status: true } })).toEqual({ status: "PAID" });
      expect(await postingsOf(g.donation.id)).toBe(1);
    }
    expect(await prisma.donation.findUniqueOrThrow({ where: { id: failing.donation.id }, select: { status: true } })).toEqual({ status: "PENDING" });
    expect(await postingsOf(failing.donation.id)).toBe(0);
    expect(await prisma.stripeEvent.findUniqueOrThrow({ where: { id: events[2]!.id } })).toMatchObject({ status: "FAILED", attempts: 1 });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: closing.c.id } })).status).toBe("FULFILLED");
    expect(await prisma.need.findFirstOrThrow({ where: { caseId: open.c.id }, select: { committed: true, delivered: true } })).toEqual({ committed: 70_000, delivered: 70_000 });
    expect(await expectLedgerBalanced([caseAccount(open.c.caseNo), caseAccount(closing.c.caseNo)])).toEqual({ sum: 0, accountsOffCache: [] });
  });
});
