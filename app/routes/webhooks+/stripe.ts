import type { ActionFunctionArgs } from "@remix-run/node";
import { handleStripeWebhook } from "~/modules/donations/record-stripe-event.server.ts";

// POST /webhooks/stripe (DESIGN §10). The signature is computed over the exact bytes Stripe sent,
// so the body is read as raw text and never parsed before it is verified.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const rawBody = await request.text();
  const answer = await handleStripeWebhook(rawBody, request.headers.get("stripe-signature"));
  return jsonWithLength(answer.body, answer.status);
}

export function loader() {
  return methodNotAllowed();
}

function methodNotAllowed() {
  return jsonWithLength({ error: "method not allowed" }, 405, { Allow: "POST" });
}

// A few bytes of JSON for Stripe, which reads only the status. With its length given, the server's
// compression middleware leaves it alone (a body of unknown length is gzipped, ~7 % of a gift's
// CPU time in the donations benchmark's profile).
function jsonWithLength(body: Record<string, unknown>, status: number, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  return new Response(text, { status, headers: { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(Buffer.byteLength(text)), ...headers } });
}
