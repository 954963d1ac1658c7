// What PostgreSQL said when a statement failed, read from Prisma's wrapper. No client here: the
// seed and the CLI scripts import this without opening a connection.
/**
 * The SQLSTATE a database function raised (e.g. "JJ001" from post_ledger_transaction), or null.
 * Prisma wraps a driver's error in P2010 and keeps PostgreSQL's code beside it.
 */
export function databaseErrorCode(error: unknown): string | null {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta?.driverAdapterError?.cause;
  return typeof cause?.originalCode === "string" ? cause.originalCode : null;
}

/** The message PostgreSQL gave with that code. */
export function databaseErrorMessage(error: unknown): string {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown } } } } | null)?.meta?.driverAdapterError?.cause;
  return typeof cause?.originalMessage === "string" ? cause.originalMessage : error instanceof Error ? error.message : String(error);
}
