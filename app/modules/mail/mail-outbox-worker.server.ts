// Sends MAIL outbox rows (DESIGN §8). Rows are written by enqueueMail in the same transaction as
// the change they announce; this worker claims due rows (safe with several processes: see
// claimOutboxEvents), renders each template from the database in the requested language, sends it
// (SMTP, or a .eml file in the mail folder) and marks it processed. A failed send keeps the row,
// counts the attempt, stores the error and retries after an exponential backoff.
//
// Delivery is at least once: a process killed between the send and the mark sends that one mail
// again when its claim lapses. A row marked processed is never sent again.
import { z } from "zod";
import { createMailTransport, type MailTransport } from "~/integrations/mail.server.ts";
import { claimOutboxEvents, type ClaimedOutboxEvent } from "~/modules/outbox/claim-outbox-events.server.ts";
import type { OutboxRetryPolicy } from "~/modules/outbox/outbox-retry-delay.ts";
import { markOutboxEventFailed, markOutboxEventsProcessed } from "~/modules/outbox/settle-outbox-event.server.ts";
import { startOutboxPoller, type OutboxPoller } from "~/modules/outbox/start-outbox-poller.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { MAIL_TEMPLATES, type MailRequest } from "./enqueue-mail.server.ts";
import { renderMail, senderOf } from "./render-mail.server.ts";

export const MAIL_OUTBOX_BATCH_SIZE = 20;
/** A mail server that is down is retried after 30 s, 1 min, 2 min … and then every 6 hours. */
export const MAIL_RETRY_POLICY: OutboxRetryPolicy = { baseMs: 30_000, maxMs: 6 * 60 * 60_000 };
/** How long a claimed row is hidden from other processes; far longer than one send takes. */
export const MAIL_CLAIM_LEASE_MS = 5 * 60_000;
export const MAIL_OUTBOX_POLL_INTERVAL_MS = 2_000;

const MailRequestSchema = z.object({
  template: z.enum(MAIL_TEMPLATES),
  to: z.string().trim().email(),
  locale: z.enum(["zh-CN", "en"]).catch("zh-CN"),
  refs: z.record(z.string()),
});

export type MailSentInfo = { eventId: bigint; template: MailRequest["template"]; messageId: string; fileName?: string };

export type MailWorkerOptions = {
  /** Defaults to SMTP_URL / MAIL_DIR from the environment. */
  transport?: MailTransport;
  /** Write files into this folder instead (tests): overrides MAIL_DIR and SMTP_URL. */
  mailDir?: string;
  /** Links in mail; defaults to PUBLIC_URL, else http://localhost:PORT. */
  publicUrl?: string;
  now?: Date;
  batchSize?: number;
  /** Told the message id and file name of each mail sent: never an address. */
  onSent?: (info: MailSentInfo) => void;
};

export type MailRunResult = { claimed: number; sent: number; failed: number; skipped: number };

/** One pass over the due MAIL rows. */
export async function processMailOutbox(opts: MailWorkerOptions = {}): Promise<MailRunResult> {
  const now = opts.now ?? new Date();
  const events = await claimOutboxEvents("MAIL", { batchSize: opts.batchSize ?? MAIL_OUTBOX_BATCH_SIZE, leaseMs: MAIL_CLAIM_LEASE_MS, now });
  const result: MailRunResult = { claimed: events.length, sent: 0, failed: 0, skipped: 0 };
  if (events.length === 0) return result;

  const transport = opts.transport ?? defaultTransport(opts.mailDir);
  const publicUrl = opts.publicUrl ?? defaultPublicUrl();
  try {
    for (const event of events) {
      const outcome = await sendOne(event, transport, publicUrl, opts, now);
      result[outcome] += 1;
    }
  } finally {
    if (!opts.transport) transport.close();
  }
  return result;
}

async function sendOne(
  event: ClaimedOutboxEvent,
  transport: MailTransport,
  publicUrl: string,
  opts: MailWorkerOptions,
  now: Date,
): Promise<"sent" | "failed" | "skipped"> {
  const parsed = MailRequestSchema.safeParse(event.payload);
  // A row nobody can send would be retried forever: close it and say why (never the address).
  if (!parsed.success) {
    await markOutboxEventsProcessed([event.id], { now, note: "skipped: invalid mail payload" });
    return "skipped";
  }
  const request = parsed.data;
  try {
    const rendered = await renderMail(request, { publicUrl });
    if (!rendered) {
      await markOutboxEventsProcessed([event.id], { now, note: "skipped: record not found" });
      return "skipped";
    }
    const sent = await transport.send(
      { from: await senderOf(request.locale, publicUrl), to: request.to, ...rendered },
      { label: `${request.template}-${event.id}` },
    );
    await markOutboxEventsProcessed([event.id], { now });
    opts.onSent?.({ eventId: event.id, template: request.template, messageId: sent.messageId, fileName: sent.fileName });
    return "sent";
  } catch (error) {
    await markOutboxEventFailed(event, withoutAddresses(error), MAIL_RETRY_POLICY, { now });
    return "failed";
  }
}

/** SMTP errors quote the recipient ("550 <a@b.cn> rejected"): lastError keeps the reason, not the address. */
function withoutAddresses(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.replace(/[^\s<>@"']+@[^\s<>@"']+/g, "[address]");
}

/** Periodic upkeep the mail poller also runs, at most once per `everyMs` in this process. */
export type MailWorkerHousekeeping = { everyMs: number; run: (now: Date) => Promise<void> };

/**
 * Polls the outbox in the background until stopped; one transport for the worker's life. The
 * server's one background loop also carries small periodic jobs (`housekeeping`), so they need no
 * scheduler of their own; their errors are reported and never stop the mail.
 */
export function startMailOutboxWorker(
  opts: Omit<MailWorkerOptions, "now"> & {
    intervalMs?: number;
    onError?: (error: unknown) => void;
    housekeeping?: MailWorkerHousekeeping;
  } = {},
): OutboxPoller {
  const transport = opts.transport ?? defaultTransport(opts.mailDir);
  const batchSize = opts.batchSize ?? MAIL_OUTBOX_BATCH_SIZE;
  let housekeptAt = Number.NEGATIVE_INFINITY;
  const housekeepIfDue = async () => {
    const job = opts.housekeeping;
    const now = Date.now();
    if (!job || now - housekeptAt < job.everyMs) return;
    housekeptAt = now;
    try {
      await job.run(new Date(now));
    } catch (error) {
      opts.onError?.(error);
    }
  };
  const poller = startOutboxPoller(
    async () => {
      await housekeepIfDue();
      return processMailOutbox({ ...opts, transport, batchSize });
    },
    { batchSize, intervalMs: opts.intervalMs ?? MAIL_OUTBOX_POLL_INTERVAL_MS, onError: opts.onError },
  );
  return {
    async stop() {
      await poller.stop();
      if (!opts.transport) transport.close();
    },
  };
}

function defaultTransport(mailDir: string | undefined): MailTransport {
  const env = getEnv();
  return mailDir ? createMailTransport({ mailDir }) : createMailTransport({ smtpUrl: env.SMTP_URL, mailDir: env.MAIL_DIR });
}

function defaultPublicUrl(): string {
  const env = getEnv();
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}
