import { commitmentIdForDonation } from "~/domain/pledges/pledge-rules.ts";
import { prisma } from "~/utils/db.server.ts";
import { endTransferPledge } from "../transfers/end-transfer-pledge.server.ts";
import { COMMITMENT_STEP_SELECT } from "./apply-commitment-intent.server.ts";
import { CommitmentChangedError, CommitmentNotFoundError, CommitmentRefusedError } from "./pledge-errors.server.ts";

/** How many lapsed pledges of each kind one run handles (each in its own short transaction). */
export const EXPIRY_BATCH = 200;

/**
 * The platform's expiry sweep: every goods/hours pledge (DIRECT_PLEDGE) still PLEDGED past its
 * `expiresAt`, and every offline transfer still PENDING past its donation's `expiresAt`, becomes
 * EXPIRED — the line's reservation released, the donation EXPIRED. Card gifts are left alone (the
 * payment webhook decides those). One transaction per pledge, so a pledge staff confirm in the same
 * instant simply wins the compare-and-set and is skipped. Returns how many expired.
 */
export async function expireOverduePledges(now = new Date()): Promise<number> {
  const [pledges, transfers] = await Promise.all([
    prisma.commitment.findMany({
      where: { status: "PLEDGED", source: "DIRECT_PLEDGE", expiresAt: { lt: now } },
      orderBy: { expiresAt: "asc" },
      take: EXPIRY_BATCH,
      select: { id: true },
    }),
    prisma.donation.findMany({
      where: { method: "TRANSFER", status: "PENDING", expiresAt: { lt: now } },
      orderBy: { expiresAt: "asc" },
      take: EXPIRY_BATCH,
      select: { id: true },
    }),
  ]);
  const ids = [...pledges.map((p) => p.id), ...transfers.map((d) => commitmentIdForDonation(d.id))];
  let expired = 0;
  for (const id of ids) {
    try {
      await prisma.$transaction(async (tx) => {
        const commitment = await tx.commitment.findUnique({ where: { id }, select: COMMITMENT_STEP_SELECT });
        if (!commitment) throw new CommitmentNotFoundError(id);
        await endTransferPledge(tx, { commitment, intent: "expire", actor: "system", actorId: null, expectedVersion: commitment.version, now });
      });
      expired += 1;
    } catch (error) {
      if (error instanceof CommitmentChangedError || error instanceof CommitmentRefusedError || error instanceof CommitmentNotFoundError) continue;
      throw error;
    }
  }
  return expired;
}
