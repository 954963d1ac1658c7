// Every mail is a list of blocks (paragraphs, a table of facts, numbered steps, links) laid out
// twice: as plain text and as simple, inline-styled HTML that mail programs show alike. All text is
// escaped here, so a template never builds markup by hand.
import type { TFunction } from "i18next";
import type { Locale } from "~/i18n.ts";

export type MailContext = {
  t: TFunction;
  locale: Locale;
  /** The site's address without a trailing slash, e.g. "https://jjn.example.cn". */
  publicUrl: string;
};

export type MailBlock =
  | { type: "paragraph"; text: string }
  | { type: "facts"; rows: Array<[label: string, value: string]> }
  | { type: "steps"; items: string[] }
  | { type: "link"; label: string; url: string };

export type MailDraft = { subject: string; greeting: string; blocks: MailBlock[] };

export type RenderedMail = { subject: string; text: string; html: string };

/** A link into the site, from PUBLIC_URL. */
export function siteUrl(ctx: MailContext, pathname: string): string {
  return `${ctx.publicUrl}${pathname}`;
}

export function composeMail(draft: MailDraft, ctx: MailContext): RenderedMail {
  const { t } = ctx;
  const footer = [t("receiptMail.privacy"), t("receiptMail.automatic")];
  const signature = t("app.name");
  return {
    subject: draft.subject,
    text: composeText(draft, footer, signature, ctx.locale),
    html: composeHtml(draft, footer, signature, ctx.locale),
  };
}

function composeText(draft: MailDraft, footer: string[], signature: string, locale: Locale): string {
  const colon = locale === "zh-CN" ? "：" : ": ";
  const parts = [draft.greeting];
  for (const block of draft.blocks) {
    switch (block.type) {
      case "paragraph":
        parts.push(block.text);
        break;
      case "facts":
        parts.push(block.rows.map(([label, value]) => `${label}${colon}${value}`).join("\n"));
        break;
      case "steps":
        parts.push(block.items.map((item, i) => `${i + 1}. ${item}`).join("\n"));
        break;
      case "link":
        parts.push(`${block.label}${colon}${block.url}`);
        break;
    }
  }
  parts.push(signature, "--", footer.join("\n"));
  return `${parts.join("\n\n")}\n`;
}

const STYLE = {
  body: "margin:0 auto;max-width:600px;padding:16px;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;font-size:15px;line-height:1.6;color:#1c1917;background:#ffffff",
  th: "text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:normal;color:#44403c;white-space:nowrap",
  td: "padding:4px 0;color:#1c1917",
  link: "color:#7f1d1d;text-decoration:underline",
  footer: "margin-top:24px;border-top:1px solid #d6d3d1;padding-top:8px;font-size:13px;color:#44403c",
};

function composeHtml(draft: MailDraft, footer: string[], signature: string, locale: Locale): string {
  const body: string[] = [`<p>${escapeHtml(draft.greeting)}</p>`];
  for (const block of draft.blocks) {
    switch (block.type) {
      case "paragraph":
        body.push(`<p>${escapeHtml(block.text)}</p>`);
        break;
      case "facts":
        body.push(
          `<table role="presentation" style="border-collapse:collapse;margin:8px 0">${block.rows
            .map(([label, value]) => `<tr><th scope="row" style="${STYLE.th}">${escapeHtml(label)}</th><td style="${STYLE.td}">${escapeHtml(value)}</td></tr>`)
            .join("")}</table>`,
        );
        break;
      case "steps":
        body.push(`<ol>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ol>`);
        break;
      case "link":
        body.push(`<p><a href="${escapeHtml(block.url)}" style="${STYLE.link}">${escapeHtml(block.label)}</a></p>`);
        break;
    }
  }
  body.push(`<p>${escapeHtml(signature)}</p>`);
  body.push(`<div style="${STYLE.footer}">${footer.map((line) => `<p style="margin:4px 0">${escapeHtml(line)}</p>`).join("")}</div>`);
  return [
    "<!doctype html>",
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(draft.subject)}</title></head>`,
    `<body style="${STYLE.body}">`,
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
