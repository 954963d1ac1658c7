import { startMailOutboxWorker } from "~/modules/mail/mail-outbox-worker.server.ts";
import { expireOverduePledges } from "~/modules/pledges/expire-overdue-pledges.server.ts";
import { pruneRateLimitBuckets, RATE_LIMIT_PRUNE_INTERVAL_MS } from "~/modules/rate-limit/prune-rate-limit-buckets.server.ts";
import { getEnv } from "./env.server.ts";

// One mail worker per process, kept on globalThis so `remix dev` rebuilds do not start a second.
const globalForMail = globalThis as unknown as { __mailWorker?: { stop: () => Promise<void> } };

/**
 * Starts the MAIL outbox worker once per server process (SMTP when SMTP_URL is set, else .eml files
 * in MAIL_DIR). Its poller also does the hourly housekeeping: pledges and offline transfers past
 * their date expire (their need lines open again) and expired rate-limit buckets are pruned. Tests run the
 * worker themselves and never start it. Logs carry the file name or message id of each mail, never
 * an address.
 */
export function ensureMailWorker(): void {
  const env = getEnv();
  if (env.NODE_ENV === "test" || globalForMail.__mailWorker) return;
  globalForMail.__mailWorker = startMailOutboxWorker({
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
