// A thin wrapper over nodemailer (DESIGN §8): SMTP when SMTP_URL is set; otherwise each message is
// built as a real RFC 822 message by nodemailer's stream transport and written as a `.eml` file
// (any mail program opens it), with an `.html` copy beside it for a quick look in a browser, into
// MAIL_DIR — a folder a person can open. No business rules here. Addresses are never logged: the
// caller gets back the message id and the file name only.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
};

export type SentMail = {
  messageId: string;
  /** The `.eml` file's name inside the mail folder (file transport only). */
  fileName?: string;
};

export type MailTransport = {
  readonly kind: "smtp" | "file";
  /** `label` names the file (file transport): letters, digits and dashes, never an address. */
  send(mail: OutgoingMail, opts?: { label?: string }): Promise<SentMail>;
  close(): void;
};

export function createMailTransport(config: { smtpUrl?: string; mailDir: string }): MailTransport {
  return config.smtpUrl ? createSmtpTransport(config.smtpUrl) : createFileTransport(config.mailDir);
}

export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: "smtp",
    async send(mail) {
      const info = await transporter.sendMail(mail);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

export function createFileTransport(mailDir: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "file",
    async send(mail, opts = {}) {
      const info = await transporter.sendMail(mail);
      await fs.mkdir(mailDir, { recursive: true });
      const base = fileBaseName(opts.label);
      // Written under a temporary name and renamed, so a reader never opens half a message.
      await writeAtomically(path.join(mailDir, `${base}.eml`), info.message as Buffer);
      await writeAtomically(path.join(mailDir, `${base}.html`), Buffer.from(mail.html, "utf8"));
      return { messageId: info.messageId, fileName: `${base}.eml` };
    },
    close: () => transporter.close(),
  };
}

/** "20260301T083012Z-donation-receipt-42-9f3a1c": sorts by time, says what it is, never who. */
function fileBaseName(label: string | undefined): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const safe = (label ?? "mail").replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "mail";
  return `${stamp}-${safe}-${crypto.randomBytes(3).toString("hex")}`;
}

async function writeAtomically(file: string, content: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, content);
  await fs.rename(temporary, file);
}
