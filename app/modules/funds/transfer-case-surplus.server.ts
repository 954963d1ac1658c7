import { movementEntries } from "~/domain/ledger-postings.ts";
import { can } from "~/domain/permissions.ts";
import { forbidden, type CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { msg } from "~/utils/validation.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { caseAccount, ensureAccount, fundAccount, postLedgerTransaction } from "../ledger/post-ledger-transaction.server.ts";
import { FundActionRefusedError } from "./fund-errors.server.ts";
import type { SurplusTransferForm } from "./fund-schemas.server.ts";
import { listCaseFunds } from "./list-case-funds.server.ts";

/** A case gives back what is left once its needs are met, or while it is still public. */
export const SURPLUS_CASE_STATUSES = ["PUBLISHED", "FULFILLED"] as const;

/**
 * 结余转出: money left in a case goes to a relief fund that may grant to it, case → fund keyed on
 * the form's request key, with its audit event. Never more than the case holds (the ledger refuses
 * to overdraw it and everything rolls back).
 */
export function transferCaseSurplus(input: { caseId: string; user: CurrentUser; form: SurplusTransferForm; now?: Date }) {
  const { user, form } = input;
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { id: true, caseNo: true, status: true, regionCode: true, category: true } });
    if (!(SURPLUS_CASE_STATUSES as readonly string[]).includes(found.status)) throw new FundActionRefusedError({}, { formError: "fundDesk.errors.caseStatus" });
    const fund = (await listCaseFunds(tx, found)).find((f) => f.id === form.fundId);
    if (!fund) throw new FundActionRefusedError({ fundId: [msg("fundDesk.errors.fundNotForCase")] }, { status: 400 });
    if (!can(user, "fund.record", { regionCode: fund.regionCode })) forbidden();

    const from = { code: caseAccount(found.caseNo), kind: "CASE" as const };
    const to = { code: fundAccount(fund.id), kind: "FUND" as const };
    await ensureAccount(tx, { code: from.code, kind: "CASE", name: `${found.caseNo} 个案账户`, caseId: found.id });
    await ensureAccount(tx, { code: to.code, kind: "FUND", name: fund.name, fundId: fund.id });
    const posting = await postLedgerTransaction(tx, {
      kind: "SURPLUS_TRANSFER",
      idempotencyKey: `surplus:${form.requestKey}`,
      memo: `${found.caseNo} 结余转入 ${fund.name}`,
      counterparty: fund.name,
      createdById: user.id,
      occurredAt: now,
      entries: movementEntries("SURPLUS_TRANSFER", from, to, form.amount),
    });
    if (posting.created) {
      await recordAudit(tx, {
        actorId: user.id,
        action: "case.surplusTransfer",
        entityType: "Case",
        entityId: found.id,
        caseId: found.id,
        detail: { fundId: fund.id, amountFen: form.amount, transactionId: posting.id },
      });
    }
    return posting;
  });
}
