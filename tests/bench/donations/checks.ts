// What "recorded exactly once and the ledger balanced" means, checked in SQL against the benchmark's
// database after each phase. Each check is PASS or FAIL with the numbers behind it; the facts
// (how many gifts went to a fund, how many cases filled) are printed beside them.
import type pg from "pg";

export type Check = { name: string; ok: boolean; detail: string };

type Batch = { batch: number; donationCount: number; distinctEvents: number };

const n = (v: unknown) => Number(v ?? 0);

export async function runChecks(db: pg.Pool, batch: Batch, allDistinctEvents: number): Promise<{ checks: Check[]; facts: string[] }> {
  const prefix = `bench_donation_b${batch.batch}_%`;
  const eventPrefix = `evt_test_bench_b${batch.batch}_%`;
  const q = async <T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows;
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  const statuses = await q<{ status: string; count: string }>(`SELECT "status"::text, count(*) FROM "Donation" WHERE "id" LIKE $1 GROUP BY 1 ORDER BY 1`, [prefix]);
  const paid = n(statuses.find((s) => s.status === "PAID")?.count);
  check("every donation PAID", paid === batch.donationCount, `${paid} of ${batch.donationCount} PAID (${statuses.map((s) => `${s.status} ${s.count}`).join(", ")})`);

  const [postings] = await q(
    `SELECT count(*) AS txs, count(DISTINCT t."donationId") AS donations,
            count(*) FILTER (WHERE t."idempotencyKey" IS DISTINCT FROM 'stripe:' || d."stripePaymentIntentId") AS wrong_key,
            count(*) FILTER (WHERE d."stripePaymentIntentId" IS DISTINCT FROM 'pi_test_' || substr(d."stripeCheckoutSessionId", 9)) AS wrong_intent
       FROM "LedgerTransaction" t JOIN "Donation" d ON d."id" = t."donationId"
      WHERE t."kind" = 'DONATION' AND t."donationId" LIKE $1`,
    [prefix],
  );
  check(
    "one DONATION transaction per donation",
    n(postings!.txs) === batch.donationCount && n(postings!.donations) === batch.donationCount && n(postings!.wrong_key) === 0 && n(postings!.wrong_intent) === 0,
    `${postings!.txs} transactions for ${postings!.donations} donations, ${postings!.wrong_key} with a key other than stripe:<payment intent>, ${postings!.wrong_intent} with another intent id`,
  );

  // Each posting moves the gift's amount from the donors to its case, or to its fund when redirected.
  const [moves] = await q(
    `SELECT count(*) FILTER (WHERE NOT ok) AS wrong FROM (
       SELECT t."id",
              bool_and(CASE WHEN a."code" = 'donors' THEN e."amountFen" = -d."amountFen"
                            WHEN d."redirectedToFund" THEN a."code" = 'fund:' || d."fundId" AND e."amountFen" = d."amountFen"
                            ELSE a."code" = 'case:' || c."caseNo" AND e."amountFen" = d."amountFen" END) AND count(*) = 2 AS ok
         FROM "LedgerTransaction" t JOIN "Donation" d ON d."id" = t."donationId" JOIN "Case" c ON c."id" = d."caseId"
         JOIN "LedgerEntry" e ON e."transactionId" = t."id" JOIN "LedgerAccount" a ON a."id" = e."accountId"
        WHERE t."kind" = 'DONATION' AND t."donationId" LIKE $1 GROUP BY t."id") x`,
    [prefix],
  );
  check("each posting moves the gift's amount donors → its case (or its fund)", n(moves!.wrong) === 0, `${moves!.wrong} postings with other accounts or amounts`);

  const [balanced] = await q(
    `SELECT count(*) FILTER (WHERE s <> 0) AS unbalanced, count(*) FILTER (WHERE c < 2) AS thin, count(*) AS txs
       FROM (SELECT t."id", COALESCE(SUM(e."amountFen"), 0) AS s, count(e."id") AS c FROM "LedgerTransaction" t LEFT JOIN "LedgerEntry" e ON e."transactionId" = t."id" GROUP BY t."id") x`,
  );
  check("every ledger transaction's entries sum to zero", n(balanced!.unbalanced) === 0 && n(balanced!.thin) === 0, `${balanced!.txs} transactions, ${balanced!.unbalanced} unbalanced, ${balanced!.thin} with fewer than 2 entries`);

  const [cached] = await q(
    `SELECT count(*) AS accounts, count(*) FILTER (WHERE a."balanceFen" <> COALESCE(s.sum, 0)) AS off
       FROM "LedgerAccount" a LEFT JOIN (SELECT "accountId", SUM("amountFen") AS sum FROM "LedgerEntry" GROUP BY 1) s ON s."accountId" = a."id"`,
  );
  check("each account's cached balanceFen = sum of its entries", n(cached!.off) === 0, `${cached!.accounts} accounts, ${cached!.off} off`);

  const [negative] = await q(`SELECT count(*) AS negative FROM "LedgerAccount" WHERE "kind" IN ('FUND', 'CASE', 'PROJECT') AND "balanceFen" < 0`);
  check("no FUND/CASE account below zero", n(negative!.negative) === 0, `${negative!.negative} negative`);

  const [caseMoney] = await q(
    `SELECT count(*) FILTER (WHERE a."balanceFen" <> COALESCE(g.sum, 0)) AS off FROM "Case" c JOIN "LedgerAccount" a ON a."caseId" = c."id"
       LEFT JOIN (SELECT "caseId", SUM("amountFen") AS sum FROM "Donation" WHERE "status" = 'PAID' AND NOT "redirectedToFund" GROUP BY 1) g ON g."caseId" = c."id"`,
  );
  check("each case's balance = the gifts recorded to it", n(caseMoney!.off) === 0, `${caseMoney!.off} cases off`);

  const [lines] = await q(
    `SELECT count(*) AS lines,
            count(*) FILTER (WHERE l."committed" <> COALESCE(s.active, 0)) AS committed_off,
            count(*) FILTER (WHERE l."delivered" <> COALESCE(s.delivered, 0)) AS delivered_off,
            count(*) FILTER (WHERE l."committed" > l."target") AS over,
            count(*) FILTER (WHERE (l."status" = 'COVERED') <> (l."committed" >= l."target")) AS status_off
       FROM "Need" l LEFT JOIN (
         SELECT "needId", SUM("amount") FILTER (WHERE "status" IN ('PLEDGED', 'CONFIRMED', 'DELIVERED')) AS active, SUM("amount") FILTER (WHERE "status" = 'DELIVERED') AS delivered
           FROM "Commitment" GROUP BY 1) s ON s."needId" = l."id"`,
  );
  check(
    "Need.committed = sum of active commitments per line (none over target)",
    n(lines!.committed_off) + n(lines!.delivered_off) + n(lines!.over) + n(lines!.status_off) === 0,
    `${lines!.lines} lines: committed off ${lines!.committed_off}, delivered off ${lines!.delivered_off}, over target ${lines!.over}, status off ${lines!.status_off}`,
  );

  const [gifts] = await q(
    `SELECT count(*) FILTER (WHERE NOT d."redirectedToFund" AND (m."id" IS NULL OR m."amount" <> d."amountFen" OR m."status" <> 'DELIVERED' OR m."needId" <> d."needId")) AS missing,
            count(*) FILTER (WHERE d."redirectedToFund" AND m."id" IS NOT NULL) AS extra
       FROM "Donation" d LEFT JOIN "Commitment" m ON m."id" = d."id" || '-gift' WHERE d."id" LIKE $1`,
    [prefix],
  );
  check("one DELIVERED commitment per gift recorded on a case, none for redirected ones", n(gifts!.missing) + n(gifts!.extra) === 0, `${gifts!.missing} missing or wrong, ${gifts!.extra} extra`);

  const [cases] = await q(
    `SELECT count(*) FILTER (WHERE c."status" = 'FULFILLED' AND NOT l.is_full) AS early, count(*) FILTER (WHERE c."status" = 'PUBLISHED' AND l.is_full) AS missed
       FROM "Case" c JOIN (SELECT "caseId", bool_and("delivered" >= "target") AS is_full FROM "Need" GROUP BY 1) l ON l."caseId" = c."id"`,
  );
  check("FULFILLED exactly when every line is delivered", n(cases!.early) + n(cases!.missed) === 0, `${cases!.early} fulfilled early, ${cases!.missed} covered but still PUBLISHED`);

  const [events] = await q(
    `SELECT count(*) FILTER (WHERE "id" LIKE $1) AS batch, count(*) FILTER (WHERE "id" LIKE $1 AND "status" = 'PROCESSED') AS processed, count(*) AS total FROM "StripeEvent"`,
    [eventPrefix],
  );
  check(
    "StripeEvent rows = distinct events (all PROCESSED)",
    n(events!.batch) === batch.distinctEvents && n(events!.processed) === batch.distinctEvents && n(events!.total) === allDistinctEvents,
    `${events!.batch} rows for ${batch.distinctEvents} distinct events of this batch, ${events!.processed} PROCESSED; ${events!.total} rows in all for ${allDistinctEvents} sent`,
  );

  const [mails] = await q(
    `SELECT count(*) AS rows, count(DISTINCT "payload"->'refs'->>'donationId') AS donations FROM "OutboxEvent" WHERE "topic" = 'MAIL' AND "payload"->'refs'->>'donationId' LIKE $1`,
    [prefix],
  );
  check("one receipt mail queued per gift", n(mails!.rows) === batch.donationCount && n(mails!.donations) === batch.donationCount, `${mails!.rows} mail rows for ${mails!.donations} donations`);

  const [facts] = await q(
    `SELECT count(*) FILTER (WHERE "redirectedToFund") AS redirected, COALESCE(SUM("amountFen") FILTER (WHERE "redirectedToFund"), 0) AS redirected_fen,
            COALESCE(SUM("amountFen"), 0) AS total_fen, count(DISTINCT "fundId") AS funds
       FROM "Donation" WHERE "id" LIKE $1 AND "status" = 'PAID'`,
    [prefix],
  );
  const [fulfilled] = await q(`SELECT count(*) FILTER (WHERE "status" = 'FULFILLED') AS fulfilled, count(*) AS cases FROM "Case"`);
  const [attempts] = await q(`SELECT COALESCE(SUM("attempts"), 0) AS attempts, count(*) FILTER (WHERE "attempts" > 1) AS retried FROM "StripeEvent" WHERE "id" LIKE $1`, [eventPrefix]);
  const yuan = (fen: unknown) => `¥${(n(fen) / 100).toLocaleString("en", { minimumFractionDigits: 2 })}`;
  return {
    checks,
    facts: [
      `recorded ${yuan(facts!.total_fen)}; ${facts!.redirected} gifts (${yuan(facts!.redirected_fen)}) went to ${facts!.funds} relief fund(s) because their case was already covered`,
      `${fulfilled!.fulfilled} of ${fulfilled!.cases} cases FULFILLED so far; inbox processing attempts ${attempts!.attempts} for ${batch.distinctEvents} events (${attempts!.retried} processed more than once, i.e. rolled back and retried)`,
    ],
  };
}
