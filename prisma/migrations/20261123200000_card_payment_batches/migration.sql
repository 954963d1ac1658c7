-- Several plain card payments in one statement, hence one transaction and one commit (ADR 009).
-- p_items: [{"eventId", "eventType", "payload", "now", "donationId", "sessionId", "amountFen",
-- "currency", "paymentIntentId", "locale", "idempotencyKey", "commitmentId"}, …], recorded in that
-- order by record_card_payment. A later payment sees what the earlier ones wrote (one transaction),
-- so two deliveries of one event in a batch record it once and the second answers 'duplicate'.
-- If any payment raises (JJ100 "not the plain road", or a real error), the whole statement rolls
-- back with nothing written, and the caller records the payments one by one. No subtransaction per
-- payment: in this loop they doubled PostgreSQL's CPU time per gift (bench:donations).
CREATE FUNCTION record_card_payments(p_items jsonb, p_region_level_lengths integer[])
RETURNS TABLE (item integer, outcome text)
LANGUAGE plpgsql AS $$
DECLARE
  x record;
BEGIN
  -- The donations' and then their cases' row locks first, in id order, as a single payment takes its
  -- donation's then its case's. Taken one payment at a time instead, the batch would hold the donors
  -- account (posted by its first payment) while it waits for a later payment's case, and a payment
  -- on the statement-by-statement road that holds that case and waits for the donors account would
  -- deadlock with it. (A payment takes its inbox row before its donation; here the donations come
  -- first. Only two deliveries about one payment, one in a batch and one on the other road at the
  -- same moment, can meet the other way round: PostgreSQL then ends one of the two, which rolls back
  -- whole and is recorded again — the batch payment by payment, the other on Stripe's redelivery.)
  PERFORM 1 FROM "Donation" d
    WHERE d."id" IN (SELECT e->>'donationId' FROM jsonb_array_elements(p_items) e)
    ORDER BY d."id" FOR UPDATE;
  PERFORM 1 FROM "Case" c
    WHERE c."id" IN (SELECT d."caseId" FROM "Donation" d WHERE d."id" IN (SELECT e->>'donationId' FROM jsonb_array_elements(p_items) e))
    ORDER BY c."id" FOR NO KEY UPDATE;
  FOR x IN SELECT t.e, t.n FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(e, n) ORDER BY t.n LOOP
    item := x.n::integer;
    outcome := record_card_payment(
      x.e->>'eventId', x.e->>'eventType', x.e->'payload', (x.e->>'now')::timestamptz, x.e->>'donationId',
      x.e->>'sessionId', (x.e->>'amountFen')::integer, x.e->>'currency', x.e->>'paymentIntentId', x.e->>'locale',
      x.e->>'idempotencyKey', x.e->>'commitmentId', p_region_level_lengths);
    RETURN NEXT;
  END LOOP;
END;
$$;
