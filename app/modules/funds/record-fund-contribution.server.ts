import { movementEntries } from "~/domain/ledger-postings.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { DONORS_ACCOUNT, ensureAccount, ensureSystemAccounts, fundAccount, postLedgerTransaction } from "../ledger/post-ledger-transaction.server.ts";
import { FundActionRefusedError } from "./fund-errors.server.ts";
import type { ContributionForm } from "./fund-schemas.server.ts";

/**
 * 资金注入: money put into a relief fund (公共财政, 福彩公益金, an enterprise's transfer …), posted
 * donors → fund in one transaction with its audit event. Keyed on the form's one-time request key,
 * so submitting the same form twice records it once. A closed fund takes no money.
 */
export function recordFundContribution(input: { fundId: string; user: CurrentUser; form: ContributionForm; now?: Date }) {
  const { form, user } = input;
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const fund = await tx.reliefFund.findUnique({ where: { id: input.fundId }, select: { id: true, name: true, status: true } });
    if (!fund) throw new FundActionRefusedError({}, { status: 404 });
    if (fund.status !== "ACTIVE") throw new FundActionRefusedError({}, { formError: "fundDesk.errors.fundClosed" });

    await ensureSystemAccounts(tx);
    await ensureAccount(tx, { code: fundAccount(fund.id), kind: "FUND", name: fund.name, fundId: fund.id });
    const posting = await postLedgerTransaction(tx, {
      kind: "FUND_CONTRIBUTION",
      idempotencyKey: `contribution:${form.requestKey}`,
      memo: form.memo ?? `${form.counterparty} → ${fund.name}`,
      contributionSource: form.source,
      counterparty: form.counterparty,
      createdById: user.id,
      occurredAt: now,
      entries: movementEntries("FUND_CONTRIBUTION", { code: DONORS_ACCOUNT, kind: "EXTERNAL_DONORS" }, { code: fundAccount(fund.id), kind: "FUND" }, form.amount),
    });
    if (posting.created) {
      await recordAudit(tx, {
        actorId: user.id,
        action: "fund.contribution",
        entityType: "ReliefFund",
        entityId: fund.id,
        detail: { transactionId: posting.id, source: form.source, amountFen: form.amount },
      });
    }
    return posting;
  });
}
