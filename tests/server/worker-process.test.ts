// The background process (scripts/worker.ts via scripts/lib/worker-process.ts, ADR 010) as
// `npm start` runs it: a real child process on this worker's database, sending the mail outbox into
// a mail folder, started again when it dies, gone when stopped.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { startWorkerProcess, type WorkerProcess } from "../../scripts/lib/worker-process.ts";
import { createDonation, createPublishedCase, readMailFolder } from "../factories/receipts.ts";

const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "jjn-worker-mail-"));
const errorLines: string[] = [];
let worker: WorkerProcess;

async function queueReceipt(donorEmail: string) {
  const { caseRow } = await createPublishedCase();
  const gift = await createDonation({ caseId: caseRow.id, amountFen: 50_000, donorName: "王芳", donorEmail });
  await prisma.$transaction((tx) => enqueueMail(tx, { template: "donation-receipt", to: donorEmail, locale: "zh-CN", refs: { donationId: gift.id } }));
  const row = await prisma.outboxEvent.findFirstOrThrow({ where: { topic: "MAIL" }, orderBy: { id: "desc" } });
  return { gift, row };
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined> | T | null | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker said: ${errorLines.slice(-5).join(" | ")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  worker = startWorkerProcess({ env: { ...process.env, MAIL_DIR: mailDir, PUBLIC_URL: "https://jjn.example.cn" }, onErrorLine: (line) => errorLines.push(line) });
  await worker.ready;
});

afterAll(async () => {
  await worker.stop();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe("the background process", () => {
  it("runs at a lower CPU priority than the web server", () => {
    const stat = fs.readFileSync(`/proc/${worker.pid}/stat`, "utf8");
    const nice = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
    expect(nice).toBeGreaterThan(os.getPriority());
  });

  it("sends a receipt queued by the web side: the .eml file appears in MAIL_DIR and its outbox row is settled", async () => {
    const { gift, row } = await queueReceipt("wang.fang@example.com");
    const mail = await waitFor("the receipt file", () => readMailFolder(mailDir).find((m) => m.file.includes(`-${row.id}-`)));
    expect(mail.subject).toBe(`捐款收据 ${gift.receiptNo}`);
    expect(mail.to).toContain("wang.fang@example.com");
    const settled = await waitFor("the settled row", () => prisma.outboxEvent.findFirst({ where: { id: row.id, processedAt: { not: null } } }));
    expect(settled.attempts).toBe(0);
  });

  it("is started again when it dies, and the new one sends what was queued meanwhile", async () => {
    const first = worker.pid!;
    process.kill(first, "SIGKILL");
    const { row } = await queueReceipt("li.lei@example.com");
    const second = await waitFor("a new background process", () => (worker.pid && worker.pid !== first ? worker.pid : null));
    expect(isRunning(first)).toBe(false);
    await waitFor("the receipt file from the new process", () => readMailFolder(mailDir).find((m) => m.file.includes(`-${row.id}-`)));
    expect(isRunning(second)).toBe(true);
  });

  it("is gone after stop() and is not started again", async () => {
    const pid = worker.pid!;
    await worker.stop();
    expect(isRunning(pid)).toBe(false);
    await new Promise((r) => setTimeout(r, 1_500)); // longer than the first restart pause
    expect(worker.pid).toBeUndefined();
  });
});
