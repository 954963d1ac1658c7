-- Money moves through these database functions (ADR 008). Each is one round trip from the app:
-- on this machine a Prisma statement costs about 0.5–1.4 ms of Node CPU, and a card gift recorded
-- statement by statement took ~17 of them. The TypeScript modules call the same functions, so
-- there is one way to post, to reserve a line and to mark it delivered.

-- ─────────────────────────────── need-line coverage (ADR 005) ───────────────────────────────

-- Compare-and-set: adds p_amount to the line's committed total if the line is OPEN and has room;
-- turns it COVERED when it reaches its target. No row back = refused, nothing changed.
CREATE FUNCTION reserve_need_line(p_need_id text, p_amount integer)
RETURNS TABLE (committed integer, target integer)
LANGUAGE sql AS $$
  UPDATE "Need" n
     SET "committed" = n."committed" + p_amount,
         "status" = CASE WHEN n."committed" + p_amount >= n."target" THEN 'COVERED'::"NeedStatus" ELSE n."status" END
   WHERE n."id" = p_need_id AND n."status" = 'OPEN' AND n."committed" + p_amount <= n."target"
RETURNING n."committed", n."target";
$$;

-- Delivery against a line, never above what is committed. false = refused, nothing changed.
CREATE FUNCTION mark_need_line_delivered(p_need_id text, p_amount integer)
RETURNS boolean
LANGUAGE sql AS $$
  WITH marked AS (
    UPDATE "Need" n SET "delivered" = n."delivered" + p_amount
     WHERE n."id" = p_need_id AND n."delivered" + p_amount <= n."committed"
    RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM marked);
$$;

-- ─────────────────────────────────────── the ledger ───────────────────────────────────────

-- One balanced transaction (DESIGN §6), or the one already posted under p_key (created = false).
-- p_entries: [{"accountCode": "...", "amountFen": 123}, …]. Balances move once per account (an
-- account named twice is netted) and in account-code order ("C" collation, the byte order the
-- codes are compared in everywhere), so two postings over the same accounts lock their rows in
-- the same order and cannot deadlock. FUND, PROJECT and CASE accounts never go below zero:
-- SQLSTATE JJ001, and the caller's whole transaction rolls back.
CREATE FUNCTION post_ledger_transaction(
  p_kind "LedgerTransactionKind",
  p_key text,
  p_memo text,
  p_entries jsonb,
  p_contribution_source "ContributionSource" DEFAULT NULL,
  p_counterparty text DEFAULT NULL,
  p_donation_id text DEFAULT NULL,
  p_reverses_id text DEFAULT NULL,
  p_created_by_id text DEFAULT NULL,
  p_occurred_at timestamptz DEFAULT NULL)
RETURNS TABLE (id text, created boolean)
LANGUAGE plpgsql AS $$
DECLARE
  v_id text;
  v_missing text;
  v_sum bigint;
  v_count integer;
  v_net record;
  v_balance integer;
  v_kind "LedgerAccountKind";
BEGIN
  SELECT count(*), coalesce(sum((e->>'amountFen')::bigint), 0) INTO v_count, v_sum FROM jsonb_array_elements(p_entries) e;
  IF v_count < 2 OR v_sum <> 0 THEN
    RAISE EXCEPTION 'Unbalanced ledger transaction % (% entries, sum %)', p_key, v_count, v_sum USING ERRCODE = 'JJ002';
  END IF;

  SELECT t."id" INTO v_id FROM "LedgerTransaction" t WHERE t."idempotencyKey" = p_key;
  IF FOUND THEN
    RETURN QUERY SELECT v_id, false;
    RETURN;
  END IF;

  SELECT e->>'accountCode' INTO v_missing FROM jsonb_array_elements(p_entries) e
   WHERE NOT EXISTS (SELECT 1 FROM "LedgerAccount" a WHERE a."code" = e->>'accountCode') LIMIT 1;
  IF v_missing IS NOT NULL THEN
    RAISE EXCEPTION 'Ledger account % does not exist', v_missing USING ERRCODE = 'JJ003';
  END IF;

  v_id := gen_random_uuid()::text;
  INSERT INTO "LedgerTransaction" ("id", "kind", "contributionSource", "idempotencyKey", "memo", "counterparty", "donationId", "reversesId", "createdById", "occurredAt")
  VALUES (v_id, p_kind, p_contribution_source, p_key, p_memo, p_counterparty, p_donation_id, p_reverses_id, p_created_by_id, coalesce(p_occurred_at, CURRENT_TIMESTAMP));
  INSERT INTO "LedgerEntry" ("id", "transactionId", "accountId", "amountFen")
  SELECT gen_random_uuid()::text, v_id, a."id", (x.e->>'amountFen')::integer
    FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS x(e, n)
    JOIN "LedgerAccount" a ON a."code" = x.e->>'accountCode'
   ORDER BY x.n;

  FOR v_net IN
    SELECT e->>'accountCode' AS code, sum((e->>'amountFen')::integer)::integer AS amount
      FROM jsonb_array_elements(p_entries) e
     GROUP BY 1
    HAVING sum((e->>'amountFen')::integer) <> 0
     ORDER BY (e->>'accountCode') COLLATE "C"
  LOOP
    UPDATE "LedgerAccount" a SET "balanceFen" = a."balanceFen" + v_net.amount
     WHERE a."code" = v_net.code
    RETURNING a."balanceFen", a."kind" INTO v_balance, v_kind;
    IF v_kind IN ('FUND', 'PROJECT', 'CASE') AND v_balance < 0 THEN
      RAISE EXCEPTION 'Posting would take % below zero (% 分)', v_net.code, v_balance
        USING ERRCODE = 'JJ001', DETAIL = json_build_object('accountCode', v_net.code, 'balanceAfterFen', v_balance)::text;
    END IF;
  END LOOP;

  RETURN QUERY SELECT v_id, true;
END;
$$;

-- ─────────────────────────────── a card gift, on the hot path ───────────────────────────────

-- The relief fund a gift goes to when its case no longer needs it (DESIGN §6): the ACTIVE fund of
-- the region or of its nearest ancestor (a township's case goes to its county's fund before the
-- city's), the oldest first among equals. p_region_level_lengths: REGION_LEVEL_LENGTHS
-- (app/domain/region-codes.ts), so the levels are defined in one place.
CREATE FUNCTION nearest_relief_fund(p_region_code text, p_region_level_lengths integer[])
RETURNS TABLE (id text, name text)
LANGUAGE sql STABLE AS $$
  SELECT f."id", f."name" FROM "ReliefFund" f
   WHERE f."status" = 'ACTIVE'
     AND f."regionCode" IN (SELECT left(p_region_code, l) FROM unnest(p_region_level_lengths) l WHERE l < length(p_region_code) UNION ALL SELECT p_region_code)
   ORDER BY length(f."regionCode") DESC, f."createdAt"
   LIMIT 1;
$$;

-- checkout.session.completed (paid) or async_payment_succeeded for a donation: stores and claims
-- the event in the StripeEvent inbox, locks the donation then its case, and records the payment
-- exactly as app/modules/donations/record-card-payment.server.ts does — in one statement, hence one
-- transaction. Returns 'duplicate' (the event was already settled: nothing done), 'recorded' or
-- 'redirectedToFund'.
--
-- It takes only the common road. Anything else — an unknown donation, a status other than
-- PENDING/EXPIRED, an amount, currency or session that does not match, a redirect that finds no
-- fund, a gift that completes its case (the FULFILLED transition and its audit are the state
-- machine's, in TypeScript) — raises SQLSTATE JJ100 with nothing written, and the caller records
-- the event the statement-by-statement way, which decides every such case
-- (tests/server/card-payment-fast-path.test.ts holds the two roads to the same rows).
CREATE FUNCTION record_card_payment(
  p_event_id text,
  p_event_type text,
  p_payload jsonb,
  p_now timestamptz,
  p_donation_id text,
  p_session_id text,
  p_amount_fen integer,
  p_currency text,
  p_payment_intent_id text,
  p_locale text,
  p_idempotency_key text,
  p_commitment_id text,
  p_region_level_lengths integer[])
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  d record;
  c record;
  v_line_id text;
  v_committed integer;
  v_target integer;
  v_candidate text;
  v_fund_id text;
  v_fund_name text;
  v_dest_code text;
  v_dest_kind "LedgerAccountKind";
  v_dest_name text;
  v_memo text;
BEGIN
  -- The inbox claim (see recordStripeEvent): a settled event returns nothing.
  INSERT INTO "StripeEvent" ("id", "type", "status", "attempts", "payload", "receivedAt", "processedAt")
  VALUES (p_event_id, p_event_type, 'PROCESSED', 1, p_payload, p_now, p_now)
  ON CONFLICT ("id") DO UPDATE
     SET "status" = 'PROCESSED', "attempts" = "StripeEvent"."attempts" + 1, "error" = NULL, "processedAt" = EXCLUDED."processedAt"
   WHERE "StripeEvent"."status" IN ('RECEIVED', 'FAILED');
  IF NOT FOUND THEN
    RETURN 'duplicate';
  END IF;

  -- Locks in the order of every money movement of a card gift: donation, case, line, accounts.
  SELECT * INTO d FROM "Donation" WHERE "id" = p_donation_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'slow path: unknown donation' USING ERRCODE = 'JJ100';
  END IF;
  -- decidePayment's "record", and the session check before it.
  IF d."status" NOT IN ('PENDING', 'EXPIRED')
     OR lower(coalesce(p_currency, '')) <> lower(d."currency")
     OR p_amount_fen IS DISTINCT FROM d."amountFen"
     OR (d."stripeCheckoutSessionId" IS NOT NULL AND d."stripeCheckoutSessionId" IS DISTINCT FROM p_session_id) THEN
    RAISE EXCEPTION 'slow path: not a plain payment' USING ERRCODE = 'JJ100';
  END IF;
  IF d."caseId" IS NULL THEN
    RAISE EXCEPTION 'slow path: no case' USING ERRCODE = 'JJ100';
  END IF;
  SELECT "id", "caseNo", "status"::text AS "status", "regionCode" INTO c FROM "Case" WHERE "id" = d."caseId" FOR NO KEY UPDATE;

  -- reserveCashLine: the line given to, else the next open cash line that takes the whole amount.
  IF c."status" = 'PUBLISHED' THEN
    FOR v_candidate IN
      SELECT d."needId" WHERE d."needId" IS NOT NULL
      UNION ALL
      (SELECT n."id" FROM "Need" n
        WHERE n."caseId" = c."id" AND n."kind" = 'CASH' AND n."status" = 'OPEN' AND n."id" <> coalesce(d."needId", '')
        ORDER BY n."sortOrder")
    LOOP
      SELECT r."committed", r."target" INTO v_committed, v_target FROM reserve_need_line(v_candidate, d."amountFen") r;
      IF FOUND THEN
        v_line_id := v_candidate;
        EXIT;
      END IF;
    END LOOP;
  END IF;

  IF v_line_id IS NOT NULL THEN
    v_dest_code := 'case:' || c."caseNo";
    v_dest_kind := 'CASE';
    v_dest_name := '个案 ' || c."caseNo";
  ELSE
    SELECT r."id", r."name" INTO v_fund_id, v_fund_name FROM nearest_relief_fund(c."regionCode", p_region_level_lengths) r;
    IF v_fund_id IS NULL THEN
      RAISE EXCEPTION 'slow path: no fund for the redirect' USING ERRCODE = 'JJ100';
    END IF;
    v_dest_code := 'fund:' || v_fund_id;
    v_dest_kind := 'FUND';
    v_dest_name := v_fund_name;
  END IF;

  -- ensureAccountsExist: a plain read in the usual case, the insert only the first time.
  IF NOT EXISTS (SELECT 1 FROM "LedgerAccount" WHERE "code" = 'donors') THEN
    INSERT INTO "LedgerAccount" ("id", "kind", "code", "name") VALUES (gen_random_uuid()::text, 'EXTERNAL_DONORS', 'donors', '外部资金来源（捐赠人、出资方）') ON CONFLICT ("code") DO NOTHING;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "LedgerAccount" WHERE "code" = v_dest_code) THEN
    INSERT INTO "LedgerAccount" ("id", "kind", "code", "name", "caseId", "fundId")
    VALUES (gen_random_uuid()::text, v_dest_kind, v_dest_code, v_dest_name,
            CASE WHEN v_dest_kind = 'CASE' THEN c."id" END, v_fund_id)
    ON CONFLICT ("code") DO NOTHING;
  END IF;

  UPDATE "Donation"
     SET "status" = 'PAID',
         "paidAt" = p_now,
         "stripePaymentIntentId" = coalesce(nullif(p_payment_intent_id, ''), "stripePaymentIntentId"),
         "stripeCheckoutSessionId" = coalesce("stripeCheckoutSessionId", nullif(p_session_id, '')),
         "needId" = coalesce(v_line_id, "needId"),
         "fundId" = v_fund_id,
         "redirectedToFund" = v_line_id IS NULL
   WHERE "id" = d."id" AND "status" IN ('PENDING', 'EXPIRED');

  IF v_line_id IS NOT NULL THEN
    INSERT INTO "Commitment" ("id", "caseId", "needId", "source", "pledgerId", "pledgerName", "isAnonymous", "amount", "status", "note", "pledgedAt", "confirmedAt", "deliveredAt")
    VALUES (p_commitment_id, c."id", v_line_id, 'DONATION', d."userId", CASE WHEN d."isAnonymous" THEN NULL ELSE d."donorName" END, d."isAnonymous",
            d."amountFen", 'DELIVERED', d."receiptNo", d."createdAt", p_now, p_now);
    IF NOT mark_need_line_delivered(v_line_id, d."amountFen") THEN
      RAISE EXCEPTION 'Need line % cannot take % more delivered', v_line_id, d."amountFen";
    END IF;
    -- fulfilCaseIfCovered would move the case: leave that to the state machine (rare: once a case).
    IF v_committed >= v_target AND NOT EXISTS (
      SELECT 1 FROM "Need" n
       WHERE n."caseId" = c."id" AND n."status" <> 'CANCELLED'
         AND n."target" > (SELECT coalesce(sum(m."amount"), 0) FROM "Commitment" m WHERE m."needId" = n."id" AND m."status" = 'DELIVERED')) THEN
      RAISE EXCEPTION 'slow path: the gift completes its case' USING ERRCODE = 'JJ100';
    END IF;
  ELSE
    INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "caseId", "detail")
    VALUES (NULL, 'donation.redirectedToFund', 'Donation', d."id", d."caseId",
            jsonb_build_object('fundId', v_fund_id, 'amountFen', d."amountFen", 'caseStatus', c."status"));
  END IF;

  IF d."donorEmail" IS NOT NULL AND d."donorEmail" <> '' THEN
    INSERT INTO "OutboxEvent" ("topic", "kind", "payload")
    VALUES ('MAIL', 'mail.donation-receipt',
            jsonb_build_object('template', 'donation-receipt', 'to', d."donorEmail", 'locale', p_locale, 'refs', jsonb_build_object('donationId', d."id")));
  END IF;

  v_memo := CASE WHEN v_line_id IS NOT NULL THEN '银行卡在线捐款 → ' || c."caseNo"
                 ELSE '银行卡在线捐款（' || c."caseNo" || ' 已无资金缺口，转入' || v_dest_name || '）' END;
  PERFORM post_ledger_transaction(
    'DONATION', p_idempotency_key, v_memo,
    jsonb_build_array(jsonb_build_object('accountCode', 'donors', 'amountFen', -d."amountFen"), jsonb_build_object('accountCode', v_dest_code, 'amountFen', d."amountFen")),
    NULL, CASE WHEN d."isAnonymous" THEN '爱心人士' ELSE coalesce(d."donorName", '爱心人士') END, d."id", NULL, NULL, p_now);

  IF v_line_id IS NULL THEN
    UPDATE "StripeEvent" SET "error" = 'redirectedToFund' WHERE "id" = p_event_id;
    RETURN 'redirectedToFund';
  END IF;
  RETURN 'recorded';
END;
$$;

