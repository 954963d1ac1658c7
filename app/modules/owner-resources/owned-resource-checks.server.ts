// Checks and side writes every owner's write shares, run inside that write's transaction.
import type { Tx } from "~/utils/db.server.ts";
import { OrganizationNotVettedError, ResourceFieldsRefusedError } from "./owner-resource-errors.server.ts";

/** Search documents an owner's change touches (kinds the search outbox worker understands). */
export type IndexedKind = "project" | "volunteerOffer" | "organization";

/**
 * The SEARCH outbox row of a change, in the change's transaction. The worker reloads the row and
 * upserts it if public (ACTIVE, of a vetted organisation, not expired) or removes it otherwise.
 */
export function enqueueIndexUpdate(tx: Tx, kind: IndexedKind, id: string) {
  return tx.outboxEvent.create({ data: { topic: "SEARCH", kind: `${kind}.upsert`, payload: { id } } });
}

/**
 * Re-read in the transaction: an organisation suspended while its member was filling a form gets
 * nothing written. `FOR SHARE` holds off a concurrent status change until this write commits.
 */
export async function assertOrganizationVetted(tx: Tx, organizationId: string) {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Organization" WHERE id = ${organizationId} FOR SHARE`;
  if (rows[0]?.status !== "VETTED") throw new OrganizationNotVettedError();
}

/** Every listed code must be a stored province, city or county; the field message names the form field. */
export async function assertRegionCodesKnown(tx: Tx, codes: readonly string[], field = "regionCodes") {
  const known = await tx.region.count({ where: { code: { in: [...codes] }, level: { in: ["PROVINCE", "CITY", "COUNTY"] } } });
  if (known !== new Set(codes).size) throw new ResourceFieldsRefusedError({ [field]: ["ownerResources.errors.regionUnknown"] }, 400);
}

/** A @db.Date column from "YYYY-MM-DD" (midnight UTC, as the other date columns are stored). */
export function dateColumn(isoDate: string | undefined): Date | null {
  return isoDate ? new Date(`${isoDate}T00:00:00.000Z`) : null;
}

/** A new resource does not start already run out: its end date is today (Shanghai) or later. */
export function assertNotBeforeToday(fields: Record<string, string | undefined>, today: string) {
  const fieldErrors = Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== undefined && value < today)
      .map(([field]) => [field, ["ownerResources.errors.dateInPast"]]),
  );
  if (Object.keys(fieldErrors).length > 0) throw new ResourceFieldsRefusedError(fieldErrors, 400);
}
