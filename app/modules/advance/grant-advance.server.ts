import { randomUUID } from "node:crypto";
import { formatFen, fen } from "~/domain/money.ts";
import { verificationDueDateAfterAdvance } from "~/domain/working-days.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { isoDateOf, shanghaiDate } from "~/utils/dates.ts";
import { msg } from "~/utils/validation.ts";
import { CaseChangedError, TransitionRefusedError, transitionCase } from "../cases/transition-case.server.ts";
import { caseAccount, ensureAccount, postLedgerTransaction } from "../ledger/post-ledger-transaction.server.ts";
import { getCalendarOverrides } from "../regions/get-calendar-overrides.server.ts";
import { AdvanceRefusedError } from "./advance-refused-error.server.ts";
import type { GrantAdvanceForm } from "./advance-schema.server.ts";
import { findAdvanceFund } from "./find-advance-fund.server.ts";
import { listCaseAdvances } from "./list-case-advances.server.ts";

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * 先行救助 (aid first, paperwork after): from an ACCEPTED case, a grant from the region's relief fund
 * up to its advance cap, in one transaction —
 * - the state machine's `advance` event (status stays ACCEPTED, compare-and-set on the version),
 *   which makes verification due 10 working days from today; an earlier due date already set is
 *   kept, so a second advance cannot push the paperwork back;
 * - a FundGrant, POSTED at once with the staff member as requester and reviewer: an advance under
 *   the cap needs no second person (find-advance-fund keeps the cap under the review threshold);
 * - the ledger posting fund −X / case +X keyed `grant:<id>` (InsufficientBalanceError rolls it
 *   all back when the fund has too little);
 * - an AssistanceRecord (JIUJINAN) for the person when the ID number is known, so the duplicate
 *   check and the poverty index see this aid.
 * No public CaseUpdate: the case is not public yet.
 */
export function grantAdvance(input: { caseId: string; user: CurrentUser; form: GrantAdvanceForm; now?: Date }) {
  const { caseId, user, form } = input;
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await tx.case.findUniqueOrThrow({
      where: { id: caseId },
      select: { id: true, caseNo: true, status: true, version: true, regionCode: true, category: true, verificationDueOn: true, beneficiary: { select: { idNumberHash: true } } },
    });
    if (found.version !== form.version) throw new CaseChangedError(caseId);
    if (found.status !== "ACCEPTED") throw new TransitionRefusedError("notAllowedFromStatus");

    const fund = await findAdvanceFund(tx, found);
    if (!fund) throw new AdvanceRefusedError({}, { formError: "casework.advance.noFund", status: 422 });
    const { usedFen } = await listCaseAdvances(tx, caseId);
    if (usedFen + form.amount > fund.advanceCapFen) {
      const leftFen = Math.max(0, fund.advanceCapFen - usedFen);
      throw new AdvanceRefusedError({ amount: [msg("casework.advance.overCap", { cap: formatFen(fen(fund.advanceCapFen)), left: formatFen(fen(leftFen)) })] });
    }

    const today = shanghaiDate(now);
    const dueOn = verificationDueDateAfterAdvance(today, await getCalendarOverrides(tx, found.regionCode));
    const existingDue = found.verificationDueOn && isoDateOf(found.verificationDueOn);
    const verificationDueOn = existingDue && existingDue < dueOn ? existingDue : dueOn;

    const grantId = randomUUID();
    await transitionCase(tx, {
      caseId,
      event: "advance",
      actor: user,
      expectedVersion: form.version,
      data: { verificationDueOn: dateOnly(verificationDueOn) },
      detail: { grantId, fundId: fund.id, amountFen: form.amount, verificationDueOn },
      now,
    });

    await ensureAccount(tx, { code: fund.accountCode, kind: "FUND", name: fund.name, fundId: fund.id });
    await ensureAccount(tx, { code: caseAccount(found.caseNo), kind: "CASE", name: `${found.caseNo} 个案账户`, caseId });
    await tx.fundGrant.create({
      data: {
        id: grantId,
        fundId: fund.id,
        caseId,
        amountFen: form.amount,
        purpose: form.purpose,
        isAdvance: true,
        status: "POSTED",
        requestedById: user.id,
        reviewedById: user.id,
        requestedAt: now,
        reviewedAt: now,
      },
    });
    const posting = await postLedgerTransaction(tx, {
      kind: "GRANT",
      idempotencyKey: `grant:${grantId}`,
      // The memo names the fund and case only: the purpose typed by staff may be personal.
      memo: `${fund.name} → ${found.caseNo}：先行救助`,
      counterparty: fund.name,
      createdById: user.id,
      occurredAt: now,
      entries: [
        { accountCode: fund.accountCode, amountFen: -form.amount },
        { accountCode: caseAccount(found.caseNo), amountFen: form.amount },
      ],
    });
    await tx.fundGrant.update({ where: { id: grantId }, data: { transactionId: posting.id } });

    const idNumberHash = found.beneficiary?.idNumberHash;
    if (idNumberHash) {
      await tx.assistanceRecord.create({
        data: {
          idNumberHash,
          programme: "JIUJINAN",
          regionCode: found.regionCode,
          amountFen: form.amount,
          purpose: form.purpose,
          startedOn: dateOnly(today),
          endedOn: dateOnly(today),
          caseId,
        },
      });
    }
    return { grantId, verificationDueOn };
  });
}
