import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { MailTransport } from "~/integrations/mail.server.ts";
import { enqueueMail, MAIL_TEMPLATES, type MailRequest } from "~/modules/mail/enqueue-mail.server.ts";
import { MAIL_RETRY_POLICY, processMailOutbox } from "~/modules/mail/mail-outbox-worker.server.ts";
import { renderMail } from "~/modules/mail/render-mail.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createUser } from "../factories/index.ts";
import {
  BENEFICIARY_SECRETS,
  createCommitment,
  createDonation,
  createFund,
  createPublishedCase,
  createVolunteerOffer,
  readMailFolder,
} from "../factories/receipts.ts";

const PUBLIC_URL = "https://jjn.example.cn";
const dirs: string[] = [];

function tempMailDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jjn-mail-"));
  dirs.push(dir);
  return dir;
}

async function queue(mail: MailRequest) {
  await prisma.$transaction((tx) => enqueueMail(tx, mail));
  return prisma.outboxEvent.findFirstOrThrow({ where: { topic: "MAIL" }, orderBy: { id: "desc" } });
}

/** A transport that is down: every send throws, quoting the recipient as SMTP servers do. */
const failingTransport = (to: string): MailTransport => ({
  kind: "smtp",
  async send() {
    throw new Error(`550 5.1.1 <${to}>: connect ECONNREFUSED`);
  },
  close() {},
});

// Other test files in this worker's database may leave MAIL rows behind: each test starts with none due.
beforeEach(async () => {
  await prisma.outboxEvent.updateMany({ where: { topic: "MAIL", processedAt: null }, data: { processedAt: new Date(), lastError: "cleared by mail-outbox.test" } });
});

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("mail outbox worker", () => {
  it("writes a queued receipt as one .eml file (and an .html copy) with the right subject and body, in zh-CN and in en", async () => {
    const { caseRow } = await createPublishedCase();
    const gift = await createDonation({ caseId: caseRow.id, amountFen: 123_456, donorName: "李明", donorEmail: "li.ming@example.com" });
    const zh = await queue({ template: "donation-receipt", to: "li.ming@example.com", locale: "zh-CN", refs: { donationId: gift.id } });
    const en = await queue({ template: "donation-receipt", to: "Li.Ming@example.com", locale: "en", refs: { donationId: gift.id } });
    const dir = tempMailDir();
    const sentFiles: string[] = [];

    const result = await processMailOutbox({ mailDir: dir, publicUrl: PUBLIC_URL, onSent: (info) => sentFiles.push(info.fileName!) });

    expect(result).toEqual({ claimed: 2, sent: 2, failed: 0, skipped: 0 });
    const mails = readMailFolder(dir);
    expect(mails).toHaveLength(2);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".html"))).toHaveLength(2);
    expect(sentFiles.sort()).toEqual(mails.map((m) => m.file));
    // File names say what the mail is, never who it is for.
    for (const m of mails) expect(m.file).not.toMatch(/li\.ming|example/i);

    const zhMail = mails.find((m) => m.file.includes(`-${zh.id}-`))!;
    expect(zhMail.subject).toBe(`捐款收据 ${gift.receiptNo}`);
    expect(zhMail.to).toContain("li.ming@example.com");
    expect(zhMail.text).toContain("李明，您好");
    expect(zhMail.text).toContain("¥1,234.56");
    expect(zhMail.text).toContain(`${caseRow.publicTitle}（${caseRow.caseNo}）`);
    expect(zhMail.text).toContain(`${PUBLIC_URL}/receipts/${gift.id}`);
    expect(zhMail.text).toContain("已到账");
    expect(zhMail.html).toContain(`href="${PUBLIC_URL}/receipts/${gift.id}"`);
    expect(zhMail.html).toContain("¥1,234.56");

    const enMail = mails.find((m) => m.file.includes(`-${en.id}-`))!;
    expect(enMail.subject).toBe(`Donation receipt ${gift.receiptNo}`);
    expect(enMail.text).toContain("Dear 李明,");
    expect(enMail.text).toContain("Amount: ¥1,234.56");
    expect(enMail.text).toContain(`${caseRow.publicTitle} (${caseRow.caseNo})`);
    expect(enMail.text).toContain("Received");
    expect(enMail.html).toContain('lang="en"');

    const rows = await prisma.outboxEvent.findMany({ where: { id: { in: [zh.id, en.id] } } });
    expect(rows.every((r) => r.processedAt !== null && r.attempts === 0 && r.lastError === null)).toBe(true);
  });

  it("sends a row once however often the worker runs, and once when two workers run at the same moment", async () => {
    const { caseRow } = await createPublishedCase();
    const gift = await createDonation({ caseId: caseRow.id, amountFen: 10_000, donorName: "王芳" });
    await queue({ template: "donation-receipt", to: "wang@example.com", locale: "zh-CN", refs: { donationId: gift.id } });
    const dir = tempMailDir();

    expect((await processMailOutbox({ mailDir: dir, publicUrl: PUBLIC_URL })).sent).toBe(1);
    expect((await processMailOutbox({ mailDir: dir, publicUrl: PUBLIC_URL })).claimed).toBe(0);
    expect(readMailFolder(dir)).toHaveLength(1);

    // Two processes polling together: each row is claimed by exactly one of them.
    for (let i = 0; i < 6; i++) {
      await queue({ template: "donation-receipt", to: `donor${i}@example.com`, locale: i % 2 ? "en" : "zh-CN", refs: { donationId: gift.id } });
    }
    const concurrentDir = tempMailDir();
    const runs = await Promise.all([
      processMailOutbox({ mailDir: concurrentDir, publicUrl: PUBLIC_URL, batchSize: 4 }),
      processMailOutbox({ mailDir: concurrentDir, publicUrl: PUBLIC_URL, batchSize: 4 }),
      processMailOutbox({ mailDir: concurrentDir, publicUrl: PUBLIC_URL, batchSize: 4 }),
    ]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(6);
    expect(readMailFolder(concurrentDir)).toHaveLength(6);
    expect(await prisma.outboxEvent.count({ where: { topic: "MAIL", processedAt: null } })).toBe(0);
  });

  it("keeps the row when the transport fails: attempts + 1, the error (without the address), an exponential backoff; later it is sent", async () => {
    const { caseRow } = await createPublishedCase();
    const gift = await createDonation({ caseId: caseRow.id, amountFen: 50_000 });
    const to = "failing.donor@example.com";
    const event = await queue({ template: "donation-receipt", to, locale: "zh-CN", refs: { donationId: gift.id } });
    const now = new Date(Date.now() + 1_000);

    const first = await processMailOutbox({ transport: failingTransport(to), publicUrl: PUBLIC_URL, now });
    expect(first).toEqual({ claimed: 1, sent: 0, failed: 1, skipped: 0 });
    let row = await prisma.outboxEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.processedAt).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("ECONNREFUSED");
    expect(row.lastError).not.toContain(to);
    expect(row.availableAt.getTime()).toBe(now.getTime() + MAIL_RETRY_POLICY.baseMs);

    // Not due again before the backoff ends.
    expect((await processMailOutbox({ transport: failingTransport(to), publicUrl: PUBLIC_URL, now: new Date(now.getTime() + 1_000) })).claimed).toBe(0);

    // A second failure doubles the wait.
    const second = new Date(now.getTime() + MAIL_RETRY_POLICY.baseMs);
    expect((await processMailOutbox({ transport: failingTransport(to), publicUrl: PUBLIC_URL, now: second })).failed).toBe(1);
    row = await prisma.outboxEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.attempts).toBe(2);
    expect(row.availableAt.getTime()).toBe(second.getTime() + 2 * MAIL_RETRY_POLICY.baseMs);

    // The mail server is back: the row goes out once.
    const dir = tempMailDir();
    const back = await processMailOutbox({ mailDir: dir, publicUrl: PUBLIC_URL, now: new Date(second.getTime() + 2 * MAIL_RETRY_POLICY.baseMs) });
    expect(back.sent).toBe(1);
    expect(readMailFolder(dir)).toHaveLength(1);
    row = await prisma.outboxEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.processedAt).not.toBeNull();
  });

  it("closes rows it can never send (bad payload, record gone) instead of retrying them forever, and writes nothing", async () => {
    const bad = await prisma.outboxEvent.create({ data: { topic: "MAIL", kind: "mail.unknown", payload: { template: "no-such-template", to: "x@example.com", locale: "en", refs: {} } } });
    const gone = await queue({ template: "donation-receipt", to: "y@example.com", locale: "en", refs: { donationId: "c-no-such-donation" } });
    const dir = tempMailDir();

    const result = await processMailOutbox({ mailDir: dir, publicUrl: PUBLIC_URL });

    expect(result).toEqual({ claimed: 2, sent: 0, failed: 0, skipped: 2 });
    expect(readMailFolder(dir)).toHaveLength(0);
    const rows = await prisma.outboxEvent.findMany({ where: { id: { in: [bad.id, gone.id] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.lastError)).toEqual(["skipped: invalid mail payload", "skipped: record not found"]);
    expect(rows.every((r) => r.processedAt !== null)).toBe(true);
  });

  it("ignores SEARCH rows", async () => {
    const search = await prisma.outboxEvent.create({ data: { topic: "SEARCH", kind: "case.upsert", payload: { caseNo: "JJN-none" } } });
    expect((await processMailOutbox({ mailDir: tempMailDir(), publicUrl: PUBLIC_URL })).claimed).toBe(0);
    expect((await prisma.outboxEvent.findUniqueOrThrow({ where: { id: search.id } })).processedAt).toBeNull();
    await prisma.outboxEvent.update({ where: { id: search.id }, data: { processedAt: new Date() } });
  });
});

describe("mail templates", () => {
  it("a gift that arrived after the case was covered says it went to the region's relief fund", async () => {
    const { caseRow, county } = await createPublishedCase();
    const fund = await createFund(county.code, "测试县救急难公益基金");
    const gift = await createDonation({ caseId: caseRow.id, fundId: fund.id, redirectedToFund: true, amountFen: 20_000, isAnonymous: true, donorName: "不显示的名字" });

    const zh = (await renderMail({ template: "donation-receipt", locale: "zh-CN", refs: { donationId: gift.id } }, { publicUrl: PUBLIC_URL }))!;
    expect(zh.text).toContain("该个案的需求已经全部筹足，这笔捐款已转入测试县救急难公益基金");
    expect(zh.text).toContain("您好：");
    expect(zh.text).not.toContain("不显示的名字");
    const en = (await renderMail({ template: "donation-receipt", locale: "en", refs: { donationId: gift.id } }, { publicUrl: PUBLIC_URL }))!;
    expect(en.text).toContain("already fully covered");
    expect(en.html).toContain("测试县救急难公益基金");
  });

  it("transfer instructions give the amount, the receipt number to quote, the office to call and the deadline", async () => {
    const { caseRow, office } = await createPublishedCase();
    const pledge = await createDonation({ caseId: caseRow.id, amountFen: 300_000, method: "TRANSFER", status: "PENDING", paidAt: null, donorName: "赵磊", expiresAt: new Date("2026-03-10T04:00:00Z") });

    const zh = (await renderMail({ template: "transfer-pledge-instructions", locale: "zh-CN", refs: { donationId: pledge.id } }, { publicUrl: PUBLIC_URL }))!;
    expect(zh.subject).toBe(`线下转账捐款指引 ${pledge.receiptNo}`);
    expect(zh.text).toContain("¥3,000.00");
    expect(zh.text).toContain(`转账附言请填写收据编号 ${pledge.receiptNo}`);
    expect(zh.text).toContain(office.name);
    expect(zh.text).toContain("0557-5020000");
    expect(zh.text).toContain("2026");
    const en = (await renderMail({ template: "transfer-pledge-instructions", locale: "en", refs: { donationId: pledge.id } }, { publicUrl: PUBLIC_URL }))!;
    expect(en.text).toContain(`Put the receipt number ${pledge.receiptNo} in the transfer reference`);
  });

  it("pledge-confirmed and commitment-picked name the case and link to /account", async () => {
    const { caseRow, needs, office } = await createPublishedCase();
    const user = await createUser({ roles: ["DONOR"] });
    const pledge = await createCommitment({ caseId: caseRow.id, needId: needs.quilts.id, source: "DIRECT_PLEDGE", pledgerId: user.id, pledgerName: "刘洋", amount: 4, status: "CONFIRMED", confirmedAt: new Date() });

    const confirmed = (await renderMail({ template: "pledge-confirmed", locale: "zh-CN", refs: { commitmentId: pledge.id } }, { publicUrl: PUBLIC_URL }))!;
    expect(confirmed.subject).toBe(`您的认领已确认（${caseRow.caseNo}）`);
    expect(confirmed.text).toContain("棉被");
    expect(confirmed.text).toContain("4床");
    expect(confirmed.text).toContain(office.name);
    expect(confirmed.text).toContain(`${PUBLIC_URL}/account`);

    const picked = (await renderMail({ template: "commitment-picked", locale: "en", refs: { commitmentId: pledge.id } }, { publicUrl: `${PUBLIC_URL}/` }))!;
    expect(picked.subject).toBe(`Your resource was picked for a relief plan (${caseRow.caseNo})`);
    expect(picked.text).toContain(`${PUBLIC_URL}/account`);
    expect(picked.text).not.toContain(`${PUBLIC_URL}//account`);
  });

  it("no template, in either language, carries the beneficiary's name, phone or address", async () => {
    const { caseRow, needs, county } = await createPublishedCase();
    const fund = await createFund(county.code);
    const volunteer = await createUser({ roles: ["VOLUNTEER"] });
    const offer = await createVolunteerOffer(volunteer.id);
    const gift = await createDonation({ caseId: caseRow.id, fundId: fund.id, redirectedToFund: true, amountFen: 10_000, donorName: "李明" });
    const transfer = await createDonation({ caseId: caseRow.id, amountFen: 10_000, method: "TRANSFER", status: "PENDING", paidAt: null });
    const hours = await createCommitment({ caseId: caseRow.id, needId: needs.care.id, source: "VOLUNTEER_OFFER", volunteerOfferId: offer.id, amount: 8, status: "CONFIRMED", confirmedAt: new Date() });
    const refsOf: Record<(typeof MAIL_TEMPLATES)[number], Record<string, string>> = {
      "donation-receipt": { donationId: gift.id },
      "transfer-pledge-instructions": { donationId: transfer.id },
      "pledge-confirmed": { commitmentId: hours.id },
      "commitment-picked": { commitmentId: hours.id },
    };

    for (const template of MAIL_TEMPLATES) {
      for (const locale of ["zh-CN", "en"] as const) {
        const mail = await renderMail({ template, locale, refs: refsOf[template] }, { publicUrl: PUBLIC_URL });
        expect(mail, `${template} ${locale}`).not.toBeNull();
        const all = `${mail!.subject}\n${mail!.text}\n${mail!.html}`;
        for (const secret of BENEFICIARY_SECRETS) expect(all, `${template} ${locale}`).not.toContain(secret);
        expect(all).not.toContain("测试受理记录");
      }
    }
  });
});
