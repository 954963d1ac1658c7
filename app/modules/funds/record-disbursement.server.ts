import { movementEntries } from "~/domain/ledger-postings.ts";
import { findPiiInPublicText } from "~/domain/pii-guard.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { msg } from "~/utils/validation.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { caseAccount, ensureAccount, ensureSystemAccounts, PAID_OUT_ACCOUNT, postLedgerTransaction } from "../ledger/post-ledger-transaction.server.ts";
import { loadBeneficiaryPii } from "../publication/check-public-text.server.ts";
import { FundActionRefusedError } from "./fund-errors.server.ts";
import type { DisbursementForm } from "./fund-schemas.server.ts";

/** Cases whose account may pay out: accepted and not yet at an end. */
export const DISBURSING_CASE_STATUSES = ["ACCEPTED", "VERIFIED", "PUBLISHED", "FULFILLED"] as const;

/** How the beneficiary is named as a payee everywhere (the disclosure prints the payee). */
export const BENEFICIARY_PAYEE_NAME = "受助人";

/**
 * 支付: money paid out of a case to a hospital, the beneficiary or a supplier, in one transaction —
 * case → paid-out keyed on the form's request key (a resubmitted form pays once), the Disbursement
 * row, and the audit event. Never more than the case holds: the ledger refuses to overdraw the case
 * account (InsufficientBalanceError) and the whole action rolls back. The payee's name is public
 * (公示), so it must not give the beneficiary away; the beneficiary is always "受助人".
 */
export function recordDisbursement(input: { caseId: string; user: CurrentUser; form: DisbursementForm; now?: Date }) {
  const { user, form } = input;
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { id: true, caseNo: true, status: true } });
    if (!(DISBURSING_CASE_STATUSES as readonly string[]).includes(found.status)) throw new FundActionRefusedError({}, { formError: "fundDesk.errors.caseStatus" });

    const payeeName = form.payeeKind === "BENEFICIARY" ? BENEFICIARY_PAYEE_NAME : form.payeeName!;
    if (form.payeeKind !== "BENEFICIARY" && findPiiInPublicText(payeeName, await loadBeneficiaryPii(tx, found.id)).length > 0) {
      throw new FundActionRefusedError({ payeeName: [msg("fundDesk.errors.payeePii")] });
    }

    await ensureSystemAccounts(tx);
    const account = caseAccount(found.caseNo);
    await ensureAccount(tx, { code: account, kind: "CASE", name: `${found.caseNo} 个案账户`, caseId: found.id });
    const posting = await postLedgerTransaction(tx, {
      kind: "DISBURSEMENT",
      idempotencyKey: `disbursement:${form.requestKey}`,
      memo: `${found.caseNo} → ${payeeName}`,
      counterparty: payeeName,
      createdById: user.id,
      occurredAt: now,
      entries: movementEntries("DISBURSEMENT", { code: account, kind: "CASE" }, { code: PAID_OUT_ACCOUNT, kind: "PAID_OUT" }, form.amount),
    });
    if (!posting.created) return tx.disbursement.findUniqueOrThrow({ where: { transactionId: posting.id }, select: { id: true } });

    const disbursement = await tx.disbursement.create({
      data: { caseId: found.id, amountFen: form.amount, payeeKind: form.payeeKind, payeeName, purpose: form.purpose, createdById: user.id, at: now, transactionId: posting.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "case.disbursement",
      entityType: "Disbursement",
      entityId: disbursement.id,
      caseId: found.id,
      detail: { amountFen: form.amount, payeeKind: form.payeeKind, transactionId: posting.id },
    });
    return disbursement;
  });
}
