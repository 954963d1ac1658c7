/**
 * What of a Stripe event the webhook inbox keeps. Checkout Sessions and charges carry the payer's
 * email, name, address and phone; the inbox needs ids, amounts and metadata to explain a payment,
 * not the payer's details, so those objects are dropped before the event is stored.
 */
const PERSONAL_KEYS = new Set(["customer_details", "customer_email", "billing_details", "receipt_email", "shipping_details", "shipping", "collected_information"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function inboxPayload(event: unknown): Json {
  return strip(event as Json);
}

function strip(value: Json): Json {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [key, inner] of Object.entries(value)) {
      if (PERSONAL_KEYS.has(key)) continue;
      out[key] = strip(inner);
    }
    return out;
  }
  return value;
}
