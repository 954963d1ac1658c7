// Turns a queued mail request into its subject, plain text and HTML, in the requested language,
// from the records as they are in the database NOW (the outbox payload names records, not text).
import { fixedT } from "~/utils/i18n.server.ts";
import type { MailRequest, MailTemplate } from "./enqueue-mail.server.ts";
import { draftCommitmentPicked } from "./templates/commitment-picked.server.ts";
import { draftDonationReceipt } from "./templates/donation-receipt.server.ts";
import { composeMail, type MailContext, type MailDraft, type RenderedMail } from "./templates/mail-layout.server.ts";
import { draftPledgeConfirmed } from "./templates/pledge-confirmed.server.ts";
import { draftTransferPledgeInstructions } from "./templates/transfer-pledge-instructions.server.ts";

const DRAFTS: Record<MailTemplate, (refs: Record<string, string>, ctx: MailContext) => Promise<MailDraft | null>> = {
  "donation-receipt": draftDonationReceipt,
  "transfer-pledge-instructions": draftTransferPledgeInstructions,
  "pledge-confirmed": draftPledgeConfirmed,
  "commitment-picked": draftCommitmentPicked,
};

/** null when the record the mail is about no longer exists. */
export async function renderMail(request: Pick<MailRequest, "template" | "locale" | "refs">, opts: { publicUrl: string }): Promise<RenderedMail | null> {
  const ctx: MailContext = {
    t: await fixedT(request.locale),
    locale: request.locale,
    publicUrl: opts.publicUrl.replace(/\/+$/, ""),
  };
  const draft = await DRAFTS[request.template](request.refs, ctx);
  return draft ? composeMail(draft, ctx) : null;
}

/** The sender: the site's name at a no-reply address of the site's host. */
export async function senderOf(locale: MailRequest["locale"], publicUrl: string): Promise<string> {
  const t = await fixedT(locale);
  const host = new URL(publicUrl).hostname || "localhost";
  return `"${t("app.name").replace(/["\\]/g, "")}" <no-reply@${host}>`;
}
