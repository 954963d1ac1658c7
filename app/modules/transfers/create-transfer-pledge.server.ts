import { fen, formatFen } from "~/domain/money.ts";
import {
  commitmentIdForDonation,
  formatReceiptNo,
  pledgeExpiry,
  publicPledgerName,
  receiptCounterName,
  remainingOnLine,
  TRANSFER_PLEDGE_VALID_DAYS,
} from "~/domain/pledges/pledge-rules.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { msg } from "~/utils/validation.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { nextCounterValue } from "../counters/next-counter-value.server.ts";
import { enqueueMail } from "../mail/enqueue-mail.server.ts";
import { NeedLineFullError, reserveNeedLine } from "../needs/need-line-coverage.server.ts";
import { PledgeRefusedError } from "../pledges/pledge-errors.server.ts";
import type { TransferPledgeForm } from "./transfer-pledge-schema.server.ts";

/**
 * 线下转账认领: a donor promises a transfer to a PUBLISHED case. In one transaction —
 * - the cash line (the one chosen, else the first with something left) is reserved for the amount
 *   through reserveNeedLine; more than the line still needs is refused with the most it can take;
 * - a Donation (TRANSFER, PENDING, receipt number from counter "receipt:<year>", lapsing after 10 days)
 *   and its Commitment (DONATION, PLEDGED, id derived from the donation's) are written;
 * - the transfer instructions are mailed through the outbox when the contact is an e-mail address.
 * Nothing reaches the ledger until staff confirm the money arrived (receive-transfer.server.ts).
 */
export async function createTransferPledge(input: { caseNo: string; form: TransferPledgeForm; user: CurrentUser | null; locale: "zh-CN" | "en"; now?: Date }) {
  const { form, user } = input;
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await tx.case.findUnique({ where: { caseNo: input.caseNo }, select: { id: true, caseNo: true, status: true } });
    if (!found || found.status !== "PUBLISHED") throw new PledgeRefusedError({}, { formError: "pledging.errors.notOpen", status: 422 });

    const lines = await tx.need.findMany({
      where: { caseId: found.id, kind: "CASH", status: { not: "CANCELLED" } },
      orderBy: { sortOrder: "asc" },
      select: { id: true, status: true, target: true, committed: true },
    });
    const line = form.needId ? lines.find((l) => l.id === form.needId) : (lines.find((l) => remainingOnLine(l) > 0) ?? lines[0]);
    if (!line) throw new PledgeRefusedError(form.needId ? { needId: [msg("pledging.errors.line")] } : {}, { formError: form.needId ? undefined : "pledging.errors.noCashLine", status: form.needId ? 400 : 422 });

    try {
      await reserveNeedLine(tx, line.id, form.amount);
    } catch (error) {
      if (error instanceof NeedLineFullError) {
        if (error.remaining === 0) throw new PledgeRefusedError({}, { formError: "pledging.errors.lineFull", status: 409 });
        throw new PledgeRefusedError({ amount: [msg("pledging.errors.overRemainingFen", { max: formatFen(fen(error.remaining)) })] }, { status: 409 });
      }
      throw error;
    }

    const year = shanghaiDate(now).slice(0, 4);
    const receiptNo = formatReceiptNo(year, await nextCounterValue(tx, receiptCounterName(year)));
    const expiresAt = pledgeExpiry(now, TRANSFER_PLEDGE_VALID_DAYS);
    const email = form.contact.kind === "email" ? form.contact.value : null;
    const donorName = form.anonymous ? null : (form.name ?? null);

    const donation = await tx.donation.create({
      data: {
        receiptNo,
        caseId: found.id,
        needId: line.id,
        amountFen: form.amount,
        method: "TRANSFER",
        status: "PENDING",
        donorName,
        isAnonymous: form.anonymous,
        donorEmail: email,
        userId: user?.id ?? null,
        createdAt: now,
        expiresAt,
      },
      select: { id: true },
    });
    await tx.commitment.create({
      data: {
        id: commitmentIdForDonation(donation.id),
        caseId: found.id,
        needId: line.id,
        source: "DONATION",
        pledgerId: user?.id ?? null,
        pledgerName: publicPledgerName(form.name, form.anonymous),
        isAnonymous: form.anonymous,
        pledgerContact: form.contact.value,
        amount: form.amount,
        status: "PLEDGED",
        pledgedAt: now,
        expiresAt,
      },
    });
    if (email) await enqueueMail(tx, { template: "transfer-pledge-instructions", to: email, locale: input.locale, refs: { donationId: donation.id } });
    await recordAudit(tx, {
      actorId: user?.id ?? null,
      action: "donation.pledgeTransfer",
      entityType: "Donation",
      entityId: donation.id,
      caseId: found.id,
      toState: "PENDING",
      detail: { needId: line.id, amountFen: form.amount, receiptNo },
    });
    return { donationId: donation.id, receiptNo, amountFen: form.amount, expiresAt, caseNo: found.caseNo, isMailed: !!email };
  });
}
