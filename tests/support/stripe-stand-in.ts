// A STAND-IN FOR THE STRIPE API, for tests and benchmarks only. api.stripe.com cannot be reached
// from these machines (STACK.md), so this small local HTTP server answers the two endpoints the app
// calls — POST /v1/checkout/sessions and GET /v1/checkout/sessions/:id — in Stripe's response
// shapes, and serves each session's `url` as a page that says plainly it is a test stand-in. The
// app is pointed at it with STRIPE_API_URL (the SDK's host/port/protocol options).
//
// It also builds webhook events in the shapes of real Stripe events (checkout.session.completed,
// checkout.session.async_payment_succeeded / _failed, charge.refunded) and signs them with the
// stripe library's own `webhooks.generateTestHeaderString`, so the webhook is tested with payloads
// it verifies exactly as it verifies Stripe's. Used by the server tests, the e2e server
// (tests/e2e/server.ts) and the donations benchmark.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/** Keys of the stand-in: recognisably fake, never real Stripe keys. */
export const STAND_IN_SECRET_KEY = "sk_test_stand_in_not_a_real_stripe_key";
export const STAND_IN_WEBHOOK_SECRET = "whsec_stand_in_not_a_real_stripe_secret";

export type CheckoutSession = Stripe.Checkout.Session;
export type StripeEventShape = { id: string; object: "event"; type: string; created: number; data: { object: Record<string, unknown> } } & Record<string, unknown>;

export type StripeStandIn = {
  /** e.g. "http://127.0.0.1:41234": the value for STRIPE_API_URL. */
  url: string;
  port: number;
  /** Every session created, by id (the stand-in's whole state). */
  sessions: Map<string, CheckoutSession>;
  /** How many POST /v1/checkout/sessions it answered (tests check nothing was created). */
  createdCount: () => number;
  /** While on, POST /v1/checkout/sessions answers 500 as Stripe does when it fails (tests of the error path). */
  setCreateFailing: (isFailing: boolean) => void;
  stop: () => Promise<void>;
};

const rand = (bytes = 12) => crypto.randomBytes(bytes).toString("hex");
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Starts the stand-in on 127.0.0.1 (a free port unless one is given). */
export async function startStripeStandIn(opts: { port?: number; host?: string } = {}): Promise<StripeStandIn> {
  const sessions = new Map<string, CheckoutSession>();
  const byIdempotencyKey = new Map<string, string>();
  let created = 0;
  let isCreateFailing = false;
  const host = opts.host ?? "127.0.0.1";

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        handle(req, Buffer.concat(chunks).toString("utf8"), res);
      } catch (error) {
        sendJson(res, 500, { error: { type: "api_error", message: error instanceof Error ? error.message : "stand-in error" } });
      }
    });
  });

  function handle(req: http.IncomingMessage, body: string, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", `http://${host}`);
    const payPage = /^\/c\/pay\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && payPage) return sendPayPage(res, sessions.get(payPage[1]!));

    if (!url.pathname.startsWith("/v1/")) return sendJson(res, 404, stripeError("invalid_request_error", `Unrecognized request URL (${req.method}: ${url.pathname}).`));
    if (req.headers.authorization !== `Bearer ${STAND_IN_SECRET_KEY}`) {
      return sendJson(res, 401, stripeError("invalid_request_error", "Invalid API Key provided (Stripe test stand-in)."));
    }

    if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      const key = req.headers["idempotency-key"];
      const replay = typeof key === "string" ? byIdempotencyKey.get(key) : undefined;
      if (replay) return sendJson(res, 200, sessions.get(replay));
      if (isCreateFailing) {
        return sendJson(res, 500, stripeError("api_error", "The Stripe test stand-in was told to fail Checkout Session creation."));
      }
      const params = parseStripeForm(body);
      const problem = validateSessionParams(params);
      if (problem) return sendJson(res, 400, stripeError("invalid_request_error", problem.message, problem.param));
      const session = newSession(params, `http://${host}:${(server.address() as AddressInfo).port}`);
      sessions.set(session.id, session);
      if (typeof key === "string") byIdempotencyKey.set(key, session.id);
      created += 1;
      return sendJson(res, 200, session);
    }

    const one = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && one) {
      const session = sessions.get(one[1]!);
      if (!session) return sendJson(res, 404, stripeError("invalid_request_error", `No such checkout.session: '${one[1]}'`, "session"));
      return sendJson(res, 200, session);
    }
    return sendJson(res, 404, stripeError("invalid_request_error", `Unrecognized request URL (${req.method}: ${url.pathname}). The Stripe test stand-in answers only Checkout Sessions.`));
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    sessions,
    createdCount: () => created,
    setCreateFailing: (isFailing) => {
      isCreateFailing = isFailing;
    },
    stop: () => stopStripeStandIn(server),
  };
}

function stopStripeStandIn(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

// ───────────────────────────── sessions ─────────────────────────────

type Params = Record<string, unknown>;

function validateSessionParams(params: Params): { message: string; param: string } | null {
  if (params.mode !== "payment") return { message: "The stand-in supports mode=payment only.", param: "mode" };
  if (typeof params.success_url !== "string") return { message: "Missing required param: success_url.", param: "success_url" };
  const items = params.line_items;
  if (!Array.isArray(items) || items.length === 0) return { message: "Missing required param: line_items.", param: "line_items" };
  for (const [i, item] of items.entries()) {
    const price = (item as Params).price_data as Params | undefined;
    if (!price || !/^\d+$/.test(String(price.unit_amount ?? ""))) return { message: "Invalid integer: unit_amount.", param: `line_items[${i}][price_data][unit_amount]` };
    if (typeof price.currency !== "string") return { message: "Missing required param: currency.", param: `line_items[${i}][price_data][currency]` };
  }
  return null;
}

function newSession(params: Params, base: string): CheckoutSession {
  const items = params.line_items as Array<{ quantity?: string; price_data: { unit_amount: string; currency: string } }>;
  return buildCheckoutSession({
    amountFen: items.reduce((sum, item) => sum + Number(item.price_data.unit_amount) * Number(item.quantity ?? 1), 0),
    currency: items[0]!.price_data.currency,
    metadata: (params.metadata as Record<string, string> | undefined) ?? {},
    customerEmail: (params.customer_email as string | undefined) ?? null,
    clientReferenceId: (params.client_reference_id as string | undefined) ?? null,
    locale: (params.locale as string | undefined) ?? null,
    successUrl: params.success_url as string,
    cancelUrl: (params.cancel_url as string | undefined) ?? null,
    standInUrl: base,
  });
}

/**
 * An open Checkout Session in Stripe's shape. The stand-in builds its sessions with it; a benchmark
 * that writes its pending donations straight to the database can build the matching sessions (with
 * `metadata: { donationId, caseNo }`) and then their events, without a round trip per gift.
 */
export function buildCheckoutSession(fields: {
  id?: string;
  amountFen: number;
  currency?: string;
  metadata: Record<string, string>;
  customerEmail?: string | null;
  clientReferenceId?: string | null;
  locale?: string | null;
  successUrl?: string;
  cancelUrl?: string | null;
  standInUrl?: string;
}): CheckoutSession {
  const id = fields.id ?? `cs_test_${rand()}`;
  const created = nowSeconds();
  const session = {
    id,
    object: "checkout.session",
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: fields.amountFen,
    amount_total: fields.amountFen,
    automatic_tax: { enabled: false, liability: null, status: null },
    billing_address_collection: null,
    cancel_url: fields.cancelUrl ?? null,
    client_reference_id: fields.clientReferenceId ?? null,
    client_secret: null,
    consent: null,
    consent_collection: null,
    created,
    currency: (fields.currency ?? "cny").toLowerCase(),
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_creation: "if_required",
    customer_details: null,
    customer_email: fields.customerEmail ?? null,
    expires_at: created + 24 * 60 * 60,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: fields.locale ?? null,
    metadata: fields.metadata,
    mode: "payment",
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "if_required",
    payment_method_types: ["card"],
    payment_status: "unpaid",
    phone_number_collection: { enabled: false },
    recovered_from: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: fields.successUrl ?? null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: fields.standInUrl ? `${fields.standInUrl}/c/pay/${id}` : null,
  };
  return session as unknown as CheckoutSession;
}

/** The session's `url`: a page of the stand-in, which says it is one. No card is ever asked for. */
function sendPayPage(res: http.ServerResponse, session: CheckoutSession | undefined) {
  if (!session) {
    res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Stripe test stand-in</title><p>Unknown session (Stripe test stand-in).</p>");
    return;
  }
  const amount = `${((session.amount_total ?? 0) / 100).toFixed(2)} ${(session.currency ?? "").toUpperCase()}`;
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Stripe 测试替身 · Stripe test stand-in</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.6">
<h1>Stripe 测试替身（test stand-in）</h1>
<p>这不是 Stripe 的支付页面，而是测试环境中代替 Stripe 的本地服务，不会收取任何费用。</p>
<p>This is not Stripe: it is a local stand-in for the Stripe API used in tests. No card is charged.</p>
<dl><dt>Checkout Session</dt><dd data-testid="stand-in-session">${escapeHtml(session.id)}</dd>
<dt>金额 · Amount</dt><dd data-testid="stand-in-amount">${escapeHtml(amount)}</dd></dl>
<p><a href="${escapeHtml(session.success_url ?? "#")}">返回网站 · Back to the site</a></p>
</body></html>`);
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json", "Request-Id": `req_standin_${rand(6)}`, "Stripe-Version": "stand-in" });
  res.end(JSON.stringify(body));
}

function stripeError(type: string, message: string, param?: string) {
  return { error: { type, message, ...(param && { param }) } };
}

/**
 * Stripe's form encoding (`line_items[0][price_data][unit_amount]=100`, `metadata[donationId]=…`)
 * back into nested objects and arrays.
 */
export function parseStripeForm(body: string): Params {
  const root: Params = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.replace(/\]/g, "").split("[");
    let node: Params | unknown[] = root;
    path.forEach((segment, i) => {
      const isLast = i === path.length - 1;
      const key: string | number = Array.isArray(node) ? Number(segment) : segment;
      const container = node as Record<string | number, unknown>;
      if (isLast) {
        container[key] = value;
        return;
      }
      container[key] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
      node = container[key] as Params | unknown[];
    });
  }
  return root;
}

// ───────────────────────────── events ─────────────────────────────

/** The PaymentIntent id the stand-in gives a session once paid (derived, so any process agrees). */
export const paymentIntentIdOf = (sessionId: string) => `pi_test_${sessionId.replace(/^cs_test_/, "")}`;

/** A session as Stripe shows it after the donor paid (or, with overrides, paid something else). */
export function paidSession(session: CheckoutSession, overrides: { amountTotal?: number; currency?: string; paymentStatus?: "paid" | "unpaid" } = {}): CheckoutSession {
  const paymentStatus = overrides.paymentStatus ?? "paid";
  return {
    ...session,
    status: "complete",
    payment_status: paymentStatus,
    payment_intent: paymentIntentIdOf(session.id),
    amount_total: overrides.amountTotal ?? session.amount_total,
    amount_subtotal: overrides.amountTotal ?? session.amount_subtotal,
    currency: overrides.currency ?? session.currency,
    // What Stripe collects on its page; the webhook inbox drops it before storing the event.
    customer_details: { address: null, email: session.customer_email, name: null, phone: null, tax_exempt: "none", tax_ids: [] },
  } as unknown as CheckoutSession;
}

function eventOf(type: string, object: Record<string, unknown>): StripeEventShape {
  return {
    id: `evt_test_${rand()}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: nowSeconds(),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** checkout.session.completed for a card payment (payment_status "paid" unless told otherwise). */
export function buildCheckoutSessionCompletedEvent(session: CheckoutSession, overrides: Parameters<typeof paidSession>[1] = {}): StripeEventShape {
  return eventOf("checkout.session.completed", paidSession(session, overrides) as unknown as Record<string, unknown>);
}

export function buildAsyncPaymentSucceededEvent(session: CheckoutSession): StripeEventShape {
  return eventOf("checkout.session.async_payment_succeeded", paidSession(session) as unknown as Record<string, unknown>);
}

export function buildAsyncPaymentFailedEvent(session: CheckoutSession): StripeEventShape {
  return eventOf("checkout.session.async_payment_failed", { ...paidSession(session, { paymentStatus: "unpaid" }), status: "complete" } as unknown as Record<string, unknown>);
}

/**
 * charge.refunded for the session's payment: a full refund unless `amountRefunded` says otherwise.
 * The charge carries the PaymentIntent's metadata, as Stripe copies it when the intent is confirmed.
 */
export function buildChargeRefundedEvent(session: CheckoutSession, opts: { amountRefunded?: number } = {}): StripeEventShape {
  const amount = session.amount_total ?? 0;
  const refunded = opts.amountRefunded ?? amount;
  const chargeId = `ch_test_${rand()}`;
  const created = nowSeconds();
  const charge = {
    id: chargeId,
    object: "charge",
    amount,
    amount_captured: amount,
    amount_refunded: refunded,
    balance_transaction: `txn_test_${rand()}`,
    billing_details: { address: null, email: session.customer_email, name: null, phone: null },
    captured: true,
    created,
    currency: session.currency,
    description: null,
    disputed: false,
    livemode: false,
    metadata: session.metadata ?? {},
    paid: true,
    payment_intent: paymentIntentIdOf(session.id),
    payment_method_details: { type: "card" },
    receipt_email: null,
    refunded: refunded >= amount,
    refunds: {
      object: "list",
      data: [{ id: `re_test_${rand()}`, object: "refund", amount: refunded, charge: chargeId, created, currency: session.currency, payment_intent: paymentIntentIdOf(session.id), reason: "requested_by_customer", status: "succeeded" }],
      has_more: false,
      total_count: 1,
      url: `/v1/charges/${chargeId}/refunds`,
    },
    status: "succeeded",
  };
  return eventOf("charge.refunded", charge);
}

/** An event of a type the platform does not act on (it must be stored and IGNORED). */
export function buildUnhandledEvent(type = "customer.created"): StripeEventShape {
  return eventOf(type, { id: `cus_test_${rand()}`, object: "customer", email: "someone@example.com" });
}

/** The raw body and `Stripe-Signature` header Stripe would send for this event. */
export function signStripeEvent(event: StripeEventShape, opts: { secret?: string; timestamp?: number } = {}): { payload: string; signature: string } {
  const payload = JSON.stringify(event, null, 2);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? STAND_IN_WEBHOOK_SECRET, timestamp: opts.timestamp });
  return { payload, signature };
}

/** POSTs a signed event to a running app's /webhooks/stripe, as Stripe does. */
export async function deliverStripeEvent(appUrl: string, event: StripeEventShape, opts: { secret?: string } = {}): Promise<Response> {
  const { payload, signature } = signStripeEvent(event, opts);
  return fetch(`${appUrl}/webhooks/stripe`, { method: "POST", headers: { "Content-Type": "application/json", "Stripe-Signature": signature }, body: payload });
}

/** Reads a session back from a running stand-in (another process's, e.g. the e2e server's). */
export async function fetchStandInSession(standInUrl: string, sessionId: string): Promise<CheckoutSession> {
  const res = await fetch(`${standInUrl}/v1/checkout/sessions/${sessionId}`, { headers: { Authorization: `Bearer ${STAND_IN_SECRET_KEY}` } });
  if (!res.ok) throw new Error(`stand-in answered ${res.status} for ${sessionId}`);
  return (await res.json()) as CheckoutSession;
}
