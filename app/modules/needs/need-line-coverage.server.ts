// The one way a need line's coverage moves (DESIGN §5): every commitment against a line — a card
// gift, a fund grant, a project pick, goods or hours pledged — reserves its amount here, in the
// same transaction as the commitment row. The update is a single compare-and-set statement, so two
// givers racing for the last 分 or the last quilt cannot both win and a line is never over-covered.
import type { Prisma } from "~/generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

/** Refused because the line is covered, closed, or has less left than asked. */
export class NeedLineFullError extends Error {
  constructor(readonly needId: string, readonly remaining: number) {
    super(`Need line ${needId} has ${remaining} left`);
    this.name = "NeedLineFullError";
  }
}

/**
 * Adds `amount` (the line's unit: 分, pieces or hours) to the line's committed total, or throws
 * NeedLineFullError and changes nothing. The line turns COVERED when it reaches its target.
 */
export async function reserveNeedLine(tx: Tx, needId: string, amount: number): Promise<{ committed: number; target: number; isCovered: boolean }> {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`amount must be a positive integer, got ${amount}`);
  // reserve_need_line (prisma/migrations/*_money_functions): the same statement the card-gift hot path runs.
  const rows = await tx.$queryRaw<{ committed: number; target: number }[]>`SELECT "committed", "target" FROM reserve_need_line(${needId}, ${amount}::integer)`;
  const row = rows[0];
  if (!row) throw new NeedLineFullError(needId, await remainingOf(tx, needId));
  return { ...row, isCovered: row.committed >= row.target };
}

/** How much of the line is still open (0 when covered, cancelled or unknown). */
export async function remainingOf(tx: Tx, needId: string): Promise<number> {
  const need = await tx.need.findUnique({ where: { id: needId }, select: { status: true, target: true, committed: true } });
  if (!need || need.status !== "OPEN") return 0;
  return Math.max(0, need.target - need.committed);
}

/**
 * Gives back a reservation (a pledge cancelled, declined or expired, a gift refunded): the line
 * reopens if it had been covered. Never takes committed below zero.
 */
export async function releaseNeedLine(tx: Tx, needId: string, amount: number): Promise<void> {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`amount must be a positive integer, got ${amount}`);
  const count = await tx.$executeRaw`
    UPDATE "Need"
       SET "committed" = "committed" - ${amount},
           "status" = CASE WHEN "status" = 'COVERED' THEN 'OPEN'::"NeedStatus" ELSE "status" END
     WHERE "id" = ${needId} AND "committed" >= ${amount}`;
  if (count !== 1) throw new Error(`Need line ${needId} has less than ${amount} reserved`);
}

/** Records delivery (goods handed over, hours served, money paid) against a line; never above committed. */
export async function markNeedLineDelivered(tx: Tx, needId: string, amount: number): Promise<void> {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`amount must be a positive integer, got ${amount}`);
  const [row] = await tx.$queryRaw<{ marked: boolean }[]>`SELECT mark_need_line_delivered(${needId}, ${amount}::integer) AS "marked"`;
  if (!row?.marked) throw new Error(`Need line ${needId} cannot take ${amount} more delivered`);
}

/** Takes back a delivery (a paid gift refunded); never below zero. Release the reservation separately. */
export async function unmarkNeedLineDelivered(tx: Tx, needId: string, amount: number): Promise<void> {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`amount must be a positive integer, got ${amount}`);
  const count = await tx.$executeRaw`
    UPDATE "Need" SET "delivered" = "delivered" - ${amount}
     WHERE "id" = ${needId} AND "delivered" >= ${amount}`;
  if (count !== 1) throw new Error(`Need line ${needId} has less than ${amount} delivered`);
}
