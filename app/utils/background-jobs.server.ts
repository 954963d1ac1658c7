import { startMailOutboxWorker } from "~/modules/mail/mail-outbox-worker.server.ts";
import type { OutboxPoller } from "~/modules/outbox/start-outbox-poller.server.ts";
import { expireOverduePledges } from "~/modules/pledges/expire-overdue-pledges.server.ts";
import { pruneRateLimitBuckets, RATE_LIMIT_PRUNE_INTERVAL_MS } from "~/modules/rate-limit/prune-rate-limit-buckets.server.ts";

/**
 * The background process's jobs (scripts/worker.ts, ADR 010): the MAIL outbox worker (SMTP when
 * SMTP_URL is set, else .eml files in MAIL_DIR), whose poller also does the hourly housekeeping:
 * pledges and offline transfers past their date expire (their need lines open again) and expired
 * rate-limit buckets are pruned. Logs carry the file name or message id of each mail, never an
 * address. The web server never runs these: a receipt takes ~10 ms of CPU to render, which would
 * stall every request waiting on the same event loop.
 */
export function startBackgroundJobs(): OutboxPoller {
  return startMailOutboxWorker({
    onSent: ({ template, messageId, fileName }) => console.info(`[mail] ${template} sent: ${fileName ?? messageId}`),
    onError: (error) => console.error("[mail outbox]", error instanceof Error ? error.message : error),
    housekeeping: {
      everyMs: RATE_LIMIT_PRUNE_INTERVAL_MS,
      run: async (now) => {
        try {
          const expired = await expireOverduePledges(now);
          if (expired > 0) console.info(`[pledges] expired ${expired} overdue pledges`);
        } catch (error) {
          console.error("[pledge expiry]", error instanceof Error ? error.message : error);
        }
        try {
          const pruned = await pruneRateLimitBuckets(now);
          if (pruned > 0) console.info(`[rate-limit] pruned ${pruned} expired buckets`);
        } catch (error) {
          console.error("[rate-limit prune]", error instanceof Error ? error.message : error);
        }
      },
    },
  });
}
