import { movementEntries } from "~/domain/ledger-postings.ts";
import type { CommitmentStatusName } from "~/domain/pledges/commitment-status.ts";
import type { Tx } from "~/utils/db.server.ts";
import { caseAccount, ensureAccount, postLedgerTransaction, projectAccount } from "../ledger/post-ledger-transaction.server.ts";

type ResourceCommitment = {
  id: string;
  caseId: string;
  amount: number;
  projectId: string | null;
  volunteerOfferId: string | null;
  supplyOfferId: string | null;
  need: { kind: "CASH" | "ITEM" | "SERVICE" };
  case: { caseNo: string };
};

/**
 * Keeps a resource's figures in step with its commitment's status, inside the step's transaction,
 * with the meaning prisma/seed/reconcile.ts gives them: a project's `reservedFen`, a supply offer's
 * `quantityReserved` and a volunteer offer's `hoursReserved` are the sums of its active
 * (PLEDGED/CONFIRMED/DELIVERED) commitments, and `hoursDelivered` the sum of the delivered ones.
 * - cancelled or expired: the reservation goes back to the resource (never below zero);
 * - delivered hours count on the volunteer offer;
 * - a project's money delivered to a cash line moves in the ledger, project → case, keyed
 *   `project-grant:<commitmentId>` (a project that does not hold it refuses: InsufficientBalanceError).
 */
export async function settleResourceCommitment(tx: Tx, commitment: ResourceCommitment, to: CommitmentStatusName, input: { actorId: string | null; now: Date }) {
  const amount = commitment.amount;
  if (to === "CANCELLED" || to === "EXPIRED") {
    if (commitment.projectId) await tx.$executeRaw`UPDATE "Project" SET "reservedFen" = GREATEST("reservedFen" - ${amount}, 0) WHERE "id" = ${commitment.projectId}`;
    if (commitment.supplyOfferId) await tx.$executeRaw`UPDATE "SupplyOffer" SET "quantityReserved" = GREATEST("quantityReserved" - ${amount}, 0) WHERE "id" = ${commitment.supplyOfferId}`;
    if (commitment.volunteerOfferId) await tx.$executeRaw`UPDATE "VolunteerOffer" SET "hoursReserved" = GREATEST("hoursReserved" - ${amount}, 0) WHERE "id" = ${commitment.volunteerOfferId}`;
    return;
  }
  if (to !== "DELIVERED") return;
  if (commitment.volunteerOfferId) await tx.volunteerOffer.update({ where: { id: commitment.volunteerOfferId }, data: { hoursDelivered: { increment: amount } } });
  if (commitment.projectId && commitment.need.kind === "CASH") {
    const project = await tx.project.findUniqueOrThrow({ where: { id: commitment.projectId }, select: { id: true, title: true, organization: { select: { name: true } } } });
    const from = { code: projectAccount(project.id), kind: "PROJECT" as const };
    const to = { code: caseAccount(commitment.case.caseNo), kind: "CASE" as const };
    await ensureAccount(tx, { code: from.code, kind: "PROJECT", name: `${project.organization.name}·${project.title}`, projectId: project.id });
    await ensureAccount(tx, { code: to.code, kind: "CASE", name: `${commitment.case.caseNo} 个案账户`, caseId: commitment.caseId });
    await postLedgerTransaction(tx, {
      kind: "GRANT",
      idempotencyKey: `project-grant:${commitment.id}`,
      memo: `${project.title} 资助 ${commitment.case.caseNo}`,
      counterparty: project.organization.name,
      createdById: input.actorId ?? undefined,
      occurredAt: input.now,
      entries: movementEntries("GRANT", from, to, amount),
    });
  }
}
