import { checkGiftAmount, pickCashLine, remainingFen, type GiftAmountProblem } from "~/domain/donations/gift-amount.ts";
import { fen, formatFen } from "~/domain/money.ts";
import { getStripe, isCardGivingEnabled } from "~/integrations/stripe.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { msg, type FieldErrors } from "~/utils/validation.ts";
import { checkRateLimit } from "../rate-limit/check-rate-limit.server.ts";
import type { GiveByCardForm } from "./give-schema.server.ts";
import { nextReceiptNo } from "./next-receipt-no.server.ts";

/** At most this many started card gifts per client per hour (DESIGN §3: public forms are rate-limited). */
export const CARD_GIFT_RATE_LIMIT = { limit: 10, windowSeconds: 60 * 60 } as const;

/**
 * Creating the Checkout Session is a call to Stripe inside the database transaction: the pending
 * donation commits only if Stripe answered, so no pending row is left without its session. The
 * transaction may therefore take as long as Stripe does, up to the SDK's timeout.
 */
const TRANSACTION_TIMEOUT_MS = 30_000;

export type StartCardDonationInput = {
  caseNo: string;
  form: GiveByCardForm;
  locale: "zh-CN" | "en";
  /** The request's origin; PUBLIC_URL wins when set. Where Stripe sends the donor back to. */
  requestOrigin: string;
  /** The Checkout line item's name in the donor's language. */
  itemName: string;
  userId: string | null;
  rateLimitKey: string;
  now?: Date;
};

export type StartCardDonationResult =
  | { ok: true; donationId: string; checkoutUrl: string }
  | { ok: false; reason: "notFound" | "disabled" | "notOpen" | "rateLimited" | "paymentUnavailable" }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors };

/** Thrown inside the transaction when Stripe cannot create the session: everything rolls back. */
class CheckoutUnavailableError extends Error {
  // Only the error's type goes in the log: Stripe's messages may echo what was sent (the email).
  constructor(cause: unknown) {
    super(`Stripe Checkout Session could not be created (${cause instanceof Error ? ((cause as { type?: string }).type ?? cause.name) : String(cause)})`);
    this.name = "CheckoutUnavailableError";
  }
}

const AMOUNT_MESSAGES: Record<GiftAmountProblem, (capFen: number) => string> = {
  format: () => msg("validation.amountFormat"),
  precision: () => msg("validation.amountFormat"),
  belowMinimum: () => msg("cardGift.errors.belowMinimum"),
  overCap: (capFen) => msg("cardGift.errors.overCap", { max: formatFen(fen(capFen)) }),
  nothingOpen: () => msg("cardGift.errors.nothingOpen"),
};

/**
 * A donor's card gift, up to the Checkout redirect: a PENDING Donation (CARD, receipt number,
 * case and cash line) and a Stripe Checkout Session in CNY carrying the donation's id, in one
 * transaction. Nothing is reserved on the need line yet: that happens when the webhook records the
 * payment (record-card-payment.server.ts), so an abandoned checkout holds nothing back.
 */
export async function startCardDonation(input: StartCardDonationInput): Promise<StartCardDonationResult> {
  if (!isCardGivingEnabled()) return { ok: false, reason: "disabled" };
  const now = input.now ?? new Date();
  const found = await prisma.case.findUnique({
    where: { caseNo: input.caseNo },
    select: { id: true, caseNo: true, status: true, needs: { where: { kind: "CASH" }, select: { id: true, kind: true, status: true, target: true, committed: true, sortOrder: true } } },
  });
  if (!found || !["PUBLISHED", "FULFILLED", "CLOSED"].includes(found.status)) return { ok: false, reason: "notFound" };
  const line = found.status === "PUBLISHED" ? pickCashLine(found.needs) : null;
  if (!line) return { ok: false, reason: "notOpen" };

  const capFen = remainingFen(line);
  const amount = checkGiftAmount(input.form.amount, capFen);
  if (!amount.ok) return { ok: false, reason: "invalid", fieldErrors: { amount: [AMOUNT_MESSAGES[amount.problem](capFen)] } };

  if (!(await checkRateLimit(input.rateLimitKey, CARD_GIFT_RATE_LIMIT, now))) return { ok: false, reason: "rateLimited" };

  const baseUrl = (getEnv().PUBLIC_URL ?? input.requestOrigin).replace(/\/+$/, "");
  const isAnonymous = input.form.anonymous === "on";
  const donorName = input.form.donorName?.trim() || null;
  try {
    const result = await prisma.$transaction(
      async (tx) => {
        const donation = await tx.donation.create({
          data: {
            receiptNo: await nextReceiptNo(tx, now),
            caseId: found.id,
            needId: line.id,
            amountFen: amount.amount,
            currency: "cny",
            method: "CARD",
            status: "PENDING",
            donorName,
            isAnonymous,
            donorEmail: input.form.email,
            userId: input.userId,
            createdAt: now,
          },
          select: { id: true },
        });
        const metadata = { donationId: donation.id, caseNo: found.caseNo, locale: input.locale };
        let session;
        try {
          session = await getStripe().checkout.sessions.create(
            {
              mode: "payment",
              line_items: [{ quantity: 1, price_data: { currency: "cny", unit_amount: amount.amount, product_data: { name: input.itemName } } }],
              customer_email: input.form.email,
              client_reference_id: donation.id,
              locale: input.locale === "en" ? "en" : "zh",
              metadata,
              // Copied by Stripe onto the charge, so a refund can be matched to its gift by itself.
              payment_intent_data: { metadata },
              success_url: `${baseUrl}/receipts/${donation.id}`,
              cancel_url: `${baseUrl}/needs/${found.caseNo}`,
            },
            { idempotencyKey: `donation:${donation.id}` },
          );
        } catch (error) {
          throw new CheckoutUnavailableError(error);
        }
        if (!session.url) throw new CheckoutUnavailableError("session has no url");
        await tx.donation.update({
          where: { id: donation.id },
          data: { stripeCheckoutSessionId: session.id, expiresAt: session.expires_at ? new Date(session.expires_at * 1000) : null },
        });
        return { donationId: donation.id, checkoutUrl: session.url };
      },
      { timeout: TRANSACTION_TIMEOUT_MS },
    );
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof CheckoutUnavailableError) {
      console.error(error.message);
      return { ok: false, reason: "paymentUnavailable" };
    }
    throw error;
  }
}
