import type { ActionFunctionArgs } from "@remix-run/node";
import { handleStripeWebhook } from "~/modules/donations/record-stripe-event.server.ts";

// POST /webhooks/stripe (DESIGN §10). The signature is computed over the exact bytes Stripe sent,
// so the body is read as raw text and never parsed before it is verified.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const rawBody = await request.text();
  const answer = await handleStripeWebhook(rawBody, request.headers.get("stripe-signature"));
  return Response.json(answer.body, { status: answer.status });
}

export function loader() {
  return methodNotAllowed();
}

function methodNotAllowed() {
  return Response.json({ error: "method not allowed" }, { status: 405, headers: { Allow: "POST" } });
}
