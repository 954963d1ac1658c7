// Mail goes out through the transactional outbox (DESIGN §8): the row is written in the same
// transaction as the change it announces, and the mail worker renders and sends it after commit
// (SMTP when SMTP_URL is set, otherwise a file in MAIL_DIR). The payload names a template and the
// record it is about, never the message text, so no personal data sits in the outbox.
import type { Prisma } from "~/generated/prisma/client.ts";

export const MAIL_TEMPLATES = [
  "donation-receipt", // a card gift or confirmed transfer: { donationId }
  "transfer-pledge-instructions", // an offline transfer pledge: how to pay, { donationId }
  "pledge-confirmed", // goods or hours pledge confirmed by the office: { commitmentId }
  "commitment-picked", // a resource picked for a case plan (issue 6): { commitmentId }
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export type MailRequest = {
  template: MailTemplate;
  /** The recipient's address. */
  to: string;
  locale: "zh-CN" | "en";
  /** Ids of the records the template reads, e.g. { donationId }. */
  refs: Record<string, string>;
};

export async function enqueueMail(tx: Prisma.TransactionClient, mail: MailRequest): Promise<void> {
  await tx.outboxEvent.create({ data: { topic: "MAIL", kind: `mail.${mail.template}`, payload: mail } });
}
